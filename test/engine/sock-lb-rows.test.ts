import { describe, expect, it } from 'vitest';
import { traceFlow, type MapOp } from '../../src/engine/index.ts';
import { decodeRow } from '../../src/ui/panels/decode.ts';
import { hopLines } from '../../src/ui/evidence/evidence-lines.ts';
import { summarize } from '../../src/worker/summary.ts';
import { loadBuiltin } from './builtin.ts';

/**
 * The socket-LB hop records the lookups __sock4_xlate_fwd really does, in
 * Cilium's order (bpf/bpf_sock.c; bpf/lib/lb.h): lb4_lookup_service (slot 0),
 * the chosen slot (__lb4_lookup_backend_slot), the backend (__lb4_lookup_backend),
 * then sock4_update_revnat writes reverse_sk. Each answer row decodes.
 */
describe.each([
  ['kans-lab', { from: 'netpod', to: 'svc', proto: 'tcp' as const, port: 80, seed: 3 }],
  ['three-zones', { from: 'toolbox', to: 'shop/web', proto: 'tcp' as const, port: 8080, seed: 5 }],
])('the socket-LB hop\'s rows on %s', (name, flow) => {
  const trace = traceFlow(loadBuiltin(name), flow);
  const hop = trace.events.find((e) => e.kind === 'socket-lb-rewrite');
  it('reads the master row, the chosen slot and the backend, then writes reverse_sk', () => {
    expect(hop).toBeDefined();
    const ops = hop?.maps ?? [];
    expect(ops.map((o) => [o.map, o.op])).toEqual([
      ['cilium_lb4_services_v2', 'lookup'],
      ['cilium_lb4_services_v2', 'lookup'],
      ['cilium_lb4_backends_v3', 'lookup'],
      ['cilium_lb4_reverse_sk', 'update'],
    ]);
    const [master, slot, backend, revSk] = ops as [MapOp, MapOp, MapOp, MapOp];
    const lookup = (_m: string, k: string) => ops.find((o) => o.key === k)?.value;
    const m = decodeRow(master);
    const s = decodeRow(slot, lookup);
    const b = decodeRow(backend);
    expect(m?.key).toMatch(/^decode\.service/);
    expect(s?.key).toBe('decode.slot');
    // The slot row names the backend the backend row describes, and the socket's new peer is that backend.
    expect(s?.params.backend).toBe(b?.params.id);
    expect(s?.params.count).toBe(m?.params.count);
    expect(hop?.socket?.peerAfter.ip).toBe(b?.params.address);
    expect(decodeRow(revSk)?.params.service).toBe(`${hop?.socket?.peerBefore.ip}:${hop?.socket?.peerBefore.port}`);
  });
});

/**
 * The strace and tcpdump lines the evidence strip shows at the socket-LB hop:
 * strace has connect() to the VIP, tcpdump on the client's eth0 has the
 * packet the call sends, already addressed to the backend.
 */
describe.each([
  ['kans-lab', { from: 'netpod', to: 'svc', proto: 'tcp' as const, port: 80, seed: 3 }],
  ['three-zones', { from: 'toolbox', to: 'shop/web', proto: 'tcp' as const, port: 8080, seed: 5 }],
])('the socket-LB hop\'s strace and tcpdump lines on %s', (name, flow) => {
  const dp = loadBuiltin(name);
  const trace = traceFlow(dp, flow);
  const step = trace.events.findIndex((e) => e.kind === 'socket-lb-rewrite');
  const hop = trace.events[step];
  const client = trace.client.kind === 'pod' ? `${trace.client.namespace}/${trace.client.name}` : undefined;
  it('strace names the VIP, tcpdump on the client\'s eth0 the backend and never the VIP', () => {
    const lines = hopLines(trace.events, step, summarize(dp, {}), client);
    const vip = hop?.socket?.peerBefore.ip ?? '';
    expect(lines.strace).toContain(`inet_addr("${vip}")`);
    expect(lines.strace).toMatch(/^connect\(/);
    expect(lines.tcpdump?.iface).toBe('eth0');
    expect(lines.tcpdump?.next).toBe(true);
    expect(lines.tcpdump?.line).toContain(`> ${hop?.socket?.peerAfter.ip}.${hop?.socket?.peerAfter.port}: Flags [S]`);
    expect(lines.tcpdump?.line).not.toContain(vip);
  });
});
