import { describe, expect, it } from 'vitest';
import { placeFields, podAt, stackAt, tcAt, type Place } from '../place.ts';
import type { HopEvent, OuterHeader, Packet } from '../trace.ts';
import { capture } from './capture.ts';
import { tcpdumpLine, tcpdumpText } from './tcpdump.ts';
import type { CaptureTarget } from './target.ts';

const pkt = (over: Partial<Packet>): Packet => ({
  id: 0, direction: 'request', src: '172.16.0.79' as never, dst: '10.10.252.131' as never, proto: 'TCP', sport: 43654, dport: 80,
  tcpFlags: { SYN: true }, ...over,
});
const ev = (seq: number, at: Place, over: Partial<HopEvent>): HopEvent => ({
  seq, packet: pkt({}), kind: 'send', ...placeFields(at), program: 'kernel', source: '', maps: [],
  explain: { id: 'lxc.ingress', params: { pod: 'p', lxc: 'l' } }, ...over,
});

const NETPOD = podAt('k8s-s', 'default/netpod');
const NETPOD_ETH0: CaptureTarget = { kind: 'pod', node: 'k8s-s', pod: 'default/netpod', podIp: '172.16.0.79' };
const toBackend = pkt({ dst: '172.16.2.253' as never });
const synAck = pkt({
  id: 1, direction: 'reply', src: '172.16.2.253' as never, dst: '172.16.0.79' as never, sport: 80, dport: 43654, tcpFlags: { SYN: true, ACK: true },
});

// Socket LB: connect() is rewritten at the cgroup hook; the first packet already carries the backend.
const connect4: Place = { kind: 'socket', node: 'k8s-s', pod: 'default/netpod', hook: 'cgroup/connect4' };
const events: HopEvent[] = [
  ev(0, connect4, { kind: 'socket-lb-rewrite' }),
  ev(1, NETPOD, { kind: 'send', packet: toBackend }),
  ev(2, tcAt('k8s-s', 'lxc1', 'tc-ingress'), { kind: 'lxc-ingress', packet: toBackend }),
  ev(3, tcAt('k8s-s', 'ens5', 'tc-egress'), { kind: 'netdev-egress', packet: toBackend }),
  ev(4, { kind: 'wire', node: 'k8s-s', iface: 'ens5', peer: { node: 'k8s-w2', iface: 'ens5' } }, { kind: 'wire', packet: toBackend }),
  ev(5, tcAt('k8s-w2', 'ens5', 'tc-ingress'), { kind: 'netdev-ingress', packet: toBackend }),
  ev(6, podAt('k8s-w2', 'default/webpod2'), { kind: 'deliver', packet: toBackend }),
  ev(7, podAt('k8s-w2', 'default/webpod2'), { kind: 'send', packet: synAck }),
  ev(8, NETPOD, { kind: 'deliver', packet: synAck }),
];

describe('tcpdump', () => {
  it('never shows the service IP on the client eth0 under socket LB', () => {
    const lines = capture(events, NETPOD_ETH0, 8).map((c) => tcpdumpLine(c.packet));
    expect(lines).toEqual([
      'IP 172.16.0.79.43654 > 172.16.2.253.80: Flags [S], length 0',
      'IP 172.16.2.253.80 > 172.16.0.79.43654: Flags [S.], length 0',
    ]);
    expect(lines.join('\n')).not.toContain('10.10.252.131');
  });

  it('leaves out the host netns (kernel stack) and socket hops: they are not on the pod eth0', () => {
    const arpReply = pkt({
      proto: 'ARP', src: '172.16.0.189' as never, dst: '172.16.0.79' as never,
      arp: { op: 'reply', targetIp: '172.16.0.79' as never, senderIp: '172.16.0.189' as never },
    });
    const host = [
      ev(0, stackAt('k8s-s'), { kind: 'kernel-stack', packet: toBackend }),
      ev(1, { kind: 'socket', node: 'k8s-s', pod: 'default/netpod', hook: 'cgroup/getpeername4' }, { kind: 'socket-rev-nat' }),
      ev(2, tcAt('k8s-s', 'lxc1', 'tc-ingress'), { kind: 'arp-proxy', packet: arpReply }),
    ];
    expect(capture(host, NETPOD_ETH0, 2).map((c) => c.seq)).toEqual([2]);
  });

  it('sees a packet once on the sender ens5 and once on the receiver ens5', () => {
    expect(capture(events, { kind: 'device', node: 'k8s-s', iface: 'ens5' }, 8).map((c) => c.seq)).toEqual([3]);
    expect(capture(events, { kind: 'device', node: 'k8s-w2', iface: 'ens5' }, 8).map((c) => c.seq)).toEqual([4]);
  });

  it('never takes a pod eth0 for a node device called eth0', () => {
    expect(capture(events, { kind: 'device', node: 'k8s-s', iface: 'eth0' })).toEqual([]);
  });

  it('shows only what happened up to the step', () => {
    expect(capture(events, NETPOD_ETH0, 0)).toEqual([]);
  });

  it('prints ICMP and ARP as tcpdump does', () => {
    expect(tcpdumpLine(pkt({ proto: 'ICMP', dst: '172.16.2.176' as never, icmpType: 8, icmpId: 7, tcpFlags: undefined }))).toBe(
      'IP 172.16.0.79 > 172.16.2.176: ICMP echo request, id 7, seq 1, length 64',
    );
    expect(tcpdumpLine(pkt({ proto: 'ARP', arp: { op: 'request', targetIp: '172.16.0.189' as never, senderIp: '172.16.0.79' as never } }))).toBe(
      'ARP, Request who-has 172.16.0.189 tell 172.16.0.79, length 28',
    );
  });

  it('shows the outer UDP packet of tunnel mode on ens5 with the inner one inside, decoded by its protocol', () => {
    const outer: OuterHeader = {
      encap: 'vxlan', src: '192.168.10.10' as never, dst: '192.168.10.101' as never, proto: 'UDP', sport: 51234, dport: 8472, vni: 26332,
    };
    const icmp = pkt({ proto: 'ICMP', dst: '172.16.1.235' as never, icmpType: 8, icmpId: 7, tcpFlags: undefined, outer });
    expect(tcpdumpLine(icmp).split('\n')).toEqual([
      'IP 192.168.10.10.51234 > 192.168.10.101.8472: OTV, flags [I] (0x08), overlay 0, instance 26332',
      '    IP 172.16.0.79 > 172.16.1.235: ICMP echo request, id 7, seq 1, length 64',
    ]);
    expect(tcpdumpLine({ ...icmp, outer: { ...outer, encap: 'geneve', dport: 6081 } }).split('\n')[0]).toBe(
      'IP 192.168.10.10.51234 > 192.168.10.101.6081: Geneve, Flags [none], vni 0x66dc, proto TEB (0x6558)',
    );
    const tunnel = [ev(0, tcAt('k8s-s', 'ens5', 'tc-egress'), { kind: 'netdev-egress', packet: icmp })];
    expect(capture(tunnel, { kind: 'device', node: 'k8s-s', iface: 'ens5' }, 0).map((c) => c.packet.outer?.dport)).toEqual([8472]);
  });

  it('prints a whole capture with the command', () => {
    const trace = { flow: { from: 'a', to: 'b', proto: 'tcp', seed: 1 }, client: { kind: 'ip', ip: '1.1.1.1' }, server: { kind: 'ip', ip: '2.2.2.2' } } as const;
    const text = tcpdumpText({ ...trace, events, outcome: { status: 'completed', summary: '' } } as never, NETPOD_ETH0);
    expect(text.split('\n')[0]).toBe('default/netpod $ tcpdump -n -i eth0');
  });
});
