/**
 * The physical network between nodes (and to the outside world): the only
 * place a packet is seen by anything that is not the kernel or eBPF.
 */
import type { NodeDatapath } from '../derive/types.ts';
import type { Walk } from '../flow/walk.ts';
import type { Packet } from '../trace.ts';
import { fromNetdev } from './netdev-ingress.ts';
import { dstText, srcText } from './packet.ts';
import type { Arrival } from './types.ts';

/** Pseudo-node name of everything outside the cluster (the internet, the VPC router). */
export const WORLD = 'world';
export const WORLD_IFACE = 'internet';

export function onTheWire(w: Walk, from: NodeDatapath, packet: Packet, to: NodeDatapath | undefined): Arrival {
  const peer = to ? { node: to.name, iface: to.device } : { node: WORLD, iface: WORLD_IFACE };
  w.emit(
    { packet, kind: 'wire', node: from.name, iface: from.device, hook: 'wire', program: 'network', source: 'the wire: no eBPF here', maps: [], peer },
    packet.outer ? 'wire.tunnel' : to ? 'wire.node' : 'wire.world',
    { from: from.name, to: to?.name ?? '', src: srcText(packet), dst: dstText(packet), dev: from.device, ...(packet.outer ? { osrc: packet.outer.src, odst: packet.outer.dst, oport: packet.outer.dport } : {}) },
  );
  if (to) return fromNetdev(w, to, packet);
  return { at: 'world', packet };
}

/** A packet from outside the cluster arriving at the node that owns its destination IP. */
export function fromWorld(w: Walk, packet: Packet): Arrival {
  const hit = w.dp.nodeByIp.get(packet.dst);
  const to = hit && hit.ip === packet.dst ? hit : undefined;
  const peer = to ? { node: to.name, iface: to.device } : { node: WORLD, iface: WORLD_IFACE };
  w.emit(
    { packet, kind: 'wire', node: WORLD, iface: WORLD_IFACE, hook: 'wire', program: 'network', source: 'the wire: no eBPF here', maps: [], peer },
    !to ? 'wire.lost' : packet.direction === 'request' ? 'wire.external_client' : 'wire.from_world',
    { to: to?.name ?? '', src: srcText(packet), dst: dstText(packet) },
  );
  if (to) return fromNetdev(w, to, { ...packet, srcMac: to.gatewayMac, dstMac: to.interfaces.find((i) => i.kind === 'netdev')!.mac });
  w.emit({ packet, kind: 'drop', node: WORLD, iface: WORLD_IFACE, hook: 'wire', program: 'network', source: 'outside the cluster', maps: [], verdict: 'DROPPED', drop: { code: 0, reason: 'No route back' } }, 'drop.no_route_back', { dst: packet.dst });
  return { at: 'dropped', packet, reason: 'No route back' };
}
