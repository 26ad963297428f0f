/**
 * What a capture on one interface sees of a trace, up to a step. A capture
 * sees a packet once per pass: outgoing packets as they leave (after every
 * tc-egress hop, so after SNAT: the kernel hands a packet to packet sockets
 * in dev_hard_start_xmit, after sch_handle_egress ran the tc/tcx programs;
 * one dropped there is never seen), incoming ones as they arrive (before
 * tc-ingress rewrites them: __netif_receive_skb_core delivers to packet
 * sockets before sch_handle_ingress). Under socket LB the client's eth0 only ever
 * carries the backend's address, because connect() was rewritten before any
 * packet existed. Only the hop's place decides, never an interface name.
 */
import type { HopEvent, Packet } from '../trace.ts';
import type { CaptureTarget } from './target.ts';
import { tcDirection } from '../place.ts';

export interface Captured {
  /** The hop at which the capture saw the packet. */
  seq: number;
  packet: Packet;
  /** `in` or `out` of the interface (a pod's eth0: `send` out of the pod, `deliver` or `arp-proxy` into it). */
  way: string;
}

type Seen = Omit<Captured, 'seq'>;

/** The packet a pod's eth0 sees at `ev`: what the pod sends and receives, and the ARP reply its lxc answers. */
function onPodEth0(ev: HopEvent, p: Packet, t: CaptureTarget & { kind: 'pod' }): Seen | undefined {
  const at = ev.place;
  if (at.node !== t.node) return undefined;
  // Socket hops (no packet) and the host's kernel stack never cross the pod's eth0.
  if (at.kind === 'pod' && at.pod === t.pod) return { packet: p, way: ev.kind };
  if (ev.kind === 'arp-proxy' && p.dst === t.podIp) return { packet: p, way: ev.kind };
  return undefined;
}

/** The packet a host interface sees at `ev` (and the hop before it, for what arrived before tc ingress). */
function onDevice(ev: HopEvent, p: Packet, before: HopEvent | undefined, t: CaptureTarget & { kind: 'device' }): Seen | undefined {
  const at = ev.place;
  switch (at.kind) {
    case 'wire':
      // Arriving from the wire, before any ingress program.
      if (ev.kind === 'wire' && at.peer?.node === t.node && at.peer.iface === t.iface) return { packet: p, way: 'in' };
      return undefined;
    case 'tc': {
      if (at.node !== t.node || at.iface !== t.iface) return undefined;
      if (tcDirection(at.hook) === 'egress') return { packet: p, way: 'out' };
      // Incoming: the packet as it was before the ingress program rewrote it.
      const arrived = before?.packet?.id === p.id ? before.packet : p;
      return { packet: arrived, way: 'in' };
    }
    case 'postrouting':
      return at.node === t.node && at.dev === t.iface ? { packet: p, way: 'out' } : undefined;
    case 'socket':
    case 'pod':
    case 'stack':
      return undefined;
    default: {
      const never: never = at;
      throw new Error(`unknown place ${JSON.stringify(never)}`);
    }
  }
}

/** `ev` is one more egress hop of the same packet on the same device: the packet has not left yet. */
function stillLeaving(ev: HopEvent | undefined, packetId: number, t: CaptureTarget): boolean {
  if (!ev || t.kind !== 'device' || ev.packet?.id !== packetId) return false;
  const at = ev.place;
  if (at.kind === 'tc') return at.node === t.node && at.iface === t.iface && tcDirection(at.hook) === 'egress';
  return at.kind === 'postrouting' && at.node === t.node && at.dev === t.iface;
}

/** Packets seen on the target, in order, up to and including `step` (default: the whole trace). */
export function capture(events: readonly HopEvent[], target: CaptureTarget, step = events.length - 1): Captured[] {
  const out: Captured[] = [];
  const seen = new Set<string>();
  for (let i = 0; i <= step && i < events.length; i++) {
    const ev = events[i];
    const p = ev?.packet;
    if (!ev || !p) continue;
    const got = target.kind === 'pod' ? onPodEth0(ev, p, target) : onDevice(ev, p, events[i - 1], target);
    if (!got) continue;
    if (got.way === 'out') {
      // Leaving: seen once the last egress hop (SNAT, encapsulation) is done, never if one dropped it.
      if (ev.verdict === 'DROPPED' || stillLeaving(events[i + 1], p.id, target)) continue;
    }
    // One line per packet and direction: arriving off the wire and the ingress hook are one capture.
    const id = `${got.packet.id}/${got.way}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({ seq: i, packet: got.packet, way: got.way });
  }
  return out;
}
