/**
 * Reads real Hubble flows: `hubble observe -o jsonpb` (and `-o json`, its
 * alias in hubble 1.16), one GetFlowsResponse per line
 * (`{"flow":{...},"node_name":...,"time":...}`, observer.proto), the legacy
 * `-o json-legacy` (the Flow alone), and a sysdump's `hubble-flows-*.json`
 * (`hubble observe --last N --debug -o jsonpb`). Field names as flow.proto
 * writes them (protojson UseProtoNames: `node_name`, `trace_observation_point`)
 * or in lowerCamelCase (`nodeName`): protojson reads both, so do we
 * (docs/hubble-jsonpb-notes.md).
 *
 * A line that is not a flow (not JSON, another response such as
 * `node_status` or `lost_events`, a flow without IP) gives a located issue
 * and the next line is read: never a throw.
 */
import { message, type Message, type MessageId } from '../../messages.ts';

export interface ObservedEndpoint {
  ip: string;
  port?: number;
  identity?: number;
  namespace?: string;
  podName?: string;
  labels: string[];
}

export interface ObservedFlow {
  /** 1-based line in the file. */
  line: number;
  /** RFC 3339 as Hubble printed it. */
  time: string;
  nodeName: string;
  verdict: string;
  proto: 'TCP' | 'UDP' | 'ICMP' | 'OTHER';
  source: ObservedEndpoint;
  destination: ObservedEndpoint;
  tcpFlags: string[];
  icmpType?: number;
  /** TraceObservationPoint name (`TO_ENDPOINT`), when a trace event. */
  observationPoint?: string;
  /** DropReason name (`POLICY_DENIED`), when dropped. */
  dropReason?: string;
  isReply?: boolean;
  trafficDirection?: string;
  /** Policy names from egress/ingress_allowed_by and _denied_by (`namespace/name`). */
  policies: string[];
  summary?: string;
}

export interface FlowsIssue {
  line: number;
  /** English, as the CLI prints it. */
  message: string;
  /** The same words for the page's language. */
  says: Message;
}

/**
 * The English of each reason, for `message` (the CLI's stderr line, which
 * renders no catalog); a test holds it equal to messages-en.ts.
 */
const WHY_EN: Partial<Record<MessageId, (kind: string) => string>> = {
  'hubble.not_json': () => 'not JSON (expected one `hubble observe -o jsonpb` response per line)',
  'hubble.not_object': () => 'not a JSON object',
  'hubble.other_response': (kind) => `a ${kind} response, not a flow (skipped)`,
  'hubble.not_flow': () => 'not a Hubble flow (expected {"flow": {...}, "node_name": ..., "time": ...})',
  'hubble.no_ip': () => 'the flow has no IP (an L7 or non-IP flow: not replayed)',
  'hubble.no_addresses': () => 'IP.source and IP.destination are required',
};

/** A line that is no flow: its English line and its words. */
function lineIssue(line: number, what: Message): FlowsIssue {
  const says = message('hubble.line', { line, text: what });
  return { line, message: `line ${line}: ${WHY_EN[what.id]?.(String(what.params['kind'] ?? '')) ?? ''}`, says };
}

export interface FlowsRead {
  flows: ObservedFlow[];
  issues: FlowsIssue[];
}

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** `node_name` or `nodeName`: protojson accepts the proto name and the JSON (lowerCamel) name. */
function field(o: Obj, protoName: string): unknown {
  if (protoName in o) return o[protoName];
  const camel = protoName.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
  return o[camel];
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
/** uint32/int32 come as numbers; protojson also accepts them as strings. */
function num(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^\d+$/.test(v)) return Number(v);
  return undefined;
}

function endpoint(e: unknown, ip: string, port: number | undefined): ObservedEndpoint {
  const o = isObj(e) ? e : {};
  const labels = Array.isArray(o['labels']) ? o['labels'].filter((l): l is string => typeof l === 'string') : [];
  const out: ObservedEndpoint = { ip, labels };
  if (port !== undefined) out.port = port;
  const identity = num(o['identity']);
  if (identity !== undefined) out.identity = identity;
  const ns = str(o['namespace']);
  if (ns) out.namespace = ns;
  const pod = str(field(o, 'pod_name'));
  if (pod) out.podName = pod;
  return out;
}

/** Enums print as names; protojson reads numbers too, which are kept as their digits. */
const enumName = (v: unknown) => (typeof v === 'number' ? String(v) : str(v));

function policyNames(flow: Obj): string[] {
  const names: string[] = [];
  for (const key of ['egress_allowed_by', 'ingress_allowed_by', 'egress_denied_by', 'ingress_denied_by']) {
    const list = field(flow, key);
    if (!Array.isArray(list)) continue;
    for (const p of list) {
      if (!isObj(p)) continue;
      const name = str(p['name']);
      if (!name) continue;
      const ns = str(p['namespace']);
      names.push(ns ? `${ns}/${name}` : name);
    }
  }
  return names;
}

function readFlow(flow: Obj, line: number, response: Obj | undefined): ObservedFlow | Message {
  const ip = field(flow, 'IP');
  if (!isObj(ip)) return message('hubble.no_ip');
  const src = str(ip['source']);
  const dst = str(ip['destination']);
  if (!src || !dst) return message('hubble.no_addresses');
  const l4 = field(flow, 'l4');
  const l4o = isObj(l4) ? l4 : {};
  const tcp = l4o['TCP'];
  const udp = l4o['UDP'];
  const icmp = l4o['ICMPv4'];
  let proto: ObservedFlow['proto'] = 'OTHER';
  let sport: number | undefined;
  let dport: number | undefined;
  let tcpFlags: string[] = [];
  let icmpType: number | undefined;
  if (isObj(tcp)) {
    proto = 'TCP';
    sport = num(field(tcp, 'source_port'));
    dport = num(field(tcp, 'destination_port'));
    const flags = tcp['flags'];
    if (isObj(flags)) tcpFlags = Object.entries(flags).filter(([, on]) => on === true).map(([k]) => k);
  } else if (isObj(udp)) {
    proto = 'UDP';
    sport = num(field(udp, 'source_port'));
    dport = num(field(udp, 'destination_port'));
  } else if (isObj(icmp)) {
    proto = 'ICMP';
    icmpType = num(icmp['type']) ?? 0;
  }
  const nodeName = str(field(flow, 'node_name')) ?? (response ? str(field(response, 'node_name')) : undefined) ?? '';
  const out: ObservedFlow = {
    line,
    time: str(flow['time']) ?? (response ? str(response['time']) : undefined) ?? '',
    nodeName,
    verdict: enumName(flow['verdict']) ?? 'VERDICT_UNKNOWN',
    proto,
    source: endpoint(flow['source'], src, sport),
    destination: endpoint(flow['destination'], dst, dport),
    tcpFlags,
    policies: policyNames(flow),
  };
  if (icmpType !== undefined) out.icmpType = icmpType;
  const point = enumName(field(flow, 'trace_observation_point'));
  if (point && point !== 'UNKNOWN_POINT') out.observationPoint = point;
  const drop = enumName(field(flow, 'drop_reason_desc'));
  if (drop && drop !== 'DROP_REASON_UNKNOWN') out.dropReason = drop;
  const reply = field(flow, 'is_reply');
  if (typeof reply === 'boolean') out.isReply = reply;
  const direction = enumName(field(flow, 'traffic_direction'));
  if (direction && direction !== 'TRAFFIC_DIRECTION_UNKNOWN') out.trafficDirection = direction;
  const summary = str(flow['Summary']) ?? str(flow['summary']);
  if (summary) out.summary = summary;
  return out;
}

/** Keys only a Flow has at its top (the legacy `-o json-legacy` line is the Flow alone). */
const FLOW_KEYS = ['IP', 'verdict', 'l4', 'source', 'destination', 'event_type', 'eventType'];

export function readHubbleFlows(text: string): FlowsRead {
  const flows: ObservedFlow[] = [];
  const issues: FlowsIssue[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    const t = raw.trim();
    if (t === '') return;
    let data: unknown;
    try {
      data = JSON.parse(t);
    } catch {
      issues.push(lineIssue(line, message('hubble.not_json')));
      return;
    }
    if (!isObj(data)) {
      issues.push(lineIssue(line, message('hubble.not_object')));
      return;
    }
    const flow = data['flow'];
    let read: ObservedFlow | Message;
    if (isObj(flow)) read = readFlow(flow, line, data);
    else if (FLOW_KEYS.some((k) => k in data)) read = readFlow(data, line, undefined);
    else {
      const other = Object.keys(data).find((k) => ['node_status', 'nodeStatus', 'lost_events', 'lostEvents'].includes(k));
      read = other ? message('hubble.other_response', { kind: other }) : message('hubble.not_flow');
    }
    if ('id' in read) issues.push(lineIssue(line, read));
    else flows.push(read);
  });
  return { flows, issues };
}
