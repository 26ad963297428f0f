import { describe, expect, it } from 'vitest';
import { placeFields, tcAt } from '../place.ts';
import type { HopEvent, HopKind, ObservationPoint, Packet, Trace } from '../trace.ts';
import { seedDatapath as dp } from './__fixtures__/seed-datapath.ts';
import { hubbleFlows, hubbleLines, hubbleObserve, parseObserveArgs } from './hubble.ts';
import { stampMilli } from './hubble/time.ts';

/** The seed's four lines, with the service section's identities (504 → 26332, 3470 → 10037). */
const SEED_ICMP = [
  'Nov  1 14:01:20.633: default/netpod (ID:26332) -> default/webpod1 (ID:10037) to-network FORWARDED (ICMPv4 EchoRequest)',
  'Nov  1 14:01:20.633: default/netpod (ID:26332) -> default/webpod1 (ID:10037) to-endpoint FORWARDED (ICMPv4 EchoRequest)',
  'Nov  1 14:01:20.633: default/netpod (ID:26332) <- default/webpod1 (ID:10037) to-endpoint FORWARDED (ICMPv4 EchoReply)',
  'Nov  1 14:01:20.633: default/netpod (ID:26332) <- default/webpod1 (ID:10037) to-network FORWARDED (ICMPv4 EchoReply)',
];

const NETPOD = '172.16.0.79' as Packet['src'];
const WEBPOD1 = '172.16.1.235' as Packet['src'];

/** Builds hops the way the engine reports them: one entry per observation point (or plain hop). */
function trace(proto: 'ICMP' | 'TCP', hops: [id: number, node: string, kind: HopKind, obs: ObservationPoint | undefined, extra?: Partial<HopEvent>][], packets: Partial<Packet>[]): Trace {
  const events = hops.map(([id, node, kind, observation, extra], seq): HopEvent => {
    const p = packets[id]!;
    const reply = p.direction === 'reply';
    const packet = { id, proto, src: reply ? WEBPOD1 : NETPOD, dst: reply ? NETPOD : WEBPOD1, direction: 'request', ...p } as Packet;
    return {
      seq, packet, kind, ...placeFields(tcAt(node, 'lxc', 'tc-ingress')), program: 'p', source: 's', maps: [],
      ...(observation ? { observation, verdict: 'FORWARDED' as const, ctState: reply ? 'reply' as const : 'new' as const } : {}),
      srcIdentity: reply ? 10037 : 26332, dstIdentity: reply ? 26332 : 10037, explain: { id: 'lxc.ingress', params: { pod: 'p', lxc: 'l' } }, ...extra,
    };
  });
  return {
    flow: { from: 'netpod', to: 'webpod1', proto: proto === 'ICMP' ? 'icmp' : 'tcp', seed: 1 },
    client: { kind: 'ip', ip: NETPOD }, server: { kind: 'ip', ip: WEBPOD1 }, events, outcome: { status: 'completed', message: { id: 'outcome.completed', params: { proto: 'ICMP', packets: 2, hops: events.length } } },
  };
}

/** One packet across the two nodes, request or reply, every observation point the engine marks. */
const crossing = (id: number, reply: boolean): [number, string, HopKind, ObservationPoint | undefined][] => {
  const [from, to] = reply ? ['k8s-w1', 'k8s-s'] : ['k8s-s', 'k8s-w1'];
  return [
    [id, from, 'lxc-ingress', 'from-endpoint'], [id, from, 'native-routing', 'to-network'], [id, from, 'wire', undefined],
    [id, to, 'netdev-ingress', 'from-network'], [id, to, 'deliver', 'to-endpoint'],
  ];
};

const ping = trace('ICMP', [...crossing(0, false), ...crossing(1, true)], [
  { icmpType: 8 }, { icmpType: 0, direction: 'reply' },
]);

describe('hubble observe (compact)', () => {
  it("gives the seed's four lines for netpod → webpod1 ICMP at medium aggregation", () => {
    expect(hubbleObserve(dp, ping).split('\n')).toEqual([...SEED_ICMP, '']);
  });

  it('lists the flows of one packet node by node, the client node first, as Relay merges them', () => {
    expect(hubbleFlows(dp, ping).map((f) => `${f.nodeName} ${f.observation}`)).toEqual([
      'k8s-s to-network', 'k8s-w1 to-endpoint', 'k8s-s to-endpoint', 'k8s-w1 to-network',
    ]);
  });

  it('shows from-* points only without aggregation', () => {
    expect(hubbleFlows(dp, ping, { aggregation: 'none' })).toHaveLength(8);
    expect(hubbleFlows(dp, ping, { aggregation: 'low' }).every((f) => f.observation?.startsWith('to-'))).toBe(true);
  });

  it('at medium aggregation reports a packet only when its direction brings new TCP flags', () => {
    const flags = [{ SYN: true }, { SYN: true, ACK: true }, { ACK: true }, { ACK: true, PSH: true }, { ACK: true, PSH: true }, { ACK: true }];
    const dirs = ['request', 'reply', 'request', 'request', 'request', 'reply'] as const;
    const tcp = trace('TCP', flags.flatMap((_, i) => crossing(i, dirs[i] === 'reply')), flags.map((tcpFlags, i) => ({ tcpFlags, direction: dirs[i], sport: 43654, dport: 80 })));
    const reported = [...new Set(hubbleFlows(dp, tcp).map((f) => f.packet.id))];
    // 4: a second ACK|PSH request adds nothing; 5: the reply direction already saw ACK.
    expect(reported).toEqual([0, 1, 2, 3]);
    expect(hubbleObserve(dp, tcp).split('\n')[0]).toBe(
      'Nov  1 14:01:20.633: default/netpod:43654 (ID:26332) -> default/webpod1:80 (ID:10037) to-network FORWARDED (TCP Flags: SYN)',
    );
  });

  it('with the agent\'s monitor-aggregation-flags (syn,fin,rst) an ACK or PSH brings no news: no report', () => {
    const tcp = trace('TCP', [...crossing(0, false), ...crossing(1, true), ...crossing(2, false), ...crossing(3, false)], [
      { tcpFlags: { SYN: true } }, { tcpFlags: { SYN: true, ACK: true }, direction: 'reply' }, { tcpFlags: { ACK: true } },
      { tcpFlags: { ACK: true, PSH: true } },
    ]);
    const agent = { ...dp, config: { ...dp.config, ctTimeouts: { reportFlags: 0x07 } } } as typeof dp;
    const summaries = (d: typeof dp) => hubbleFlows(d, tcp).map((f) => f.summary);
    expect(summaries(dp)).toContain('TCP Flags: ACK, PSH');
    expect(summaries(agent)).not.toContain('TCP Flags: ACK, PSH');
    expect(summaries(agent)).not.toContain('TCP Flags: ACK');
  });

  it('prints drops with their reason, DROPPED and the unknown-direction arrow', () => {
    const dropped = trace('ICMP', [[0, 'k8s-w1', 'drop', undefined, { verdict: 'DROPPED', drop: { code: 133, reason: 'Policy denied' } }]], [{ icmpType: 8 }]);
    expect(hubbleObserve(dp, dropped, { printNodeName: true })).toBe(
      'Nov  1 14:01:20.633 [k8s-w1]: default/netpod (ID:26332) <> default/webpod1 (ID:10037) Policy denied DROPPED (ICMPv4 EchoRequest)\n',
    );
  });

  it('reports nothing from outside the cluster: a hop on a pseudo-node never reaches Hubble', () => {
    const lost = trace('ICMP', [[0, 'k8s-s', 'native-routing', 'to-network'], [0, 'world', 'drop', undefined, { verdict: 'DROPPED', drop: { code: 0, reason: 'Lost outside the cluster' } }]], [{ icmpType: 8 }]);
    expect(hubbleFlows(dp, lost).map((f) => f.nodeName)).toEqual(['k8s-s']);
  });

  it('turns socket-LB calls into pre/post-xlate events, the service by name with identity world, the peer first on the reverse path', () => {
    // Socket hops carry no packet: the call's addresses (a getpeername() for the reverse points).
    const vip = { ip: '10.10.252.131' as Packet['src'], port: 80 };
    const backend = { ip: WEBPOD1, port: 80 };
    const t = trace('TCP', [
      [0, 'k8s-s', 'socket-lb-rewrite', undefined, {
        sockXlate: 'post-xlate-fwd', verdict: 'TRANSLATED', packet: undefined,
        socket: { call: 'connect', proto: 'TCP', local: { ip: NETPOD, port: 0 }, peerBefore: vip, peerAfter: backend, direction: 'request', packetId: 0 },
      }],
      [1, 'k8s-s', 'socket-rev-nat', undefined, {
        sockXlate: 'post-xlate-rev', verdict: 'TRANSLATED', packet: undefined,
        socket: { call: 'getpeername', proto: 'TCP', local: { ip: NETPOD, port: 43654 }, peerBefore: backend, peerAfter: vip, direction: 'reply', packetId: 1 },
      }],
    ], [{ tcpFlags: { SYN: true }, sport: 43654, dport: 80 }, { tcpFlags: { ACK: true }, sport: 43654, dport: 80 }]);
    t.server = { kind: 'service', namespace: 'default', name: 'svc', ip: '10.10.252.131' as Packet['src'], port: 80 };
    expect(hubbleObserve(dp, t).split('\n')).toEqual([
      'Nov  1 14:01:20.633: default/netpod (ID:26332) <> default/svc:80 (world) pre-xlate-fwd TRACED (TCP)',
      'Nov  1 14:01:20.633: default/netpod (ID:26332) <> default/webpod1:80 (ID:10037) post-xlate-fwd TRANSLATED (TCP)',
      'Nov  1 14:01:20.633: default/webpod1:80 (ID:10037) <> default/netpod (ID:26332) pre-xlate-rev TRACED (TCP)',
      'Nov  1 14:01:20.633: default/svc:80 (world) <> default/netpod (ID:26332) post-xlate-rev TRANSLATED (TCP)',
      '',
    ]);
  });
});

describe('hubble observe filters and options', () => {
  it('--pod matches either end by namespace and name prefix; --from-pod only the source', () => {
    const parse = (s: string) => {
      const r = parseObserveArgs(s.split(' '));
      if (!r.ok) throw new Error(r.error);
      return r.options;
    };
    expect(hubbleObserve(dp, ping, parse('hubble observe --pod netpod')).split('\n')).toHaveLength(5);
    expect(hubbleObserve(dp, ping, parse('--pod default/net'))).not.toBe('');
    expect(hubbleObserve(dp, ping, parse('--pod kube-system/netpod'))).toBe('');
    expect(hubbleObserve(dp, ping, parse('--from-pod webpod1')).split('\n').filter(Boolean)).toEqual(SEED_ICMP.slice(2));
    expect(hubbleObserve(dp, ping, parse('--last 1'))).toBe(`${SEED_ICMP[3]}\n`);
  });

  it('rejects unknown flags and output formats with the supported ones', () => {
    expect(parseObserveArgs(['--since', '1m'])).toMatchObject({ ok: false, error: expect.stringContaining('--pod') });
    expect(parseObserveArgs(['-o', 'table'])).toMatchObject({ ok: false, error: expect.stringContaining('compact, json') });
  });

  it('-o json prints one GetFlowsResponse per line with flow.proto names', () => {
    const [first] = hubbleObserve(dp, ping, { output: 'json' }).split('\n');
    const obj = JSON.parse(first!);
    expect(obj.node_name).toBe('k8s-s');
    expect(obj.flow).toMatchObject({
      verdict: 'FORWARDED', IP: { source: '172.16.0.79', destination: '172.16.1.235', ipVersion: 'IPv4' },
      l4: { ICMPv4: { type: 8 } }, source: { identity: 26332, namespace: 'default', pod_name: 'netpod' },
      destination: { identity: 10037, pod_name: 'webpod1' }, Type: 'L3_L4', event_type: { type: 4, sub_type: 11 },
      trace_observation_point: 'TO_NETWORK', trace_reason: 'NEW', is_reply: false, interface: { index: 2, name: 'ens5' },
      Summary: 'ICMPv4 EchoRequest',
    });
    expect(obj.time).toBe(obj.flow.time);
  });

  it('formats time as Go StampMilli, the day padded with a space', () => {
    expect(stampMilli(Date.UTC(2024, 10, 1, 14, 1, 20, 633) * 1000 + 999)).toBe('Nov  1 14:01:20.633');
    expect(stampMilli(Date.UTC(2024, 10, 11, 4, 5, 6, 7) * 1000)).toBe('Nov 11 04:05:06.007');
  });
});

describe('hubbleLines (the page shows those up to its cursor)', () => {
  it('gives each printed line with the seq of its hop', () => {
    const lines = hubbleLines(dp, ping, { filter: { pod: 'netpod' } });
    expect(lines.map((l) => l.text)).toEqual(SEED_ICMP);
    const upToRequest = hubbleFlows(dp, ping)[1]!.seq;
    expect(lines.filter((l) => l.seq <= upToRequest).map((l) => l.text)).toEqual(SEED_ICMP.slice(0, 2));
  });
});
