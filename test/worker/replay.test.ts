/**
 * The page replays map operations instead of asking the worker on each step
 * (DESIGN §8 "Replay"). Here the real worker host, with the real engine,
 * answers a node's initial tables; replaying the trace's events over them
 * must give, at every step, exactly the engine's own tables at that step.
 */
import { describe, expect, it } from 'vitest';
import { initialTables, initialWords, tablesAt, traceFlow, type FlowRequest, type Settings } from '../../src/engine/index.ts';
import { replayTables, tableRows } from '../../src/engine/maps/replay.ts';
import { engineFormats } from '../../src/worker/formats.ts';
import { EngineHost } from '../../src/worker/host.ts';
import { REAL_ENGINE } from '../../src/worker/real-engine.ts';
import { loadBuiltin, scenarioText } from '../engine/builtin.ts';

interface Case { scenario: string; flow: FlowRequest; settings?: Settings }

const CASES: Case[] = [
  { scenario: 'kans-lab', flow: { from: 'netpod', to: 'webpod1', proto: 'icmp' } },
  { scenario: 'kans-lab', flow: { from: 'netpod', to: 'svc', proto: 'tcp' } },
  { scenario: 'kans-lab', flow: { from: 'netpod', to: '8.8.8.8', proto: 'tcp', port: 443 }, settings: { 'enable-bpf-masquerade': 'true' } },
  { scenario: 'kans-lab', flow: { from: '203.0.113.7', to: 'k8s-s', proto: 'tcp', port: 32283 } },
  { scenario: 'kans-lab', flow: { from: 'netpod', to: 'svc', proto: 'tcp' }, settings: { 'routing-mode': 'tunnel', 'bpf-lb-sock': 'false' } },
  { scenario: 'kans-lab-policy', flow: { from: 'netpod2', to: 'webpod1', proto: 'tcp', port: 80 } },
  { scenario: 'three-zones', flow: { from: 'toolbox', to: 'shop/web', proto: 'tcp', port: 8080 } },
  { scenario: 'three-zones', flow: { from: 'toolbox', to: 'frontend-6f7c9d8b4-2xk9p', proto: 'tcp', port: 80 }, settings: { 'routing-mode': 'tunnel' } },
  { scenario: 'three-zones', flow: { from: 'toolbox', to: '1.1.1.1', proto: 'icmp' } },
];


describe.each(CASES.map((c) => [`${c.scenario} ${c.flow.from} → ${c.flow.to} ${c.flow.proto}${c.settings ? ` ${JSON.stringify(c.settings)}` : ''}`, c] as const))(
  'replayed tables: %s',
  (_name, c) => {
    it('equal the engine tables at every step on every node', () => {
      const host = new EngineHost(REAL_ENGINE, engineFormats(REAL_ENGINE));
      const loaded = host.handle({ id: 1, type: 'loadScenario', text: scenarioText(c.scenario), name: c.scenario });
      expect(loaded.ok).toBe(true);
      if (!loaded.ok) return;
      if (c.settings) host.handle({ id: 2, type: 'setSettings', settings: c.settings });
      const trace = host.handle({ id: 3, type: 'trace', flow: c.flow });
      // The engine's own answer, from a datapath derived apart from the host's.
      const dp = loadBuiltin(c.scenario, c.settings);
      let writes = 0;
      for (const node of loaded.summary.nodes.map((n) => n.name)) {
        const initial = host.handle({ id: 4, type: 'tables', node });
        for (let step = -1; step < trace.events.length; step++) {
          // With the rows' words (a policy row's origin), which the host sends with the initial rows.
          const engine = tableRows(tablesAt(dp, trace, step, node), initialWords(dp, node));
          expect(replayTables(initial, trace.events, step, node), `${node} step ${step}`).toEqual(engine);
        }
        writes += trace.events.flatMap((e) => e.maps).filter((op) => op.node === node && op.op !== 'lookup').length;
      }
      // The flows chosen write maps: the comparison is not between two initial states.
      expect(writes).toBeGreaterThan(0);
    });

    it('is the trace its own flow names (hubble and cilium requests name a trace by its flow)', () => {
      const dp = loadBuiltin(c.scenario, c.settings);
      const trace = traceFlow(dp, c.flow);
      expect(traceFlow(dp, trace.flow)).toEqual(trace);
    });
  },
);

describe('typed rows', () => {
  it('carry the policy endpoint as a field, and the hop names the same endpoint', () => {
    const dp = loadBuiltin('kans-lab-policy');
    const trace = traceFlow(dp, { from: 'netpod2', to: 'webpod1', proto: 'tcp', port: 80 });
    const op = trace.events.flatMap((e) => e.maps).find((o) => o.map === 'cilium_policy');
    expect(op).toBeDefined();
    const rows = tableRows(initialTables(dp, op!.node)).find((t) => t.map === 'cilium_policy')?.rows ?? [];
    const endpoints = new Set(rows.map((r) => r.endpointId));
    expect(endpoints.has(undefined)).toBe(false);
    const pods = dp.node(op!.node)!.endpoints.map((e) => e.id);
    for (const id of endpoints) expect(pods).toContain(id);
  });
});
