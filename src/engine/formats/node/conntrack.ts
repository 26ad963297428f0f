/**
 * `conntrack -L`: the host's netfilter table after the flow. Under kube-proxy
 * replacement with BPF host routing the pod's packets never enter netfilter
 * (and the socket LB leaves no service DNAT to record), so the table holds
 * nothing of the flow; with kube-proxy or iptables MASQUERADE each translated
 * connection has one entry, original and reply tuples (conntrack-tools
 * src/conntrack.c, the default `%-8s %u %lu` layout). The summary line goes
 * to stderr, as conntrack prints it.
 */
import type { Packet, Trace } from '../../trace.ts';

/** The kernel's default timeouts (net/netfilter nf_conntrack_proto_*.c), seconds. */
const TIMEOUT = { tcpEstablished: 432000, udp: 30, icmp: 30 } as const;

interface Conn {
  orig: Packet;
  /** The packet as it left after every translation of the first packet. */
  out: Packet;
  replied: boolean;
}

const PROTO_NUM: Record<string, number> = { TCP: 6, UDP: 17, ICMP: 1 };

function tuple(p: Packet, reply: boolean): string {
  const base = `src=${p.src} dst=${p.dst}`;
  if (p.proto === 'ICMP') return `${base} type=${reply ? 0 : 8} code=0 id=${p.icmpId ?? 0}`;
  return `${base} sport=${p.sport ?? 0} dport=${p.dport ?? 0}`;
}

const reversed = (p: Packet): Packet => ({ ...p, src: p.dst, dst: p.src, sport: p.dport, dport: p.sport });

function line(c: Conn): string {
  const proto = c.orig.proto.toLowerCase();
  const head = `${proto.padEnd(8)} ${PROTO_NUM[c.orig.proto] ?? 0}`;
  const replyTuple = tuple(reversed(c.out), true);
  switch (c.orig.proto) {
    case 'TCP':
      return `${head} ${TIMEOUT.tcpEstablished - 1} ESTABLISHED ${tuple(c.orig, false)} ${replyTuple} [ASSURED] mark=0 use=1`;
    case 'UDP':
      return c.replied
        ? `${head} ${TIMEOUT.udp - 1} ${tuple(c.orig, false)} ${replyTuple} mark=0 use=1`
        : `${head} ${TIMEOUT.udp - 1} ${tuple(c.orig, false)} [UNREPLIED] ${replyTuple} mark=0 use=1`;
    default:
      return `${head} ${TIMEOUT.icmp - 1} ${tuple(c.orig, false)} ${replyTuple} mark=0 use=1`;
  }
}

/**
 * The packet before a hop's translation: the hop before it on the same packet, or, for the node's own
 * socket (nothing precedes the OUTPUT hook), the request as the client addressed it: to the service.
 */
function original(trace: Trace, i: number): Packet | undefined {
  const p = trace.events[i]?.packet;
  const before = trace.events[i - 1]?.packet;
  if (!p) return undefined;
  if (before && before.id === p.id) return before;
  const s = trace.server;
  return s.kind === 'service' && p.direction === 'request' ? { ...p, dst: s.ip, dport: s.port } : p;
}

/** The connections netfilter translated on `node` in the trace (DNAT by kube-proxy, MASQUERADE). */
export function nfConnections(trace: Trace, node: string): Conn[] {
  const events = trace.events;
  const byPacket = new Map<number, Conn>();
  const out: Conn[] = [];
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    // iptables hops always carry a packet (only socket hops have none).
    const p = e?.packet;
    if (!e || !p || e.node !== node || e.kind !== 'iptables') continue;
    const orig = original(trace, i) ?? p;
    if (e.program === 'nf_conntrack') {
      // The reply (or a later packet) met the entry: it was seen both ways.
      for (const c of out) if (c.out.dst === p.src || c.orig.src === p.dst) c.replied = true;
      continue;
    }
    const known = byPacket.get(p.id);
    if (known) known.out = p;
    else {
      const c: Conn = { orig, out: p, replied: false };
      byPacket.set(p.id, c);
      out.push(c);
    }
  }
  return out;
}

export function conntrackList(trace: Trace | undefined, node: string): { text: string; stderr: string } {
  const conns = trace ? nfConnections(trace, node) : [];
  const text = conns.map((c) => `${line(c)}\n`).join('');
  return { text, stderr: `conntrack v1.4.6 (conntrack-tools): ${conns.length} flow entries have been shown.\n` };
}
