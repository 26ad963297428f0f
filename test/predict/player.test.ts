import { describe, expect, it } from 'vitest';
import { KEYS } from '../../src/ui/controls/keys.ts';
import { engineFormats } from '../../src/worker/formats.ts';
import { EngineHost } from '../../src/worker/host.ts';
import { REAL_ENGINE } from '../../src/worker/real-engine.ts';
import { scenarioText } from '../engine/builtin.ts';
import { createAppStore, type AppState } from '../../src/state/store.ts';
import { readUrl, writeUrl } from '../../src/state/url.ts';
import { predictQuestion } from '../../src/state/predict/choices.ts';
import { toAlternatives, watchPredict, type AlternativesClient } from '../../src/state/predict/load.ts';
import { alternativesKey, pickChoice, predictForward, scoreKey, scoreOf, seek, togglePredict } from '../../src/state/predict/player.ts';
import { predictVariants } from '../../src/state/predict/variants.ts';

const FLOW = { from: 'netpod', to: 'svc', proto: 'tcp' as const, port: 80 };

/** A store as the page has it in predict mode on kans-lab's service flow, alternatives loaded. */
function predictStore(over: Partial<AppState> = {}) {
  const host = new EngineHost(REAL_ENGINE, engineFormats(REAL_ENGINE));
  const loaded = host.handle({ id: 1, type: 'loadScenario', text: scenarioText('kans-lab'), name: 'kans-lab' });
  if (!loaded.ok) throw new Error('kans-lab does not load');
  const trace = host.handle({ id: 2, type: 'trace', flow: FLOW });
  const variants = predictVariants({}, loaded.summary.config);
  const alts = toAlternatives(variants, host.handle({ id: 3, type: 'alternatives', flow: trace.flow, variants }));
  const store = createAppStore({ scenarioName: 'kans-lab', summary: loaded.summary, flow: FLOW, trace, predict: true, ...over });
  store.setState((s) => ({ predictAlts: { key: alternativesKey(s) ?? '', alts } }));
  return { store, trace, alts, host, variants };
}

describe('predict mode: stepping', () => {
  it('inside a lesson the clicker reveals an open question, then goes to the next stop, never hop by hop', () => {
    const { store } = predictStore({ lesson: { id: 'socket-lb', stop: 0, stops: 4 } });
    const next = KEYS.PageDown;
    if (!next) throw new Error('no PageDown');
    // → asks about the next hop as outside a lesson.
    KEYS.ArrowRight?.(store);
    expect(store.getState().predictAsk?.revealed).toBe(false);
    next(store);
    expect(store.getState()).toMatchObject({ predictAsk: { revealed: true }, lesson: { stop: 0 }, step: 0 });
    next(store);
    expect(store.getState()).toMatchObject({ predictAsk: undefined, lesson: { stop: 1 }, step: 0 });
    // Nothing asked: straight to the next stop.
    KEYS.n?.(store);
    expect(store.getState()).toMatchObject({ predictAsk: undefined, lesson: { stop: 2 } });
  });

  it('→ asks about the next hop without showing it, Enter/→ reveals and scores, then shows the hop', () => {
    const { store, trace, alts } = predictStore();
    predictForward(store);
    const ask = store.getState().predictAsk;
    expect(ask?.question).toEqual(predictQuestion(trace, alts, 1, trace.flow.seed));
    expect(store.getState().step).toBe(0);
    const right = ask?.question.choices.findIndex((c) => c.right) ?? -1;
    pickChoice(store, right);
    predictForward(store);
    expect(store.getState().predictAsk?.revealed).toBe(true);
    expect(store.getState().step).toBe(0);
    expect(scoreOf(store.getState())).toEqual({ right: 1, answered: 1 });
    predictForward(store);
    expect(store.getState().step).toBe(1);
    expect(store.getState().predictAsk).toBeUndefined();
  });

  it('a wrong pick counts as answered, not right; a reveal without a pick is not counted', () => {
    const { store } = predictStore();
    predictForward(store);
    KEYS.ArrowRight?.(store); // reveal with no pick
    KEYS.ArrowRight?.(store); // show hop 1
    expect(scoreOf(store.getState())).toEqual({ right: 0, answered: 0 });
    store.setState({ step: 2 });
    predictForward(store);
    const wrong = store.getState().predictAsk?.question.choices.findIndex((c) => !c.right) ?? -1;
    pickChoice(store, wrong);
    KEYS.PageDown?.(store);
    expect(scoreOf(store.getState())).toEqual({ right: 0, answered: 1 });
  });

  it('a hop no configuration does differently is shown at once and said so; PageDown and Space step like →', () => {
    const { store, trace } = predictStore();
    const arp = trace.events.findIndex((e) => e.kind === 'arp-proxy');
    store.setState({ step: arp - 1 });
    KEYS.PageDown?.(store);
    expect(store.getState()).toMatchObject({ step: arp, predictSkipped: arp, predictAsk: undefined });
    KEYS[' ']?.(store);
    expect(store.getState().predictAsk?.question.hop).toBe(arp + 1);
    expect(store.getState().playing).toBe(false);
    // ← closes the question and stays on the hop.
    KEYS.ArrowLeft?.(store);
    expect(store.getState()).toMatchObject({ step: arp, predictAsk: undefined });
  });

  it('waits for the other configurations before asking (no hop shown unasked)', () => {
    const { store } = predictStore();
    store.setState({ predictAlts: undefined });
    predictForward(store);
    expect(store.getState()).toMatchObject({ step: 0, predictAsk: undefined });
  });

  it('End and the scrubber never jump past hops nobody predicted; Home and dragging back still work', () => {
    const { store } = predictStore();
    KEYS.End?.(store);
    expect(store.getState()).toMatchObject({ step: 0, predictAsk: undefined });
    store.setState({ step: 3 });
    seek(store, 9);
    expect(store.getState().step).toBe(3);
    seek(store, 1);
    expect(store.getState().step).toBe(1);
    KEYS.Home?.(store);
    expect(store.getState().step).toBe(0);
    // Predict off: End and the scrubber go anywhere.
    togglePredict(store);
    seek(store, 4);
    expect(store.getState().step).toBe(4);
    KEYS.End?.(store);
    expect(store.getState().step).toBe((store.getState().trace?.events.length ?? 0) - 1);
  });

  it('off, the keys step as before', () => {
    const { store } = predictStore({ predict: false });
    KEYS.ArrowRight?.(store);
    KEYS.PageDown?.(store);
    expect(store.getState()).toMatchObject({ step: 2, predictAsk: undefined });
    togglePredict(store);
    expect(store.getState().predict).toBe(true);
  });

  it('keeps the score per lesson when one is active, else per flow', () => {
    const { store } = predictStore();
    expect(scoreKey(store.getState())).toBe('flow:kans-lab:netpod>svc/tcp:80');
    store.setState({ lesson: { id: 'socket-lb' } } as Partial<AppState>);
    expect(scoreKey(store.getState())).toBe('lesson:socket-lb');
    predictForward(store);
    pickChoice(store, 0);
    predictForward(store);
    expect(scoreOf(store.getState()).answered).toBe(1);
    // Another stop of the lesson (another flow) asks its own hop 1 again and adds to the same score.
    store.setState({ flow: { ...FLOW, port: 8080 }, step: 0, predictAsk: undefined });
    store.setState((s) => ({ predictAlts: s.predictAlts && { ...s.predictAlts, key: alternativesKey(s) ?? '' } }));
    predictForward(store);
    expect(store.getState().predictAsk?.question.hop).toBe(1);
    pickChoice(store, 0);
    predictForward(store);
    expect(scoreOf(store.getState()).answered).toBe(2);
    store.setState({ lesson: undefined } as Partial<AppState>);
    expect(scoreOf(store.getState()).answered).toBe(0);
  });

  it('asks the worker for the alternatives once per trace, and closes a question the cursor left', async () => {
    const { store, host } = predictStore();
    store.setState({ predictAlts: undefined });
    const asked: string[][] = [];
    const client: AlternativesClient = {
      request: (body) => {
        asked.push(body.variants.map((v) => v.id));
        return Promise.resolve(host.handle({ id: 9, ...body }));
      },
    };
    const stop = watchPredict(store, client);
    store.setState({ speed: 2 });
    await Promise.resolve();
    await Promise.resolve();
    expect(asked).toHaveLength(1);
    expect(asked[0]).toContain('routing:vxlan');
    expect(store.getState().predictAlts?.alts.length).toBeGreaterThan(5);
    predictForward(store);
    expect(store.getState().predictAsk).toBeDefined();
    store.setState({ step: 5 });
    expect(store.getState().predictAsk).toBeUndefined();
    // Another trace (a new flow, new settings) closes a question about the old one.
    store.setState({ step: 0 });
    predictForward(store);
    expect(store.getState().predictAsk).toBeDefined();
    store.setState((s) => ({ trace: s.trace && { ...s.trace } }));
    expect(store.getState().predictAsk).toBeUndefined();
    stop();
  });

  it('follows the URL: predict=1', () => {
    expect(readUrl('?predict=1').predict).toBe(true);
    expect(readUrl('?predict=0').predict).toBeUndefined();
    const { store } = predictStore();
    expect(writeUrl(store.getState())).toContain('predict=1');
    expect(writeUrl({ ...store.getState(), predict: false })).not.toContain('predict');
  });
});

describe('predict mode: the other configurations', () => {
  it('are the settings bar\'s choices, one change from the settings in force, each datapath once', () => {
    const config = {
      'enable-ip-masq-agent': 'true', 'routing-mode': 'native', 'tunnel-protocol': 'vxlan', 'kube-proxy-replacement': 'true',
      'enable-bpf-masquerade': 'true', 'bpf-lb-sock': 'true', 'enable-host-legacy-routing': 'false', 'monitor-aggregation': 'medium', 'enable-policy': 'default',
    };
    const ids = predictVariants({}, config).map((v) => v.id);
    expect(ids).toEqual(expect.arrayContaining(['routing:vxlan', 'routing:geneve', 'switch:enable-ip-masq-agent:off', 'switch:kube-proxy-replacement:off',
      'switch:bpf-lb-sock:off', 'switch:enable-host-legacy-routing:on', 'mode:netkit', 'policy:always']));
    // The same datapath under two names is traced once: the switch's name wins over the preset's.
    expect(ids).not.toContain('mode:ip-masq-agent-off');
    expect(ids).not.toContain('mode:tunnel-vxlan');
    expect(ids).not.toContain('routing:native');
    // ip-masq-agent on needs BPF masquerade on too (the agent refuses it alone).
    const off = { ...config, 'enable-ip-masq-agent': 'false', 'enable-bpf-masquerade': 'false' };
    expect(predictVariants({ 'enable-ip-masq-agent': 'false' }, off).find((v) => v.id === 'switch:enable-ip-masq-agent:on')?.settings)
      .toEqual({ 'enable-ip-masq-agent': 'true', 'enable-bpf-masquerade': 'true' });
  });
});
