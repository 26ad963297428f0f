/**
 * A reply arriving at the node device goes through nodeport_lb4, then (no
 * service) the NAT ingress tail call: snat_v4_rev_nat reads
 * cilium_snat_v4_external whenever the destination port is in the NAT range,
 * finding the masqueraded flow's IN entry or missing and going on.
 */
import { describe, expect, it } from 'vitest';
import { traceFlow, type HopEvent } from '../../src/engine/index.ts';
import { loadBuiltin } from './builtin.ts';

const natOps = (e: HopEvent | undefined) => (e?.maps ?? []).filter((o) => o.map === 'cilium_snat_v4_external');

describe('snat_v4_rev_nat at cil_from_netdev (kans-lab)', () => {
  it('reads the IN entry first on the reply from 8.8.8.8, then rewrites the destination', () => {
    const trace = traceFlow(loadBuiltin('kans-lab'), { from: 'netpod', to: '8.8.8.8', proto: 'tcp', port: 443, seed: 1 });
    const rev = trace.events.find((e) => e.kind === 'rev-snat');
    expect(rev?.maps[0]).toMatchObject({ map: 'cilium_snat_v4_external', op: 'lookup', hit: true });
    expect(rev?.maps[0]?.key).toMatch(/^TCP IN 8\.8\.8\.8:443 -> 192\.168\.10\.10:\d+$/);
  });

  it('reads it (and misses) for the SYN-ACK to netpod\'s ephemeral port, not for the SYN to port 80', () => {
    const trace = traceFlow(loadBuiltin('kans-lab'), { from: 'netpod', to: 'webpod1', proto: 'tcp', port: 80, seed: 1 });
    const arrivals = trace.events.filter((e) => e.kind === 'netdev-ingress');
    const syn = arrivals.find((e) => e.packet?.direction === 'request');
    const synAck = arrivals.find((e) => e.packet?.direction === 'reply');
    expect(natOps(syn)).toEqual([]);
    expect(natOps(synAck)).toEqual([expect.objectContaining({ op: 'lookup', hit: false })]);
    expect(trace.events.some((e) => e.kind === 'rev-snat')).toBe(false);
  });
});
