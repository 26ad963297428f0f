/**
 * The kernel's own forwarding, for packets eBPF handed to the stack (legacy
 * host routing, packets for no local endpoint) and for the node's own
 * traffic: a route lookup, then whichever device the route names, each with
 * the program Cilium attached to it.
 */
import { cidrContains } from '../../scenario/values.ts';
import { lookupRoute, routeKey, routeText } from '../derive/route-table.ts';
import type { NodeDatapath } from '../derive/types.ts';
import type { Walk } from '../flow/walk.ts';
import type { Packet } from '../trace.ts';
import { localDelivery } from './deliver.ts';
import { neighbourMac, nodeAt } from './forward.ts';
import { toNetdev } from './netdev-egress.ts';
import { routed, withMacs } from './packet.ts';
import { encapFromHost } from './overlay.ts';
import { conntrackReverse, iptablesMasquerade, kubeProxyDnat } from './iptables.ts';
import { DROP, type Arrival, type SkbContext } from './types.ts';
import { onTheWire } from './wire.ts';

export function kernelRoute(w: Walk, node: NodeDatapath, arriving: Packet, skb: SkbContext, originated: boolean): Arrival {
  const at = { node: node.name, iface: 'host', hook: 'netns' };
  // netfilter first: conntrack undoes earlier NAT (PREROUTING), kube-proxy DNATs services.
  let packet = originated ? arriving : conntrackReverse(w, node, arriving);
  const dnat = kubeProxyDnat(w, node, packet, originated ? 'OUTPUT' : 'PREROUTING');
  if (dnat) packet = dnat.packet;
  if (packet.dst === node.ip || packet.dst === node.ciliumHostIp) {
    // The kernel's local table: the packet is for this node itself.
    w.emit(
      { node: at.node, iface: at.iface, hook: at.hook, packet, kind: 'kernel-stack', program: 'kernel', source: 'kernel: ip_route_input → ip_local_deliver (local table)', maps: [], verdict: 'FORWARDED', srcIdentity: skb.srcIdentity, dstIdentity: 1 },
      'stack.local',
      { node: node.name, dst: packet.dst },
    );
    return { at: 'host', node, packet };
  }
  const route = lookupRoute(node.routes, packet.dst);
  if (!route) {
    w.emit({ node: at.node, iface: at.iface, hook: at.hook, packet, kind: 'drop', program: 'kernel', source: 'kernel: ip_route_output / ip_route_input', maps: [], verdict: 'DROPPED', drop: DROP.FIB_LOOKUP_FAILED }, 'drop.fib', { dst: packet.dst });
    return { at: 'dropped', packet, reason: DROP.FIB_LOOKUP_FAILED.reason };
  }
  w.emit(
    {
      node: at.node, iface: at.iface, hook: at.hook, packet, kind: 'kernel-stack', program: 'kernel', source: originated ? 'kernel: ip_route_output → ip_finish_output' : 'kernel: ip_route_input → ip_forward',
      maps: [{ node: node.name, map: 'fib', op: 'lookup', key: routeKey(route), value: routeText(route), hit: true, note: `route lookup for ${packet.dst}: ${route.origin}` }],
      srcIdentity: skb.srcIdentity,
    },
    originated ? 'stack.send' : 'stack.forward',
    { node: node.name, dst: packet.dst, route: routeText(route) },
  );
  const ep = node.endpoints.find((e) => e.lxcName === route.dev);
  if (ep) return localDelivery(w, at, ep, originated ? packet : routed(packet), skb, 'stack');
  if (route.dev === 'cilium_host') return viaCiliumHost(w, node, packet, skb);
  const dev = node.interfaces.find((i) => i.name === route.dev)!;
  const nextHop = route.via ?? packet.dst;
  const routedOut = routed(withMacs(packet, dev.mac, neighbourMac(w, node, nextHop)));
  const out = iptablesMasquerade(w, node, routedOut, dnat?.masq ?? false);
  const leaving = toNetdev(w, node, out, skb);
  return onTheWire(w, node, leaving.packet, nodeAt(w, nextHop));
}

/**
 * A packet routed to cilium_host meets cil_from_host (bpf_host.c, cilium_host egress): in tunnel mode it
 * is encapsulated to the remote node; an address in the node's own pod CIDR with no endpoint is dropped
 * by handle_ipv4_cont (from_host) as unroutable.
 */
export function viaCiliumHost(w: Walk, node: NodeDatapath, packet: Packet, skb: SkbContext): Arrival {
  if (node.podCIDRs.some((c) => cidrContains(c, packet.dst))) {
    w.emit(
      { node: node.name, iface: 'cilium_host', hook: 'tc-egress', program: 'cil_from_host', packet, kind: 'drop', source: 'bpf/bpf_host.c: cil_from_host → handle_ipv4_cont (no endpoint, world identity)', maps: [], verdict: 'DROPPED', drop: DROP.UNROUTABLE, srcIdentity: skb.srcIdentity },
      'drop.unroutable',
      { dst: packet.dst, node: node.name },
    );
    return { at: 'dropped', packet, reason: DROP.UNROUTABLE.reason };
  }
  return encapFromHost(w, node, packet, skb);
}
