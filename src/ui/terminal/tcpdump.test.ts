import { describe, expect, it } from 'vitest';
import type { HopEvent, Packet } from '../../engine/trace.ts';
import { capture, tcpdumpLine } from './tcpdump.ts';
import { straceLines } from './strace.ts';

const pkt = (over: Partial<Packet>): Packet => ({ id: 0, direction: 'request', src: '172.16.0.79' as never, dst: '10.10.252.131' as never, proto: 'TCP', sport: 43654, dport: 80, tcpFlags: { SYN: true }, ...over });
const ev = (seq: number, over: Partial<HopEvent>): HopEvent => ({
  seq, packet: pkt({}), kind: 'send', node: 'k8s-s', iface: 'eth0', hook: 'netns', program: 'kernel', source: '', maps: [], explain: { id: 'host.answer', params: { node: 'k8s-s' } }, ...over,
});

// Socket LB: connect() is rewritten at the cgroup hook; the first packet already carries the backend.
const events: HopEvent[] = [
  ev(0, { kind: 'socket-lb-rewrite', iface: 'cgroup', hook: 'cgroup/connect4', syscalls: ['connect(5, {sin_port=htons(80), sin_addr=inet_addr("10.10.252.131")}, 16) = -1 EINPROGRESS'] }),
  ev(1, { kind: 'send', pod: 'default/netpod', packet: pkt({ dst: '172.16.2.253' as never }) }),
  ev(2, { kind: 'lxc-ingress', iface: 'lxc1', hook: 'tc-ingress', packet: pkt({ dst: '172.16.2.253' as never }) }),
  ev(3, { kind: 'netdev-egress', iface: 'ens5', hook: 'tc-egress', packet: pkt({ dst: '172.16.2.253' as never }) }),
  ev(4, { kind: 'wire', iface: 'ens5', hook: 'wire', packet: pkt({ dst: '172.16.2.253' as never }), peer: { node: 'k8s-w2', iface: 'ens5' } }),
  ev(5, { kind: 'netdev-ingress', node: 'k8s-w2', iface: 'ens5', hook: 'tc-ingress', packet: pkt({ dst: '172.16.2.253' as never }) }),
  ev(6, { kind: 'deliver', node: 'k8s-w2', pod: 'default/webpod2', packet: pkt({ dst: '172.16.2.253' as never }) }),
  ev(7, { kind: 'send', node: 'k8s-w2', pod: 'default/webpod2', packet: pkt({ id: 1, direction: 'reply', src: '172.16.2.253' as never, dst: '172.16.0.79' as never, sport: 80, dport: 43654, tcpFlags: { SYN: true, ACK: true } }) }),
  ev(8, { kind: 'deliver', pod: 'default/netpod', packet: pkt({ id: 1, direction: 'reply', src: '172.16.2.253' as never, dst: '172.16.0.79' as never, sport: 80, dport: 43654, tcpFlags: { SYN: true, ACK: true } }), syscalls: ['getsockname(5, {sin_port=htons(43654), sin_addr=inet_addr("172.16.0.79")}) = 0'] }),
];

describe('tcpdump', () => {
  it('never shows the service IP on the client eth0 under socket LB', () => {
    const lines = capture(events, 8, { node: 'k8s-s', iface: 'eth0@default/netpod', podIp: '172.16.0.79' }).map((c) => tcpdumpLine(c.packet));
    expect(lines).toEqual([
      'IP 172.16.0.79.43654 > 172.16.2.253.80: Flags [S], length 0',
      'IP 172.16.2.253.80 > 172.16.0.79.43654: Flags [S.], length 0',
    ]);
    expect(lines.join('\n')).not.toContain('10.10.252.131');
  });

  it('leaves out the host netns (kernel stack) and socket hops: they are not on the pod eth0', () => {
    const host = [
      ev(0, { kind: 'kernel-stack', iface: 'host', packet: pkt({ dst: '172.16.2.253' as never }) }),
      ev(1, { kind: 'socket-rev-nat', iface: 'socket', hook: 'cgroup/getpeername4', pod: 'default/netpod' }),
      ev(2, { kind: 'arp-proxy', iface: 'lxc1', hook: 'tc-ingress', packet: pkt({ proto: 'ARP', src: '172.16.0.189' as never, dst: '172.16.0.79' as never, arp: { op: 'reply', targetIp: '172.16.0.79' as never, senderIp: '172.16.0.189' as never } }) }),
    ];
    expect(capture(host, 2, { node: 'k8s-s', iface: 'eth0@default/netpod', podIp: '172.16.0.79' }).map((c) => c.seq)).toEqual([2]);
  });

  it('sees a packet once on the sender ens5 and once on the receiver ens5', () => {
    expect(capture(events, 8, { node: 'k8s-s', iface: 'ens5' }).map((c) => c.seq)).toEqual([3]);
    expect(capture(events, 8, { node: 'k8s-w2', iface: 'ens5' }).map((c) => c.seq)).toEqual([4]);
  });

  it('shows only what happened up to the step', () => {
    expect(capture(events, 0, { node: 'k8s-s', iface: 'eth0@default/netpod', podIp: '172.16.0.79' })).toEqual([]);
  });

  it('prints ICMP and ARP as tcpdump does', () => {
    expect(tcpdumpLine(pkt({ proto: 'ICMP', dst: '172.16.2.176' as never, icmpType: 8, icmpId: 7, tcpFlags: undefined }))).toBe('IP 172.16.0.79 > 172.16.2.176: ICMP echo request, id 7, seq 1, length 64');
    expect(tcpdumpLine(pkt({ proto: 'ARP', arp: { op: 'request', targetIp: '172.16.0.189' as never, senderIp: '172.16.0.79' as never } }))).toBe('ARP, Request who-has 172.16.0.189 tell 172.16.0.79, length 28');
  });

  it('shows the outer UDP packet of tunnel mode on ens5 with the inner one inside', () => {
    const outer = { src: '192.168.10.10' as never, dst: '192.168.10.101' as never, proto: 'UDP' as const, sport: 51234, dport: 8472, vni: 26332 };
    const icmp = pkt({ proto: 'ICMP', dst: '172.16.1.235' as never, icmpType: 8, icmpId: 7, tcpFlags: undefined, outer });
    expect(tcpdumpLine(icmp).split('\n')).toEqual([
      'IP 192.168.10.10.51234 > 192.168.10.101.8472: OTV, flags [I] (0x08), overlay 0, instance 26332',
      '    IP 172.16.0.79 > 172.16.1.235: ICMP echo request, id 7, seq 1, length 64',
    ]);
    expect(tcpdumpLine({ ...icmp, outer: { ...outer, dport: 6081 } }).split('\n')[0]).toBe(
      'IP 192.168.10.10.51234 > 192.168.10.101.6081: Geneve, Flags [none], vni 0x66dc, proto TEB (0x6558)',
    );
    const tunnel = [ev(0, { kind: 'netdev-egress', iface: 'ens5', hook: 'tc-egress', packet: icmp })];
    expect(capture(tunnel, 0, { node: 'k8s-s', iface: 'ens5' }).map((c) => c.packet.outer?.dport)).toEqual([8472]);
  });
});

describe('strace', () => {
  it('lists connect() to the service IP, then getsockname, as the hops reach them', () => {
    expect(straceLines(events, 5).map((l) => l.line)).toEqual([expect.stringContaining('connect(5')]);
    const all = straceLines(events, 8).map((l) => l.line);
    expect(all[0]).toContain('10.10.252.131');
    expect(all[1]).toMatch(/^getsockname/);
  });
});
