import { describe, expect, it } from 'vitest';
import type { FlowRequest, Settings, Trace } from '../../src/engine/index.ts';
import { engineFormats } from '../../src/worker/formats.ts';
import { EngineHost } from '../../src/worker/host.ts';
import type { WorkerRequest } from '../../src/worker/protocol.ts';
import { REAL_ENGINE } from '../../src/worker/real-engine.ts';
import { scenarioText } from '../engine/builtin.ts';
import { answerKey, answerOf, nextHopIn, predictQuestion, QUESTION_KINDS, type Alternative } from '../../src/state/predict/choices.ts';
import { toAlternatives } from '../../src/state/predict/load.ts';
import { predictVariants } from '../../src/state/predict/variants.ts';

/** The page's path, in-process: the worker host traces the flow and every other configuration of the settings bar. */
function lab(name: string, flow: FlowRequest, settings: Settings = {}) {
  const host = new EngineHost(REAL_ENGINE, engineFormats(REAL_ENGINE));
  const loaded = host.handle({ id: 1, type: 'loadScenario', text: scenarioText(name), name });
  if (!loaded.ok) throw new Error(`${name} does not load`);
  const summary = Object.keys(settings).length ? host.handle({ id: 2, type: 'setSettings', settings }) : loaded.summary;
  const main = host.handle({ id: 3, type: 'trace', flow });
  const variants = predictVariants(summary.settings, summary.config);
  const reply = host.handle({ id: 4, type: 'alternatives', flow: main.flow, variants });
  return { main, alts: toAlternatives(variants, reply), variants, reply };
}

const SERVICE: FlowRequest = { from: 'netpod', to: 'svc', proto: 'tcp', port: 80 };
const THREE_ZONES: FlowRequest = { from: 'toolbox', to: 'shop/web', proto: 'tcp', port: 8080 };

/** Every question of a trace, checked against the traces it claims to come from. */
function checkAll(main: Trace, alts: Alternative[]) {
  let asked = 0;
  for (let hop = 1; hop < main.events.length; hop++) {
    const q = predictQuestion(main, alts, hop, main.flow.seed);
    if (!q) {
      // No question: every configuration that stands here does the same next, in every respect asked.
      for (const alt of alts) {
        const other = nextHopIn(main, alt.trace, hop);
        const ev = main.events[hop];
        if (!other || !ev) continue;
        for (const kind of QUESTION_KINDS) expect(answerKey(answerOf(other, kind))).toBe(answerKey(answerOf(ev, kind)));
      }
      continue;
    }
    asked++;
    const ev = main.events[hop];
    if (!ev) throw new Error('no hop');
    expect(q.choices.length).toBeGreaterThanOrEqual(2);
    expect(q.choices.length).toBeLessThanOrEqual(4);
    const keys = q.choices.map((c) => answerKey(c.answer));
    expect(new Set(keys).size).toBe(keys.length);
    const right = q.choices.filter((c) => c.right);
    expect(right).toHaveLength(1);
    expect(right[0]?.answer).toEqual(answerOf(ev, q.kind));
    for (const c of q.choices.filter((x) => !x.right)) {
      expect(c.fromIds.length).toBeGreaterThan(0);
      expect(c.from).toHaveLength(c.fromIds.length);
      for (const id of c.fromIds) {
        const alt = alts.find((a) => a.variant.id === id);
        const other = alt && nextHopIn(main, alt.trace, hop);
        if (!other) throw new Error(`${id} has no hop after ${hop - 1}`);
        expect(answerOf(other, q.kind)).toEqual(c.answer);
      }
    }
  }
  return asked;
}

describe('predict mode: the choices', () => {
  it('kans-lab, curl the Service: the right answer is always a choice and each distractor is what a named configuration does there', () => {
    const { main, alts } = lab('kans-lab', SERVICE);
    expect(alts.length).toBeGreaterThanOrEqual(6);
    expect(checkAll(main, alts)).toBeGreaterThan(20);
  });

  it('three-zones under VXLAN: the same holds, with native routing among the other configurations', () => {
    const { main, alts, variants } = lab('three-zones', THREE_ZONES, { 'routing-mode': 'tunnel', 'tunnel-protocol': 'vxlan' });
    expect(variants.map((v) => v.id)).toContain('routing:native');
    expect(variants.map((v) => v.id)).not.toContain('routing:vxlan');
    expect(checkAll(main, alts)).toBeGreaterThan(5);
    // Somewhere the class must tell the tunnel's outer header from native routing's bare packet.
    const native = main.events.some((_, hop) => {
      const q = predictQuestion(main, alts, hop);
      return q?.kind === 'packet' && q.choices.some((c) => c.right && c.answer.kind === 'packet' && c.answer.outer) &&
        q.choices.some((c) => !c.right && c.fromIds.includes('routing:native') && c.answer.kind === 'packet' && !c.answer.outer);
    });
    expect(native).toBe(true);
  });

  it('kans-lab: the socket LB\'s backend address is asked against kube-proxy\'s and per-packet LB\'s ClusterIP', () => {
    const { main, alts } = lab('kans-lab', SERVICE);
    const vip = '10.10.252.131:80';
    const q = main.events.map((_, hop) => predictQuestion(main, alts, hop)).find((x) =>
      x?.choices.some((c) => !c.right && c.answer.kind === 'packet' && c.answer.dst === vip && c.fromIds.includes('switch:kube-proxy-replacement:off')));
    expect(q).toBeDefined();
    const right = q?.choices.find((c) => c.right)?.answer;
    expect(right?.kind === 'packet' && right.dst).not.toBe(vip);
    expect(q?.choices.find((c) => c.answer.kind === 'packet' && c.answer.dst === vip)?.fromIds).toContain('switch:bpf-lb-sock:off');
  });

  it('kans-lab: a tunnel distractor carries its outer header, named VXLAN or Geneve', () => {
    const { main, alts } = lab('kans-lab', SERVICE);
    const q = main.events.map((_, hop) => predictQuestion(main, alts, hop)).find((x) => x?.choices.some((c) => c.answer.kind === 'packet' && c.answer.outer));
    const tunnel = q?.choices.filter((c) => c.answer.kind === 'packet' && c.answer.outer) ?? [];
    expect(tunnel.map((c) => c.fromIds).flat().sort()).toEqual(['routing:geneve', 'routing:vxlan']);
    expect(tunnel.every((c) => !c.right)).toBe(true);
  });

  it('skips a hop where no configuration differs (the ARP request answered by eBPF: the same wherever there is one)', () => {
    const { main, alts } = lab('kans-lab', SERVICE);
    const arp = main.events.findIndex((e) => e.kind === 'arp-proxy');
    expect(arp).toBeGreaterThan(0);
    expect(predictQuestion(main, alts, arp)).toBeUndefined();
    // With no other configuration at all there is never a question.
    expect(main.events.every((_, hop) => predictQuestion(main, [], hop) === undefined)).toBe(true);
  });

  it('kans-lab-policy, a policy drop (133): the place choices tell "dropped here" from what enable-policy=never does', () => {
    const { main, alts } = lab('kans-lab-policy', { from: 'netpod2', to: 'webpod1', proto: 'tcp', port: 80 });
    expect(main.outcome.status).toBe('dropped');
    expect(checkAll(main, alts)).toBeGreaterThan(3);
    const drop = main.events.findIndex((e) => e.drop?.code === 133);
    const q = predictQuestion(main, alts, drop);
    expect(q?.kind).toBe('place');
    const right = q?.choices.find((c) => c.right);
    expect(right?.answer).toMatchObject({ kind: 'place', drop: { code: 133 } });
    const never = q?.choices.find((c) => c.fromIds.includes('policy:never'));
    expect(never?.right).toBe(false);
    expect(never?.answer.kind === 'place' && never.answer.drop).toBeFalsy();
  });

  it('is deterministic for a seed and keeps at most three distractors, the most-named first', () => {
    const { main, alts } = lab('kans-lab', SERVICE);
    for (let hop = 1; hop < main.events.length; hop++) {
      expect(predictQuestion(main, alts, hop, 7)).toEqual(predictQuestion(main, alts, hop, 7));
    }
    const orders = new Set(main.events.map((_, hop) => predictQuestion(main, alts, hop)?.choices.findIndex((c) => c.right)));
    // The right answer does not always sit in the same place.
    expect(orders.size).toBeGreaterThan(2);
  });

  it('a configuration the agent refuses answers its reason and gives no choices', () => {
    const host = new EngineHost(REAL_ENGINE, engineFormats(REAL_ENGINE));
    host.handle({ id: 1, type: 'loadScenario', text: scenarioText('kans-lab'), name: 'kans-lab' });
    const reply = host.handle<Extract<WorkerRequest, { type: 'alternatives' }>>({
      id: 2, type: 'alternatives', flow: SERVICE,
      variants: [{ id: 'bad', settings: { 'kube-proxy-replacement': 'false' } }, { id: 'vxlan', settings: { 'routing-mode': 'tunnel' } }],
    });
    expect(reply[0]).toMatchObject({ id: 'bad', error: expect.stringMatching(/masquerade|kube-proxy/i) });
    expect(reply[1]).toMatchObject({ id: 'vxlan', trace: expect.anything() });
    expect(toAlternatives([{ id: 'bad', label: { kind: 'policy', value: 'x' }, settings: {} }], reply)).toEqual([]);
  });
});
