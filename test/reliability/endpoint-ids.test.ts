/** Issue #10.1: more endpoints on a node than its agent has endpoint IDs is a located error, not a hang. */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load.ts';

/** One node with a /19 pod CIDR and `pods` running pods on it, as a JSON List (fast to parse). */
function crowded(pods: number): string {
  const items: unknown[] = [{
    apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1' }, spec: { podCIDRs: ['10.8.0.0/19'] },
    status: { addresses: [{ type: 'InternalIP', address: '192.168.1.1' }] },
  }];
  for (let i = 0; i < pods; i++) {
    items.push({
      apiVersion: 'v1', kind: 'Pod', metadata: { name: `p${i}` }, spec: { nodeName: 'n1' },
      status: { phase: 'Running', podIP: `10.8.${Math.floor((i + 10) / 256)}.${(i + 10) % 256}` },
    });
  }
  return JSON.stringify({ apiVersion: 'v1', kind: 'List', items });
}

describe('endpoint ID space per node', () => {
  it('4,095 pods and the health endpoint on one node: a located error naming node, count and limit', () => {
    const r = loadScenario(crowded(4095), 'crowded');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/^Node n1 \(document 1, line 1\): has 4096 endpoints \(4095 pods and cilium-health\), more than the 4095 endpoint IDs/),
    ]);
  }, 60_000);

  it('4,094 pods fit', () => {
    expect(loadScenario(crowded(4094), 'full').ok).toBe(true);
  }, 60_000);
});
