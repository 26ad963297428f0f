/**
 * What `tcpdump -n -i <iface>` would print on one interface, derived from the
 * trace's events up to the current step. A capture sees a packet once per
 * pass: outgoing packets as they leave (after the tc-egress program, so
 * after SNAT), incoming ones as they arrive (before tc-ingress rewrites
 * them). Under socket LB the client's eth0 only ever carries the backend's
 * address, because connect() was rewritten before any packet existed.
 */
import type { HopEvent, Packet } from '../../engine/trace.ts';

export interface CaptureTarget {
  node: string;
  /** Host interface name, or `eth0@<ns/pod>` for a pod's eth0. */
  iface: string;
  /** The pod IP, for eth0 targets. */
  podIp?: string;
}

function tcpFlags(p: Packet): string {
  const f = p.tcpFlags ?? {};
  const s = `${f.SYN ? 'S' : ''}${f.FIN ? 'F' : ''}${f.RST ? 'R' : ''}${f.PSH ? 'P' : ''}`;
  return `[${s}${f.ACK ? '.' : ''}]`;
}

export function tcpdumpLine(p: Packet): string {
  if (p.arp) {
    return p.arp.op === 'request'
      ? `ARP, Request who-has ${p.arp.targetIp} tell ${p.arp.senderIp}, length 28`
      : `ARP, Reply ${p.arp.senderIp} is-at ${p.srcMac ?? '?'}, length 28`;
  }
  const outer = p.outer ? `${outerLine(p.outer)}\n    ` : '';
  if (p.proto === 'ICMP') {
    const what = p.icmpType === 8 ? 'echo request' : p.icmpType === 0 ? 'echo reply' : `type ${p.icmpType ?? '?'}`;
    return `${outer}IP ${p.src} > ${p.dst}: ICMP ${what}, id ${p.icmpId ?? 0}, seq 1, length 64`;
  }
  const src = `${p.src}.${p.sport ?? 0}`;
  const dst = `${p.dst}.${p.dport ?? 0}`;
  if (p.proto === 'TCP') {
    const len = p.payload ? p.payload.length : 0;
    return `${outer}IP ${src} > ${dst}: Flags ${tcpFlags(p)}, length ${len}${p.payload ? `: ${p.payload}` : ''}`;
  }
  return `${outer}IP ${src} > ${dst}: UDP, length ${p.payload?.length ?? 0}`;
}

/**
 * The outer UDP packet of tunnel mode, as tcpdump decodes it: port 8472 is
 * IANA's OTV port, so tcpdump prints VXLAN there as OTV (it says VXLAN only
 * for 4789); 6081 is Geneve. The source port is the kernel's hash of the
 * inner flow (the engine's outerSourcePort).
 */
export function outerLine(o: NonNullable<Packet['outer']>): string {
  const head = `IP ${o.src}.${o.sport} > ${o.dst}.${o.dport}:`;
  if (o.dport === 6081) return `${head} Geneve, Flags [none], vni 0x${o.vni.toString(16)}, proto TEB (0x6558)`;
  return `${head} OTV, flags [I] (0x08), overlay 0, instance ${o.vni}`;
}

const isIngressHook = (h: string) => h.includes('ingress');

/** Packets seen on the target, in order, up to and including `step`. */
export function capture(events: HopEvent[], step: number, target: CaptureTarget): { seq: number; packet: Packet }[] {
  const out: { seq: number; packet: Packet }[] = [];
  const seen = new Set<string>();
  for (let i = 0; i <= step && i < events.length; i++) {
    const ev = events[i] as HopEvent;
    let pkt: Packet | undefined;
    if (target.iface.startsWith('eth0@')) {
      // Only what the pod itself sends (send) and receives (deliver, and the ARP reply its lxc answers)
      // crosses its eth0; socket hops and the host's kernel stack never do.
      const podKey = target.iface.slice('eth0@'.length);
      if (ev.node !== target.node) continue;
      if ((ev.kind === 'send' || ev.kind === 'deliver') && ev.pod === podKey) pkt = ev.packet;
      else if (ev.kind === 'arp-proxy' && ev.packet.dst === target.podIp) pkt = ev.packet;
    } else if (ev.kind === 'wire' && ev.peer?.node === target.node && ev.peer.iface === target.iface) {
      pkt = ev.packet; // arriving from the wire, before any ingress program
    } else if (ev.node === target.node && ev.iface === target.iface && ev.kind !== 'wire') {
      // Incoming: the packet as it was before the ingress program rewrote it.
      pkt = isIngressHook(ev.hook) ? (events[i - 1]?.packet.id === ev.packet.id ? events[i - 1]?.packet : ev.packet) : ev.packet;
    }
    if (!pkt) continue;
    // One line per packet and direction: arriving off the wire and the ingress hook are one capture.
    const way = target.iface.startsWith('eth0@') ? ev.kind : ev.kind === 'wire' || isIngressHook(ev.hook) ? 'in' : 'out';
    const id = `${pkt.id}/${way}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({ seq: i, packet: pkt });
  }
  return out;
}
