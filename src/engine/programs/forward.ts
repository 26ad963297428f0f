/**
 * Leaving the node with BPF host routing (ENABLE_HOST_ROUTING): the running
 * program (bpf_lxc, or bpf_host for NodePort) does the FIB lookup itself
 * (fib_redirect_v4, bpf/lib/fib.h), rewrites the MACs and redirects straight
 * to the netdev, skipping the host stack. It runs in the caller's context,
 * so callers call it; it returns where the packet goes: cil_to_netdev, or
 * cil_from_host for a route through cilium_host.
 */
import type { NodeDatapath } from '../derive/types.ts';
import { lookupRoute, routeKey, routeText } from '../derive/route-table.ts';
import type { Walk } from '../flow/walk.ts';
import { neighKey, neighValue } from '../maps/format.ts';
import type { Place } from '../place.ts';
import type { MapOp, Packet } from '../trace.ts';
import { DROP } from './drop.ts';
import { deviceOf } from '../derive/lookups.ts';
import { neighbourMac, nodeAt } from './neighbour.ts';
import type { Next } from './next.ts';
import { routed, withMacs } from './packet.ts';
import type { RoutingProgram, SkbContext } from './types.ts';
import { message } from '../messages.ts';

export function forward(
  w: Walk, node: NodeDatapath, at: Place, program: RoutingProgram, packet: Packet, skb: SkbContext,
): Next {
  const route = lookupRoute(node.routes, packet.dst);
  if (!route) {
    w.emit(
      {
        place: at, packet, kind: 'drop', program, source: 'bpf/lib/fib.h: fib_redirect_v4',
        maps: [], verdict: 'DROPPED', drop: DROP.FIB_LOOKUP_FAILED,
      },
      'drop.fib',
      { dst: packet.dst },
    );
    return { to: 'dropped', packet, drop: DROP.FIB_LOOKUP_FAILED };
  }
  const nextHop = route.via ?? packet.dst;
  const dev = deviceOf(node, route.dev);
  const mac = neighbourMac(w.dp, node, nextHop);
  const out = routed(withMacs(packet, dev.mac, mac));
  const viaNode = nodeAt(w.dp, nextHop);
  const maps: MapOp[] = [
    {
      node: node.name, map: 'fib', op: 'lookup', key: routeKey(route), value: routeText(route), hit: true,
      note: `bpf_fib_lookup(${packet.dst}): ${route.origin}`,
      ...(route.originWords ? { noteWords: message('note.fib', { dst: packet.dst, origin: route.originWords }) } : {}),
    },
    {
      node: node.name, map: 'neigh', op: 'lookup', key: neighKey(nextHop, route.dev), value: neighValue(mac), hit: true,
    },
  ];
  w.emit(
    {
      place: at, packet: out, kind: 'native-routing', program,
      source: 'bpf/lib/fib.h: fib_redirect_v4 (bpf_fib_lookup, then redirect to the device)', maps,
      observation: 'to-network', verdict: 'FORWARDED', ctState: skb.ctState,
      srcIdentity: skb.srcIdentity, dstIdentity: skb.dstIdentity,
    },
    viaNode ? 'routing.node' : 'routing.gateway',
    { dst: packet.dst, route: routeText(route), dev: route.dev, nexthop: nextHop, node: viaNode?.name ?? '' },
  );
  // A FIB result through cilium_host (no endpoint routes: the local pod CIDR route) leaves bpf_lxc
  // towards cil_from_host, not the device.
  if (route.dev === 'cilium_host') return { to: 'cil_from_host', node, packet: out, skb };
  return { to: 'cil_to_netdev', node, packet: out, skb, nextHop: viaNode };
}
