/**
 * `hubble observe -o json`: one GetFlowsResponse per line,
 * `{"flow":{...},"node_name":...,"time":...}`, field names and enum names as
 * protojson prints flow.proto (api/v1/flow/flow.proto), fields in declaration
 * order, empty ones left out. No uuid: the lab has no source of real ones.
 */
import type { HubbleEndpoint, HubbleFlow } from './flow.ts';
import { rfc3339 } from './time.ts';

/** bpf/lib/trace.h trace_point numbers (event_type.sub_type of a trace event). */
const TRACE_POINT_NUMBER: Record<string, number> = {
  'to-endpoint': 0, 'to-proxy': 1, 'to-host': 2, 'to-stack': 3, 'to-overlay': 4, 'from-endpoint': 5,
  'from-proxy': 6, 'from-host': 7, 'from-stack': 8, 'from-overlay': 9, 'from-network': 10, 'to-network': 11,
};

/** flow.proto DropReason names for the codes the lab can produce. */
const DROP_REASON_NAME: Record<number, string> = {
  130: 'INVALID_SOURCE_MAC', 131: 'INVALID_DESTINATION_MAC', 132: 'INVALID_SOURCE_IP', 133: 'POLICY_DENIED',
  134: 'INVALID_PACKET_DROPPED', 150: 'UNKNOWN_L3_TARGET_ADDRESS', 151: 'STALE_OR_UNROUTABLE_IP',
  158: 'SERVICE_BACKEND_NOT_FOUND', 167: 'NO_MAPPING_FOR_NAT_MASQUERADE', 169: 'FIB_LOOKUP_FAILED',
  174: 'IS_A_CLUSTERIP', 181: 'POLICY_DENY', 189: 'AUTH_REQUIRED', 196: 'TTL_EXCEEDED',
};

const SOCK_POINT: Record<string, string> = {
  'pre-xlate-fwd': 'SOCK_XLATE_POINT_PRE_DIRECTION_FWD', 'post-xlate-fwd': 'SOCK_XLATE_POINT_POST_DIRECTION_FWD',
  'pre-xlate-rev': 'SOCK_XLATE_POINT_PRE_DIRECTION_REV', 'post-xlate-rev': 'SOCK_XLATE_POINT_POST_DIRECTION_REV',
};

const upper = (s: string) => s.toUpperCase().replace(/-/g, '_');

function endpoint(e: HubbleEndpoint): Record<string, unknown> {
  const out: Record<string, unknown> = { identity: e.identity };
  if (e.namespace) out.namespace = e.namespace;
  if (e.labels.length) out.labels = e.labels;
  if (e.podName) out.pod_name = e.podName;
  return out;
}

function l4(f: HubbleFlow): Record<string, unknown> | undefined {
  const p = f.packet;
  if (p.proto === 'ICMP') return { ICMPv4: { type: p.icmpType ?? 8 } };
  if (p.proto === 'UDP') return { UDP: { source_port: f.source.port ?? 0, destination_port: f.destination.port ?? 0 } };
  if (p.proto === 'TCP') {
    const flags = Object.fromEntries(Object.entries(p.tcpFlags ?? {}).filter(([, on]) => on));
    // A socket event has no packet, hence no TCP flags (protojson leaves the empty message out).
    const withFlags = p.tcpFlags ? { flags } : {};
    return { TCP: { ...(f.source.port ? { source_port: f.source.port } : {}), destination_port: f.destination.port ?? 0, ...withFlags } };
  }
  return undefined;
}

/** INGRESS into a local endpoint, EGRESS otherwise; a reply travels the connection's other way. */
function trafficDirection(f: HubbleFlow): string | undefined {
  if (f.eventType !== 'trace' || !f.observation) return undefined;
  const ingress = f.observation === 'to-endpoint' || f.observation === 'from-network';
  return ingress !== Boolean(f.isReply) ? 'INGRESS' : 'EGRESS';
}

export function flowObject(f: HubbleFlow): Record<string, unknown> {
  const flow: Record<string, unknown> = { time: rfc3339(f.timeUs), verdict: f.verdict };
  if (f.packet.srcMac && f.packet.dstMac && f.eventType !== 'trace-sock') {
    flow.ethernet = { source: f.packet.srcMac, destination: f.packet.dstMac };
  }
  flow.IP = { source: f.source.ip, destination: f.destination.ip, ipVersion: 'IPv4' };
  const layer4 = l4(f);
  if (layer4) flow.l4 = layer4;
  flow.source = endpoint(f.source);
  flow.destination = endpoint(f.destination);
  flow.Type = f.eventType === 'trace-sock' ? 'SOCK' : 'L3_L4';
  flow.node_name = f.nodeName;
  const type = f.eventType === 'drop' ? 1 : f.eventType === 'trace' ? 4 : f.eventType === 'policy-verdict' ? 5 : 7;
  const sub = f.eventType === 'drop' ? f.drop?.code : f.eventType === 'trace' ? TRACE_POINT_NUMBER[f.observation ?? ''] : undefined;
  flow.event_type = sub ? { type, sub_type: sub } : { type };
  const service = (key: string) => {
    const [namespace, name] = key.split('/');
    return { name, namespace };
  };
  if (f.source.service) flow.source_service = service(f.source.service);
  if (f.destination.service) flow.destination_service = service(f.destination.service);
  const direction = trafficDirection(f);
  if (direction) flow.traffic_direction = direction;
  if (f.observation) flow.trace_observation_point = upper(f.observation);
  if (f.traceReason) flow.trace_reason = upper(f.traceReason);
  if (f.drop) flow.drop_reason_desc = DROP_REASON_NAME[f.drop.code] ?? 'DROP_REASON_UNKNOWN';
  if (f.isReply !== undefined) flow.is_reply = f.isReply;
  if (f.iface) flow.interface = f.iface;
  if (f.sockXlate) flow.sock_xlate_point = SOCK_POINT[f.sockXlate];
  flow.Summary = f.summary;
  return flow;
}

export function jsonLine(f: HubbleFlow): string {
  return JSON.stringify({ flow: flowObject(f), node_name: f.nodeName, time: rfc3339(f.timeUs) });
}
