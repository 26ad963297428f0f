/**
 * Leaving the node with BPF host routing (ENABLE_HOST_ROUTING): bpf_lxc does
 * the FIB lookup itself (fib_redirect_v4, bpf/lib/fib.h), rewrites the MACs
 * and redirects straight to the netdev, skipping the host stack. The netdev's
 * tc egress (cil_to_netdev) then decides about masquerading; the wire carries
 * the packet to the next hop.
 */
import type { NodeDatapath } from '../derive/types.ts';
import { lookupRoute, routeKey, routeText } from '../derive/route-table.ts';
import type { Walk } from '../flow/walk.ts';
import { neighKey, neighValue } from '../maps/format.ts';
import type { Packet } from '../trace.ts';
import { toNetdev } from './netdev-egress.ts';
import { viaCiliumHost } from './kernel.ts';
import { routed, withMacs } from './packet.ts';
import { DROP, type Arrival, type SkbContext } from './types.ts';
import { onTheWire } from './wire.ts';

export interface HopPlace {
  node: string;
  iface: string;
  hook: string;
}

/** The MAC a node's neighbour table holds for a next hop on its device. */
export function neighbourMac(w: Walk, node: NodeDatapath, ip: string): string {
  const peer = w.dp.nodeByIp.get(ip);
  if (peer && peer.ip === ip) return peer.interfaces.find((i) => i.kind === 'netdev')!.mac;
  return node.gatewayMac;
}

/** The node whose device owns `ip`, if any. */
export function nodeAt(w: Walk, ip: string): NodeDatapath | undefined {
  const n = w.dp.nodeByIp.get(ip);
  return n && n.ip === ip ? n : undefined;
}

export function forward(w: Walk, node: NodeDatapath, at: HopPlace, packet: Packet, skb: SkbContext): Arrival {
  const route = lookupRoute(node.routes, packet.dst);
  if (!route) {
    w.emit({ node: at.node, iface: at.iface, hook: at.hook, packet, kind: 'drop', program: 'cil_from_container', source: 'bpf/lib/fib.h: fib_redirect_v4', maps: [], verdict: 'DROPPED', drop: DROP.FIB_LOOKUP_FAILED }, 'drop.fib', { dst: packet.dst });
    return { at: 'dropped', packet, reason: DROP.FIB_LOOKUP_FAILED.reason };
  }
  const nextHop = route.via ?? packet.dst;
  const dev = node.interfaces.find((i) => i.name === route.dev)!;
  const mac = neighbourMac(w, node, nextHop);
  const out = routed(withMacs(packet, dev.mac, mac));
  const viaNode = nodeAt(w, nextHop);
  w.emit(
    {
      node: at.node, iface: at.iface, hook: at.hook, packet: out, kind: 'native-routing', program: at.iface === node.device ? 'cil_from_netdev' : 'cil_from_container',
      source: 'bpf/lib/fib.h: fib_redirect_v4 (bpf_fib_lookup, then redirect to the device)',
      maps: [
        { node: node.name, map: 'fib', op: 'lookup', key: routeKey(route), value: routeText(route), hit: true, note: `bpf_fib_lookup(${packet.dst}): ${route.origin}` },
        { node: node.name, map: 'neigh', op: 'lookup', key: neighKey(nextHop as never, route.dev), value: neighValue(mac), hit: true },
      ],
      observation: 'to-network', verdict: 'FORWARDED', ctState: skb.ctState, srcIdentity: skb.srcIdentity, dstIdentity: skb.dstIdentity,
    },
    viaNode ? 'routing.node' : 'routing.gateway',
    { dst: packet.dst, route: routeText(route), dev: route.dev, nexthop: nextHop, node: viaNode?.name ?? '' },
  );
  // A FIB result through cilium_host (no endpoint routes: the local pod CIDR route) leaves bpf_lxc
  // towards cil_from_host, not the device.
  if (route.dev === 'cilium_host') return viaCiliumHost(w, node, out, skb);
  const leaving = toNetdev(w, node, out, skb);
  return onTheWire(w, node, leaving.packet, viaNode);
}
