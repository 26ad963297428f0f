/**
 * What really differs between two paths, for the compare view's header
 * ("B: per-packet DNAT in bpf_lxc, kernel routing via the stack"): each
 * trace's features read off its hops (which program did the translation,
 * how the packet was routed, encapsulated, masqueraded, where the programs
 * are attached, a drop, the backend chosen), and the ones only one side has.
 * Read from the hops, never from the settings, so a setting that does not
 * touch this flow shows no difference.
 */
import { dropReason, message, type Message } from './messages.ts';
import type { HopEvent, Trace } from './trace.ts';

export interface TraceDifferences {
  /** Features side A has and side B lacks, in a fixed order (translation, routing, tunnel, NAT ...). */
  a: Message[];
  b: Message[];
}

interface Feature {
  key: string;
  message: Message;
}

/** The address the flow's first service translation chose: the socket LB's, bpf_lxc's, NodePort's or kube-proxy's. */
function chosenBackend(e: readonly HopEvent[]): string | undefined {
  for (const h of e) {
    if (h.kind === 'socket-lb-rewrite' && h.socket && h.verdict === 'TRANSLATED') return `${h.socket.peerAfter.ip}:${h.socket.peerAfter.port}`;
    const dnat = h.kind === 'service-lb' || h.explain.id === 'iptables.dnat' || h.explain.id === 'iptables.nodeport';
    if (dnat && h.packet) return `${h.packet.dst}:${h.packet.dport ?? ''}`;
  }
  return undefined;
}

/** One rule per feature, in the order the header lists them. */
const RULES: readonly ((e: readonly HopEvent[]) => Feature | undefined)[] = [
  (e) => (e.some((h) => h.kind === 'socket-lb-rewrite' && h.verdict === 'TRANSLATED')
    ? { key: 'socket-lb', message: message('compare.socket_lb') } : undefined),
  (e) => (e.some((h) => h.kind === 'service-lb' && h.program === 'cil_from_container')
    ? { key: 'per-packet-lb', message: message('compare.per_packet_lb') } : undefined),
  (e) => (e.some((h) => h.explain.id === 'iptables.dnat' || h.explain.id === 'iptables.nodeport')
    ? { key: 'kube-proxy-dnat', message: message('compare.kube_proxy_dnat') } : undefined),
  (e) => (e.some((h) => h.kind === 'native-routing')
    ? { key: 'bpf-routing', message: message('compare.bpf_routing') } : undefined),
  (e) => (e.some((h) => h.kind === 'kernel-stack')
    ? { key: 'stack-routing', message: message('compare.stack_routing') } : undefined),
  (e) => {
    const encap = e.find((h) => h.kind === 'tunnel-encap')?.packet?.outer?.encap;
    const proto = encap === 'geneve' ? 'Geneve' : 'VXLAN';
    return encap ? { key: `tunnel:${encap}`, message: message('compare.tunnel', { proto }) } : undefined;
  },
  (e) => (e.some((h) => h.kind === 'snat')
    ? { key: 'bpf-masq', message: message('compare.bpf_masq') } : undefined),
  (e) => (e.some((h) => h.explain.id === 'iptables.masquerade')
    ? { key: 'iptables-masq', message: message('compare.iptables_masq') } : undefined),
  (e) => (e.some((h) => h.kind === 'arp-proxy') ? { key: 'arp', message: message('compare.arp') } : undefined),
  (e) => {
    const hook = e.find((h) => h.kind === 'lxc-ingress')?.hook;
    return hook ? { key: `hook:${hook}`, message: message('compare.hook', { hook }) } : undefined;
  },
  (e) => {
    const drop = e.find((h) => h.drop)?.drop;
    return drop ? { key: `drop:${drop.code}:${drop.reason}`, message: message('compare.drop', { reason: dropReason(drop) }) } : undefined;
  },
  (e) => {
    const addr = chosenBackend(e);
    return addr ? { key: `backend:${addr}`, message: message('compare.backend', { addr }) } : undefined;
  },
];

const features = (t: Trace): Feature[] =>
  RULES.map((rule) => rule(t.events)).filter((f): f is Feature => f !== undefined);

export function traceDifferences(a: Trace, b: Trace): TraceDifferences {
  const fa = features(a);
  const fb = features(b);
  const only = (x: Feature[], y: Feature[]) => x.filter((f) => !y.some((g) => g.key === f.key)).map((f) => f.message);
  return { a: only(fa, fb), b: only(fb, fa) };
}
