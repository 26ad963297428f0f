/**
 * The kernel's own forwarding, for packets eBPF handed to the stack (legacy
 * host routing, packets for no local endpoint) and for the node's own
 * traffic: netfilter, a route lookup, then whichever device the route names,
 * each with the program Cilium attached to it.
 */
import { lookupRoute, routeKey, routeText } from '../derive/route-table.ts';
import type { NodeDatapath } from '../derive/types.ts';
import type { Walk } from '../flow/walk.ts';
import { stackAt } from '../place.ts';
import type { MapOp, Packet } from '../trace.ts';
import { DROP } from './drop.ts';
import { conntrackReverse, iptablesMasquerade, kubeProxyDnat } from './iptables.ts';
import { deviceOf } from '../derive/lookups.ts';
import { neighbourMac, nodeAt } from './neighbour.ts';
import type { Next } from './next.ts';
import { routed, withMacs } from './packet.ts';
import type { SkbContext } from './types.ts';
import { message } from '../messages.ts';

export function kernelRoute(w: Walk, node: NodeDatapath, arriving: Packet, skb: SkbContext, originated: boolean): Next {
  const at = stackAt(node.name);
  // netfilter first: conntrack undoes earlier NAT (PREROUTING), kube-proxy DNATs services.
  let packet = originated ? arriving : conntrackReverse(w, node, arriving);
  const dnat = kubeProxyDnat(w, node, packet, originated ? 'OUTPUT' : 'PREROUTING');
  if (dnat) packet = dnat.packet;
  if (packet.dst === node.ip || packet.dst === node.ciliumHostIp) {
    // The kernel's local table: the packet is for this node itself.
    w.emit(
      {
        place: at, packet, kind: 'kernel-stack', program: 'kernel',
        source: 'kernel: ip_route_input → ip_local_deliver (local table)',
        maps: [], verdict: 'FORWARDED', srcIdentity: skb.srcIdentity, dstIdentity: 1,
      },
      'stack.local',
      { node: node.name, dst: packet.dst },
    );
    return { to: 'host', node, packet };
  }
  const route = lookupRoute(node.routes, packet.dst);
  if (!route) {
    w.emit(
      {
        place: at, packet, kind: 'drop', program: 'kernel', source: 'kernel: ip_route_output / ip_route_input',
        maps: [], verdict: 'DROPPED', drop: DROP.FIB_LOOKUP_FAILED,
      },
      'drop.fib',
      { dst: packet.dst },
    );
    return { to: 'dropped', packet, drop: DROP.FIB_LOOKUP_FAILED };
  }
  const note = `route lookup for ${packet.dst}: ${route.origin}`;
  const fib: MapOp = {
    node: node.name, map: 'fib', op: 'lookup', key: routeKey(route), value: routeText(route), hit: true, note,
    ...(route.originWords ? { noteWords: message('note.route', { dst: packet.dst, origin: route.originWords }) } : {}),
  };
  w.emit(
    {
      place: at, packet, kind: 'kernel-stack', program: 'kernel',
      source: originated ? 'kernel: ip_route_output → ip_finish_output' : 'kernel: ip_route_input → ip_forward',
      maps: [fib],
      srcIdentity: skb.srcIdentity,
    },
    originated ? 'stack.send' : 'stack.forward',
    { node: node.name, dst: packet.dst, route: routeText(route) },
  );
  const ep = node.endpoints.find((e) => e.lxcName === route.dev);
  if (ep) return { to: 'cil_to_container', ep, packet: originated ? packet : routed(packet), skb };
  if (route.dev === 'cilium_host') return { to: 'cil_from_host', node, packet, skb };
  const dev = deviceOf(node, route.dev);
  const nextHop = route.via ?? packet.dst;
  const routedOut = routed(withMacs(packet, dev.mac, neighbourMac(w.dp, node, nextHop)));
  const out = iptablesMasquerade(w, node, routedOut, dnat?.masq ?? false);
  return { to: 'cil_to_netdev', node, packet: out, skb, nextHop: nodeAt(w.dp, nextHop) };
}
