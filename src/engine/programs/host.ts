/**
 * The node's own network stack: packets handed to it by eBPF (TRACE_TO_STACK)
 * and packets the node itself sends. Host traffic to a local pod follows the
 * endpoint route to the pod's lxc, where cil_to_container enforces the pod's
 * ingress policy; to anything else it leaves by the device.
 */
import { lookupRoute, routeKey, routeText } from '../derive/route-table.ts';
import type { NodeDatapath } from '../derive/types.ts';
import type { Walk } from '../flow/walk.ts';
import type { Packet } from '../trace.ts';
import { localDelivery } from './deliver.ts';
import { neighbourMac, nodeAt, type HopPlace } from './forward.ts';
import { RESERVED } from '../derive/identities.ts';
import { toNetdev } from './netdev-egress.ts';
import { routed, withMacs } from './packet.ts';
import { DROP, type Arrival, type SkbContext } from './types.ts';
import { onTheWire } from './wire.ts';

export function toHostStack(w: Walk, node: NodeDatapath, at: HopPlace, packet: Packet, skb: SkbContext): Arrival {
  w.emit(
    { ...at, packet, kind: 'kernel-stack', program: at.iface === node.device ? 'cil_from_netdev' : 'cil_from_container', source: 'bpf/lib/trace.h: send_trace_notify(TRACE_TO_STACK), return CTX_ACT_OK', maps: [], observation: 'to-stack', verdict: 'FORWARDED', srcIdentity: skb.srcIdentity, dstIdentity: RESERVED.host, ctState: skb.ctState },
    'stack.deliver',
    { node: node.name, dst: packet.dst },
  );
  return { at: 'host', node, packet };
}

export function fromHost(w: Walk, node: NodeDatapath, packet: Packet): Arrival {
  const route = lookupRoute(node.routes, packet.dst);
  const at = { node: node.name, iface: 'host', hook: 'netns' };
  if (!route) {
    w.emit({ ...at, packet, kind: 'drop', program: 'kernel', source: 'kernel: ip_route_output', maps: [], verdict: 'DROPPED', drop: DROP.FIB_LOOKUP_FAILED }, 'drop.fib', { dst: packet.dst });
    return { at: 'dropped', packet, reason: DROP.FIB_LOOKUP_FAILED.reason };
  }
  w.emit(
    { ...at, packet, kind: 'kernel-stack', program: 'kernel', source: 'kernel: ip_route_output → ip_finish_output', maps: [{ node: node.name, map: 'fib', op: 'lookup', key: routeKey(route), value: routeText(route), hit: true, note: `route lookup for ${packet.dst}: ${route.origin}` }], srcIdentity: RESERVED.host },
    'stack.send',
    { node: node.name, dst: packet.dst, route: routeText(route) },
  );
  const ep = node.endpoints.find((e) => e.lxcName === route.dev);
  const skb: SkbContext = { srcIdentity: RESERVED.host };
  if (ep) return localDelivery(w, { node: node.name, iface: ep.lxcName, hook: 'tc-egress' }, ep, packet, skb);
  const dev = node.interfaces.find((i) => i.name === route.dev)!;
  const nextHop = route.via ?? packet.dst;
  const out = routed(withMacs(packet, dev.mac, neighbourMac(w, node, nextHop)));
  const leaving = toNetdev(w, node, out, skb);
  return onTheWire(w, node, leaving.packet, nodeAt(w, nextHop));
}
