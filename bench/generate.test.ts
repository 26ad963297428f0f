// The bench's generator: deterministic, the sizes asked for, and a cluster the
// loader accepts without errors or warnings (else the bench would time error paths).
import { describe, expect, it } from 'vitest';
import { createRng } from '../src/engine/index.ts';
import { derive, traceFlow } from '../src/engine/index.ts';
import { loadScenario } from '../src/scenario/load.ts';
import { generateCluster, skewedSplit } from './generate.ts';

const SMALL = { nodes: 13, pods: 1300, services: 26, seed: 3 };

describe('generateCluster', () => {
  it('gives the same text for the same seed and another for another seed', () => {
    expect(generateCluster(SMALL).yaml).toBe(generateCluster(SMALL).yaml);
    expect(generateCluster({ ...SMALL, seed: 4 }).yaml).not.toBe(generateCluster(SMALL).yaml);
  });

  it('loads cleanly with the requested numbers of nodes, pod-network pods and services', () => {
    const g = generateCluster(SMALL);
    const r = loadScenario(g.yaml, 'small');
    if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
    expect(r.model.warnings).toEqual([]);
    expect(r.model.nodes).toHaveLength(SMALL.nodes);
    expect(r.model.pods.filter((p) => !p.hostNetwork)).toHaveLength(SMALL.pods);
    expect(r.model.services).toHaveLength(SMALL.services);
    expect(r.model.config.kubeProxyReplacement).toBe(true);
  });

  it('gives every app Service several backends and keeps the probe flows working', () => {
    const g = generateCluster(SMALL);
    const r = loadScenario(g.yaml, 'small');
    if (!r.ok) throw new Error('did not load');
    const dp = derive(r.model);
    const perService = new Map<string, number>();
    for (const f of dp.frontends) perService.set(f.service, Math.max(perService.get(f.service) ?? 0, f.backendIds.length));
    const apps = [...perService].filter(([s]) => s.startsWith('team-'));
    expect(apps.length).toBeGreaterThan(0);
    for (const [, n] of apps) expect(n).toBeGreaterThanOrEqual(2);
    expect(dp.ipcache.length).toBeGreaterThan(SMALL.pods);
    const tcp = traceFlow(dp, { from: g.probes.client, to: g.probes.service, proto: 'tcp' });
    expect(tcp.outcome.status).toBe('completed');
    const icmp = traceFlow(dp, { from: g.probes.client, to: g.probes.crossNodePod, proto: 'icmp' });
    expect(icmp.outcome.status).toBe('completed');
    expect(icmp.server.kind === 'pod' && icmp.client.kind === 'pod' && icmp.server.node !== icmp.client.node).toBe(true);
  });
});

describe('skewedSplit', () => {
  it('sums to the total with every part at least the minimum', () => {
    const parts = skewedSplit(createRng(1), 1000, 37, 2);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(1000);
    expect(Math.min(...parts)).toBeGreaterThanOrEqual(2);
    expect(Math.max(...parts)).toBeGreaterThan(3 * Math.min(...parts));
  });

  it('refuses a total too small for the minimum', () => {
    expect(() => skewedSplit(createRng(1), 10, 6, 2)).toThrow(/cannot split/);
  });
});
