/**
 * The physical network between nodes (and to the outside world): the only
 * place a packet is seen by anything that is not the kernel or eBPF.
 */
import type { NodeDatapath } from '../derive/types.ts';
import type { Walk } from '../flow/walk.ts';
import type { Place, WirePeer } from '../place.ts';
import type { Packet } from '../trace.ts';
import { DROP } from './drop.ts';
import { netdevOf } from '../derive/lookups.ts';
import { nodeAt } from './neighbour.ts';
import type { Next } from './next.ts';
import { dstText, srcText, withMacs } from './packet.ts';

/** Pseudo-node name of everything outside the cluster (the internet, the VPC router). */
export const WORLD = 'world';
export const WORLD_IFACE = 'internet';

const peerOf = (to: NodeDatapath | undefined): WirePeer =>
  (to ? { node: to.name, iface: to.device } : { node: WORLD, iface: WORLD_IFACE });

/** The world's end of the wire, where packets from outside start and those lost outside end. */
export const worldWire = (peer: WirePeer | undefined): Place =>
  ({ kind: 'wire', node: WORLD, iface: WORLD_IFACE, peer });

export function onTheWire(w: Walk, from: NodeDatapath, packet: Packet, to: NodeDatapath | undefined): Next {
  const o = packet.outer;
  w.emit(
    {
      place: { kind: 'wire', node: from.name, iface: from.device, peer: peerOf(to) },
      packet, kind: 'wire', program: 'network', source: 'the wire: no eBPF here', maps: [],
    },
    o ? 'wire.tunnel' : to ? 'wire.node' : 'wire.world',
    {
      from: from.name, to: to?.name ?? '', src: srcText(packet), dst: dstText(packet), dev: from.device,
      ...(o ? { osrc: o.src, odst: o.dst, oport: o.dport } : {}),
    },
  );
  if (to) return { to: 'cil_from_netdev', node: to, packet };
  return { to: 'lost', packet };
}

/** A packet from outside the cluster arriving at the node that owns its destination IP. */
export function fromWorld(w: Walk, packet: Packet): Next {
  const to = nodeAt(w.dp, packet.dst);
  w.emit(
    {
      place: worldWire(peerOf(to)), packet, kind: 'wire', program: 'network',
      source: 'the wire: no eBPF here', maps: [],
    },
    !to ? 'wire.lost' : packet.direction === 'request' ? 'wire.external_client' : 'wire.from_world',
    { to: to?.name ?? '', src: srcText(packet), dst: dstText(packet) },
  );
  // The VPC router hands the packet to the node's device.
  if (to) return { to: 'cil_from_netdev', node: to, packet: withMacs(packet, to.gatewayMac, netdevOf(to).mac) };
  w.emit(
    {
      place: worldWire(undefined), packet, kind: 'drop', program: 'network', source: 'outside the cluster',
      maps: [], verdict: 'DROPPED', drop: DROP.NO_ROUTE_BACK,
    },
    'drop.no_route_back',
    { dst: packet.dst },
  );
  return { to: 'dropped', packet, drop: DROP.NO_ROUTE_BACK };
}
