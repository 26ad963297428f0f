/**
 * `flowlab trace --format text`: the hops numbered, one line each, columns
 * aligned (node, interface and hook, program, kind, the packet after the
 * hop, the verdict, the map operations), then the outcome. With `explain`
 * each hop's plain sentence follows on an indented line.
 */
import type { Say } from '../messages.ts';
import type { FlowEndpoint, HopEvent, MapOp, Packet, SocketCall, Trace } from '../trace.ts';
import { tabwrite } from './tabwriter.ts';

const ICMP_NAMES: Record<number, string> = { 0: 'echo-reply', 3: 'dest-unreachable', 8: 'echo-request', 11: 'time-exceeded' };
const FLAG_ORDER = ['SYN', 'ACK', 'PSH', 'FIN', 'RST'] as const;

const hostPort = (ip: string, port: number | undefined) => (port === undefined ? ip : `${ip}:${port}`);

/** `172.16.0.79:43654 → 172.16.1.235:80 TCP SYN`, `ARP who-has 172.16.0.189 tell 172.16.0.79`. */
export function packetText(p: Packet): string {
  if (p.proto === 'ARP') {
    const a = p.arp;
    if (!a) return 'ARP';
    return a.op === 'request' ? `ARP who-has ${a.targetIp} tell ${a.senderIp}` : `ARP ${a.senderIp} is-at ${p.srcMac ?? '?'}`;
  }
  const ends = `${hostPort(p.src, p.sport)} → ${hostPort(p.dst, p.dport)}`;
  if (p.proto === 'ICMP') return `${ends} ICMP ${ICMP_NAMES[p.icmpType ?? 8] ?? `type ${p.icmpType}`}`;
  if (p.proto === 'TCP') {
    const flags = FLAG_ORDER.filter((f) => p.tcpFlags?.[f]).join('|');
    return `${ends} TCP${flags ? ` ${flags}` : ''}`;
  }
  return `${ends} UDP`;
}

/** A socket call's addresses: `connect() 172.16.0.79 → 10.10.252.131:80 ⇒ 172.16.2.253:80 TCP` (no packet, no port yet). */
export function socketText(c: SocketCall): string {
  const local = c.local.port ? hostPort(c.local.ip, c.local.port) : c.local.ip;
  const before = hostPort(c.peerBefore.ip, c.peerBefore.port);
  const after = hostPort(c.peerAfter.ip, c.peerAfter.port);
  const peer = before === after ? before : `${before} ⇒ ${after}`;
  return c.direction === 'request' ? `${c.call}() ${local} → ${peer} ${c.proto}` : `${c.call}() ${local} ← ${peer} ${c.proto}`;
}

/** What a hop carries: its packet, or a socket hop's call and addresses. */
export function hopPacketText(e: HopEvent): string {
  if (e.packet) return packetText(e.packet);
  return e.socket ? socketText(e.socket) : '-';
}

/** Verdict, drop reason, observation point and conntrack state, as far as the hop has them. */
function resultText(e: HopEvent): string {
  const parts: string[] = [];
  if (e.drop) parts.push(`DROPPED (${e.drop.code} ${e.drop.reason})`);
  else if (e.verdict) parts.push(e.verdict);
  if (e.observation) parts.push(e.observation);
  if (e.sockXlate) parts.push(e.sockXlate);
  if (e.ctState) parts.push(`ct ${e.ctState}`);
  return parts.join(' ') || '-';
}

const OP_WORD: Record<MapOp['op'], string> = { lookup: 'lookup', update: 'update', delete: 'delete' };

/** `cilium_ipcache lookup 172.16.1.235/32`, `(miss)` when a lookup found nothing. */
export function mapOpsText(ops: readonly MapOp[]): string {
  return ops.map((o) => `${o.map} ${OP_WORD[o.op]} ${o.key}${o.op === 'lookup' && !o.hit ? ' (miss)' : ''}`).join('; ');
}

function endpointText(e: FlowEndpoint): string {
  switch (e.kind) {
    case 'pod':
      return `pod ${e.namespace}/${e.name} (${e.ip} on ${e.node})`;
    case 'node':
      return `node ${e.node} (${e.ip})`;
    case 'service':
      return `service ${e.namespace}/${e.name} (${e.ip}:${e.port})`;
    case 'ip':
      return e.ip;
    default: {
      const never: never = e;
      return String(never);
    }
  }
}

export interface TextOptions {
  /** Print each hop's sentence under it. */
  explain?: boolean;
  /** Renders the sentences and the outcome in the reader's language. */
  say: Say;
}

export function traceText(trace: Trace, opts: TextOptions): string {
  const { flow } = trace;
  let head = `${flow.proto.toUpperCase()} ${endpointText(trace.client)} → ${endpointText(trace.server)}`;
  if (trace.backend) head += `, backend ${endpointText(trace.backend)}`;
  head += ` (seed ${flow.seed})\n`;

  let table = '#\tNODE\tWHERE\tPROGRAM\tKIND\tPACKET\tRESULT\tMAPS\n';
  for (const e of trace.events) {
    // Numbered from 1, as the page's "Hop N of M" (seq, in JSON and URLs, counts from 0).
    table += `${e.seq + 1}\t${e.node}\t${e.iface} ${e.hook}\t${e.program}\t${e.kind}\t${hopPacketText(e)}\t${resultText(e)}\t${mapOpsText(e.maps) || '-'}\n`;
  }
  const rows = tabwrite(table).split('\n');
  const out: string[] = [head, (rows[0] ?? '').trimEnd(), '\n'];
  trace.events.forEach((e, i) => {
    out.push((rows[i + 1] ?? '').trimEnd(), '\n');
    if (opts.explain) out.push(`    ${opts.say(e.explain)}\n`);
  });
  out.push(`outcome: ${trace.outcome.status}: ${opts.say(trace.outcome.message)}\n`);
  return out.join('');
}
