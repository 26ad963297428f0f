import { describe, expect, it } from 'vitest';
import { traceFlow } from '../../src/engine/index.ts';
import { findHop } from '../../src/lessons/select.ts';
import { hopLines } from '../../src/ui/evidence/evidence-lines.ts';
import { summarize } from '../../src/worker/summary.ts';
import { loadBuiltin } from './builtin.ts';

/**
 * The strip's strace line after the socket hop (the socket-LB lesson's third
 * stop: "tcpdump never sees the VIP; only strace does"): the call that named
 * the peer, connect() with the VIP, not the getsockname() curl makes after it.
 */
describe.each([
  ['kans-lab', { from: 'netpod', to: 'svc', proto: 'tcp' as const, port: 80 }, 'default/netpod'],
  ['three-zones', { from: 'toolbox', to: 'shop/web', proto: 'tcp' as const, port: 8080 }, undefined],
])('strace beside tcpdump on %s', (name, flow, client) => {
  const dp = loadBuiltin(name);
  const trace = traceFlow(dp, flow);
  const summary = summarize(dp, {});
  const pod = client ?? (trace.client.kind === 'pod' ? `${trace.client.namespace}/${trace.client.name}` : undefined);
  it('shows connect() to the service address at the pod\'s first send, after later socket calls', () => {
    // As the lesson names the hop (public/lessons/socket-lb.yaml stop 3).
    const send = findHop(trace.events, { kind: 'send', message: 'send.pod', nth: 1 }) ?? -1;
    expect(send).toBeGreaterThan(0);
    expect(trace.events.slice(0, send + 1).flatMap((e) => e.syscalls ?? []).some((l) => l.startsWith('getsockname('))).toBe(true);
    const lines = hopLines(trace.events, send, summary, pod);
    expect(lines.strace).toMatch(/^connect\(\d+, \{sa_family=AF_INET, sin_port=htons\(\d+\), sin_addr=inet_addr\("[\d.]+"\)\}/);
    const vip = trace.events.find((e) => e.kind === 'socket-lb-rewrite')?.syscalls?.find((l) => l.startsWith('connect('));
    expect(lines.strace).toBe(vip);
  });
});
