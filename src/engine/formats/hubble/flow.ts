/**
 * Hubble flows from a Trace: which hops Hubble would report and what each
 * report says (a subset of flow.proto's Flow, enough for `hubble observe`'s
 * compact and JSON output). Three kinds of events become flows:
 * - trace notifications at observation points (to-endpoint, to-network...),
 *   filtered by monitor aggregation (./aggregation.ts);
 * - drop notifications, always;
 * - socket-LB trace events (trace-sock): one connect() gives pre-xlate-fwd
 *   (towards the service) and post-xlate-fwd (towards the backend).
 *
 * Order: all hops of one packet share its timestamp (./time.ts); Hubble
 * Relay merges the nodes' streams by time, so within one packet the flows come
 * node by node, nodes in the order the conversation first reaches them. That
 * is how the seed's `hubble observe --pod netpod` lists the reply's
 * to-endpoint (client node) before its to-network (server node).
 */
import type { MonitorAggregation } from '../../../scenario/model.ts';
import type { Datapath } from '../../derive/types.ts';
import { hopPacketId, type CtState, type HopEvent, type ObservationPoint, type Packet, type SocketCall, type SockXlatePoint, type Trace } from '../../trace.ts';
import type { Ipv4 } from '../../../scenario/values.ts';
import { monitorReports } from './aggregation.ts';
import { resolveEndpoint, summaryOf, type HubbleEndpoint } from './endpoint.ts';
import { PACKET_SPACING_US } from './time.ts';

export type { HubbleEndpoint };

export interface HubbleFlow {
  /** seq of the HopEvent it reports. */
  seq: number;
  /** Microseconds since the epoch. */
  timeUs: number;
  nodeName: string;
  eventType: 'trace' | 'drop' | 'trace-sock' | 'policy-verdict';
  observation?: ObservationPoint;
  sockXlate?: SockXlatePoint;
  drop?: { code: number; reason: string };
  verdict: 'FORWARDED' | 'DROPPED' | 'TRACED' | 'TRANSLATED';
  /** policy-verdict events: the decision (printed as `policy-verdict:L3-L4 INGRESS ALLOWED`). */
  policy?: { match: string; direction: 'INGRESS' | 'EGRESS'; allowed: boolean };
  /** undefined when Hubble cannot tell (drops, socket events): printed as `<>`. */
  isReply?: boolean;
  traceReason?: CtState;
  source: HubbleEndpoint;
  destination: HubbleEndpoint;
  packet: Packet;
  /** The compact line's last field: `ICMPv4 EchoRequest`, `TCP Flags: SYN, ACK`, `UDP`. */
  summary: string;
  iface?: { index: number; name: string };
}

export interface FlowOptions {
  /** Defaults to the scenario's monitor-aggregation. */
  aggregation?: MonitorAggregation;
}

const l4Ports = (p: Packet) => (p.proto === 'TCP' || p.proto === 'UDP' ? { sport: p.sport, dport: p.dport } : {});

function isReplyOf(ct: CtState | undefined): boolean | undefined {
  if (ct === undefined) return undefined;
  return ct === 'reply';
}

/**
 * The ifindex a trace notification carries: the device a to-network packet
 * is redirected to, the lxc of the endpoint a to-endpoint packet enters, the
 * interface of the hop otherwise.
 */
function traceInterface(dp: Datapath, e: HopEvent, p: Packet): { index: number; name: string } | undefined {
  const node = dp.node(e.node);
  if (!node) return undefined;
  let name = e.iface;
  if (e.observation === 'to-network') name = node.device;
  else if (e.observation === 'to-endpoint') name = dp.endpointByIp.get(p.dst)?.lxcName ?? e.iface;
  const i = node.interfaces.find((x) => x.name === name);
  return i ? { index: i.ifindex, name: i.name } : undefined;
}

function traceFlow(dp: Datapath, e: HopEvent, p: Packet, timeUs: number): HubbleFlow {
  const { sport, dport } = l4Ports(p);
  const iface = traceInterface(dp, e, p);
  const flow: HubbleFlow = {
    seq: e.seq,
    timeUs,
    nodeName: e.node,
    eventType: e.drop ? 'drop' : 'trace',
    verdict: e.drop ? 'DROPPED' : 'FORWARDED',
    source: resolveEndpoint(dp, e.node, p.src, sport, e.srcIdentity),
    destination: resolveEndpoint(dp, e.node, p.dst, dport, e.dstIdentity),
    packet: p,
    summary: summaryOf(p),
  };
  if (e.drop) flow.drop = e.drop;
  else {
    if (e.observation) flow.observation = e.observation;
    const isReply = isReplyOf(e.ctState);
    if (isReply !== undefined) flow.isReply = isReply;
    if (e.ctState) flow.traceReason = e.ctState;
  }
  if (iface) flow.iface = iface;
  return flow;
}

/**
 * A policy-verdict notification (send_policy_verdict_notify): sent only where
 * enforcement is on, for new connections and for denials.
 */
function policyFlow(dp: Datapath, e: HopEvent, timeUs: number): HubbleFlow | undefined {
  const v = e.policyVerdict;
  if (!e.packet || !v || !v.enforced || (v.allowed && e.ctState !== 'new')) return undefined;
  const base = traceFlow(dp, e, e.packet, timeUs);
  const { drop: _drop, observation: _obs, ...rest } = base;
  return {
    ...rest,
    eventType: 'policy-verdict',
    verdict: v.allowed ? 'FORWARDED' : 'DROPPED',
    policy: { match: v.match, direction: v.direction === 'ingress' ? 'INGRESS' : 'EGRESS', allowed: v.allowed },
    ...(v.allowed ? { isReply: false } : { isReply: undefined }),
  };
}

type Peer = { ip: Ipv4; port: number };

/**
 * A trace-sock flow (pkg/hubble/parser/sock): the socket's pod and the address
 * the event carries (no source port: the event has none). On the reverse
 * points the parser swaps the two ends, so the peer is printed first. The
 * flow's IP and L4 are the socket's own address and that peer.
 */
function sockFlow(dp: Datapath, e: HopEvent, c: SocketCall, timeUs: number, point: SockXlatePoint, peer: Peer): HubbleFlow {
  const pod = resolveEndpoint(dp, e.node, c.local.ip);
  const other = resolveEndpoint(dp, e.node, peer.ip, peer.port);
  const rev = point.endsWith('-rev');
  const packet: Packet = {
    id: c.packetId, direction: c.direction, src: c.local.ip, dst: peer.ip, proto: c.proto, dport: peer.port,
  };
  return {
    seq: e.seq,
    timeUs,
    nodeName: e.node,
    eventType: 'trace-sock',
    sockXlate: point,
    verdict: point.startsWith('pre-') ? 'TRACED' : 'TRANSLATED',
    source: rev ? other : pod,
    destination: rev ? pod : other,
    packet,
    summary: c.proto,
  };
}

/**
 * connect()/sendmsg() give pre- and post-xlate-fwd; getpeername()/recvmsg() pre- and post-xlate-rev
 * (bpf_sock.c __sock4_xlate_fwd / __sock4_xlate_rev send them). A call that found no backend sends none
 * (it fails before the first notification); nor does a call never made (curl does not call getpeername).
 */
function sockFlows(dp: Datapath, e: HopEvent, timeUs: number): HubbleFlow[] {
  const c = e.socket;
  if (!c) return [];
  if (e.sockXlate === 'post-xlate-fwd') {
    return [sockFlow(dp, e, c, timeUs, 'pre-xlate-fwd', c.peerBefore), sockFlow(dp, e, c, timeUs, 'post-xlate-fwd', c.peerAfter)];
  }
  if (e.sockXlate === 'post-xlate-rev') {
    return [sockFlow(dp, e, c, timeUs, 'pre-xlate-rev', c.peerBefore), sockFlow(dp, e, c, timeUs, 'post-xlate-rev', c.peerAfter)];
  }
  // No backend: __sock4_xlate_fwd returns -EHOSTUNREACH before it sends any trace-sock event.
  return [];
}

/** The flows Hubble would have recorded for this trace, in `hubble observe` order. */
export function hubbleFlows(dp: Datapath, trace: Trace, opts: FlowOptions = {}): HubbleFlow[] {
  const level = opts.aggregation ?? dp.config.monitorAggregation;
  const reported = monitorReports(trace.events, level, dp.config.ctTimeouts.reportFlags);
  const nodeRank = new Map<string, number>();
  for (const e of trace.events) if (!nodeRank.has(e.node)) nodeRank.set(e.node, nodeRank.size);
  const flows: HubbleFlow[] = [];
  const start = dp.captureStartUs;
  for (const e of trace.events) {
    // Only Cilium nodes report: hops outside the cluster (the internet, a router) never reach Hubble.
    if (!dp.node(e.node)) continue;
    const timeUs = start + hopPacketId(e) * PACKET_SPACING_US;
    const verdict = policyFlow(dp, e, timeUs);
    if (verdict) flows.push(verdict);
    if (e.socket) flows.push(...sockFlows(dp, e, timeUs));
    else if (e.packet && (e.drop || (e.observation && reported.has(e.seq)))) flows.push(traceFlow(dp, e, e.packet, timeUs));
  }
  const rank = (f: HubbleFlow) => nodeRank.get(f.nodeName) ?? 0;
  // Array.prototype.sort is stable: within one node a packet's flows keep their hop order.
  return flows.sort((a, b) => a.timeUs - b.timeUs || rank(a) - rank(b));
}
