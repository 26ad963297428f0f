import { describe, expect, it } from 'vitest';
import { render } from '../i18n/index.ts';
import { EngineClient, type WorkerLike } from '../worker/client.ts';
import { fakeEngine, fixtureTrace, stubFormats } from '../worker/fixture.test-helper.ts';
import { EngineHost } from '../worker/host.ts';
import { toWireError, type WorkerMessage, type WorkerRequest } from '../worker/protocol.ts';
import { createActions } from './actions.ts';
import { lastCursor, lastStep, play, reset, startClock, stepBack, stepForward, tick, toEnd, togglePlay } from './player.ts';
import { selectPanelNode, SIDES, touchedRows, writtenRows } from './selectors.ts';
import { createAppStore } from './store.ts';

const trace = fixtureTrace({ from: 'client', to: 'server', proto: 'icmp' });

function inProcessClient() {
  const engine = fakeEngine();
  const host = new EngineHost(engine, stubFormats(engine));
  const worker: WorkerLike = {
    onmessage: null,
    onerror: null,
    terminate() {},
    postMessage(req: WorkerRequest) {
      queueMicrotask(() => {
        let m: WorkerMessage;
        try {
          m = { requestId: req.id, ok: true, value: host.handle(req) };
        } catch (e) {
          m = { requestId: req.id, ok: false, error: toWireError(e) };
        }
        worker.onmessage?.({ data: m } as MessageEvent<WorkerMessage>);
      });
    },
  };
  return new EngineClient(() => worker);
}

describe('player', () => {
  it('steps within the trace and never past its ends', () => {
    const store = createAppStore({ trace });
    stepBack(store);
    expect(store.getState().step).toBe(0);
    stepForward(store);
    stepForward(store);
    expect(store.getState().step).toBe(2);
    toEnd(store);
    expect(store.getState().step).toBe(4);
    stepForward(store);
    expect(store.getState().step).toBe(lastStep(store.getState()));
    reset(store);
    expect(store.getState().step).toBe(0);
  });

  it('plays from the start when at the end, and stops itself at the last hop', () => {
    const store = createAppStore({ trace, step: 4 });
    play(store);
    expect(store.getState()).toMatchObject({ playing: true, step: 0 });
    for (let i = 0; i < 10; i++) tick(store);
    expect(store.getState()).toMatchObject({ playing: false, step: 4 });
    togglePlay(store);
    togglePlay(store);
    expect(store.getState().playing).toBe(false);
  });

  it('clock ticks at 1000/speed ms only while playing', () => {
    const store = createAppStore({ trace, speed: 2 });
    const queue: { fn: () => void; ms: number }[] = [];
    const stop = startClock(store, {
      setTimeout: (fn, ms) => queue.push({ fn, ms }),
      clearTimeout: () => queue.splice(0),
    });
    expect(queue).toHaveLength(0);
    play(store);
    expect(queue.at(-1)?.ms).toBe(500);
    queue.at(-1)?.fn();
    expect(store.getState().step).toBe(1);
    stop();
  });
});

describe('selectors', () => {
  it('follows the current hop node unless a node is picked', () => {
    const summary = { nodes: [{ name: 'k8s-a' }, { name: 'k8s-b' }] } as never;
    const store = createAppStore({ trace, step: 4, summary });
    expect(selectPanelNode(store.getState())).toBe('k8s-b');
    store.setState({ panelNode: 'k8s-a' });
    expect(selectPanelNode(store.getState())).toBe('k8s-a');
  });

  it('at a hop outside the cluster (the world), stays on the last cluster node the flow was on', () => {
    const summary = { nodes: [{ name: 'k8s-a' }, { name: 'k8s-b' }] } as never;
    const events = trace.events.map((e, i) => (i === 3 ? { ...e, node: 'world' } : e));
    const store = createAppStore({ trace: { ...trace, events }, step: 3, summary });
    expect(selectPanelNode(store.getState())).toBe(trace.events[2]?.node);
  });

  it('marks rows the flow wrote so far and the rows the current hop touched', () => {
    expect(writtenRows(trace.events, 1, 'k8s-a').size).toBe(0);
    expect(writtenRows(trace.events, 2, 'k8s-a')).toEqual(new Map([['cilium_ct_any4_global', new Set(['ICMP OUT 10.1.0.10:1 -> 10.1.1.20:0'])]]));
    expect(touchedRows(trace.events[1], 'k8s-a')).toEqual(new Map([['cilium_ipcache', new Set(['10.1.1.20/32'])]]));
    expect(touchedRows(trace.events[1], 'k8s-b').size).toBe(0);
  });
});

describe('actions', () => {
  it('loads a scenario, traces a flow and keeps a step that still exists after a setting changes', async () => {
    const store = createAppStore();
    const actions = createActions(store, inProcessClient(), async () => 'ok');
    expect(await actions.loadBuiltin('lab')).toBe(true);
    expect(store.getState().summary?.nodes).toHaveLength(2);
    await actions.setFlow({ from: 'client', to: 'server', proto: 'icmp' }, 3);
    expect(store.getState().step).toBe(3);
    await actions.setSetting('enable-ip-masq-agent', 'false');
    expect(store.getState()).toMatchObject({ step: 3, settings: { 'enable-ip-masq-agent': 'false' } });
    expect(store.getState().summary?.config['enable-ip-masq-agent']).toBe('false');
  });

  it('keeps the old scenario and the pasted text when a broken one is loaded', async () => {
    const store = createAppStore();
    const actions = createActions(store, inProcessClient(), async () => 'ok');
    await actions.loadBuiltin('lab');
    expect(await actions.loadText('broken: yes', 'mine')).toBe(false);
    const s = store.getState();
    expect(s.scenarioName).toBe('lab');
    expect(s.draftText).toBe('broken: yes');
    expect(s.loadErrors[0]).toMatchObject({ line: 7, object: 'Pod default/x' });
  });

  it('reports an unknown name with the names that would work', async () => {
    const store = createAppStore();
    const actions = createActions(store, inProcessClient(), async () => 'ok');
    await actions.loadBuiltin('lab');
    await actions.setFlow({ from: 'ghost', to: 'server', proto: 'icmp' });
    expect(store.getState().traceError).toEqual({ message: { id: 'error.unknown_source', params: { name: 'ghost' } }, known: ['client', 'peer', 'server'] });
    expect(store.getState().trace).toBeUndefined();
  });

  it('keeps the old settings and the trace when the engine refuses a value, and says why', async () => {
    const store = createAppStore();
    const actions = createActions(store, inProcessClient(), async () => 'ok');
    await actions.loadBuiltin('lab');
    await actions.setFlow({ from: 'client', to: 'server', proto: 'icmp' }, 2);
    const before = store.getState().trace;
    await actions.setSetting('routing-mode', 'bogus');
    expect(store.getState().settings).toEqual({});
    expect(store.getState().settingsError).toEqual({ message: 'routing-mode: bogus is not native or tunnel', settings: { 'routing-mode': 'bogus' } });
    expect(store.getState()).toMatchObject({ trace: before, step: 2 });
    await actions.setSetting('enable-ip-masq-agent', 'false');
    expect(store.getState().settingsError).toBeUndefined();
  });
});

describe('first paint', () => {
  it('draws from the build summary before the worker answers, then takes the worker summary', async () => {
    const store = createAppStore();
    const pre = { name: 'from-build', nodes: [], services: [], config: {}, settings: {}, ignored: [], warnings: [] } as never;
    let answer: (v: never) => void = () => undefined;
    const slow = new Promise<never>((r) => (answer = r));
    const actions = createActions(store, inProcessClient(), async () => 'ok', () => slow, () => Promise.resolve(pre));
    const loading = actions.loadBuiltin('lab');
    await Promise.resolve();
    await Promise.resolve();
    expect(store.getState().summary).toBe(pre);
    const client = inProcessClient();
    answer({ text: 'ok', reply: await client.request({ type: 'loadScenario', text: 'ok', name: 'lab' }) } as never);
    expect(await loading).toBe(true);
    expect(store.getState().summary?.name).toBe('lab');
  });
});

describe('compare', () => {
  async function comparing(spec: string) {
    const store = createAppStore();
    const actions = createActions(store, inProcessClient(), async () => 'ok');
    await actions.loadBuiltin('lab');
    await actions.setFlow({ from: 'client', to: 'server', proto: 'icmp' }, 2);
    await actions.setCompare(spec);
    return { store, actions };
  }

  it('traces side B under the preset and aligns it, marking the hop only B has', async () => {
    const { store } = await comparing('tunnel-vxlan');
    const c = store.getState().compare;
    expect(c?.settings).toEqual({ 'routing-mode': 'tunnel', 'tunnel-protocol': 'vxlan' });
    expect(c).toMatchObject({ hopsA: 5, hopsB: 6, differing: 1, error: undefined });
    expect(c?.rows.filter((r) => !r.same)).toMatchObject([{ b: 3, same: false }]);
    expect(c?.trace?.events[3]?.kind).toBe('tunnel-encap');
    // Entering compare mode keeps the place: A's hop 2 is row 2.
    expect(store.getState()).toMatchObject({ row: 2, step: 2 });
  });

  it('steps both sides with one cursor; A waits on the row only B has', async () => {
    const { store } = await comparing('routing-mode:tunnel');
    expect(lastCursor(store.getState())).toBe(5);
    stepForward(store);
    expect(store.getState()).toMatchObject({ row: 3, step: 2 });
    expect(SIDES.a.idle(store.getState())).toBe(true);
    expect(SIDES.b.step(store.getState())).toBe(3);
    stepForward(store);
    expect(store.getState()).toMatchObject({ row: 4, step: 3 });
    expect(SIDES.b.step(store.getState())).toBe(4);
    toEnd(store);
    expect(store.getState()).toMatchObject({ row: 5, step: 4 });
    play(store);
    expect(store.getState()).toMatchObject({ row: 0, step: 0, playing: true });
    for (let i = 0; i < 10; i++) tick(store);
    expect(store.getState()).toMatchObject({ row: 5, playing: false });
  });

  it('follows a settings change on side A, and keeps side A when side B is refused', async () => {
    const { store, actions } = await comparing('tunnel-vxlan');
    await actions.setSetting('enable-ip-masq-agent', 'false');
    expect(store.getState().compare?.settings).toEqual({ 'enable-ip-masq-agent': 'false', 'routing-mode': 'tunnel', 'tunnel-protocol': 'vxlan' });
    await actions.setCompare('routing-mode:bogus');
    const s = store.getState();
    expect(s.compare?.error).toMatch(/bogus/);
    expect(s.trace?.events).toHaveLength(5);
    // Without side B the cursor is side A's step again.
    stepForward(store);
    expect(store.getState().step).toBe(s.step + 1);
    await actions.setCompare(undefined);
    expect(store.getState().compare).toBeUndefined();
  });

  it('drops side B when side A cannot trace the new flow', async () => {
    const { store, actions } = await comparing('tunnel-vxlan');
    await actions.setFlow({ from: 'ghost', to: 'server', proto: 'icmp' });
    const s = store.getState();
    expect(s.traceError?.message).toEqual({ id: 'error.unknown_source', params: { name: 'ghost' } });
    expect(s.compare).toMatchObject({ spec: 'tunnel-vxlan', trace: undefined, rows: [] });
    await actions.setFlow({ from: 'client', to: 'server', proto: 'icmp' });
    expect(store.getState().compare?.trace?.events).toHaveLength(6);
  });

  it('says so when the spec is neither a mode nor key:value pairs', async () => {
    const { store } = await comparing('no-such-mode');
    const error = store.getState().compare?.error;
    expect(typeof error === 'object' && render('en', error)).toMatch(/^compare=no-such-mode: "no-such-mode" is not key=value.*or a mode/);
    expect(typeof error === 'object' && render('ko', error)).toMatch(/^compare=no-such-mode: "no-such-mode"는 key=value/);
  });
});
