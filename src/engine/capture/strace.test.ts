import { describe, expect, it } from 'vitest';
import { placeFields, podAt } from '../place.ts';
import type { HopEvent, Packet } from '../trace.ts';
import { straceLines } from './strace.ts';

const pkt: Packet = { id: 0, direction: 'request', src: '172.16.0.79' as never, dst: '172.16.2.253' as never, proto: 'TCP', sport: 43654, dport: 80 };
const ev = (seq: number, over: Partial<HopEvent>): HopEvent => ({
  seq, packet: pkt, kind: 'send', ...placeFields(podAt('k8s-s', 'default/netpod')), program: 'kernel', source: '', maps: [],
  explain: { id: 'lxc.ingress', params: { pod: 'p', lxc: 'l' } }, ...over,
});

const events: HopEvent[] = [
  ev(0, {
    kind: 'socket-lb-rewrite', ...placeFields({ kind: 'socket', node: 'k8s-s', pod: 'default/netpod', hook: 'cgroup/connect4' }),
    syscalls: ['connect(5, {sin_port=htons(80), sin_addr=inet_addr("10.10.252.131")}, 16) = -1 EINPROGRESS'],
  }),
  ev(1, {}),
  ev(2, { kind: 'deliver', syscalls: ['getsockname(5, {sin_port=htons(43654), sin_addr=inet_addr("172.16.0.79")}) = 0'] }),
];

describe('strace', () => {
  it('lists connect() to the service IP, then getsockname, as the hops reach them', () => {
    expect(straceLines(events, 1).map((l) => l.line)).toEqual([expect.stringContaining('connect(5')]);
    const all = straceLines(events, 2).map((l) => l.line);
    expect(all[0]).toContain('10.10.252.131');
    expect(all[1]).toMatch(/^getsockname/);
  });
});
