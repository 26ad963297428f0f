/**
 * `ip route` on a node (the derived kernel routes: autoDirectNodeRoutes,
 * endpoint routes, the tunnel's routes via cilium_host) and in a pod (the
 * CNI plugin's default route via the router IP, and the router as on-link).
 */
import { ipv4ToU32 } from '../../../scenario/values.ts';
import type { Datapath, EndpointInfo, NodeDatapath, Route } from '../../derive/types.ts';
import { routeDst } from './iproute2.ts';

function routeLine(r: Route): string {
  const parts = [r.dst ? routeDst(r.dst) : 'default'];
  if (r.via) parts.push(`via ${r.via}`);
  parts.push(`dev ${r.dev}`);
  if (r.proto) parts.push(`proto ${r.proto}`);
  if (r.scope) parts.push(`scope ${r.scope}`);
  if (r.src) parts.push(`src ${r.src}`);
  if (r.mtu !== undefined) parts.push(`mtu ${r.mtu}`);
  return parts.join(' ');
}

/** The main table in the kernel's dump order: default first, then by destination, shorter prefixes first. */
function byDestination(a: Route, b: Route): number {
  if (!a.dst || !b.dst) return a.dst ? 1 : b.dst ? -1 : 0;
  return ipv4ToU32(a.dst.base) - ipv4ToU32(b.dst.base) || a.dst.bits - b.dst.bits;
}

export function nodeIpRoute(node: NodeDatapath): string {
  return [...node.routes].sort(byDestination).map((r) => `${routeLine(r)}\n`).join('');
}

/**
 * plugins/cilium-cni: the pod's routes are `default via <router> dev eth0 mtu <route MTU>` and the
 * router IP on-link (the pod has a /32, so the gateway needs its own route).
 */
export function podIpRoute(dp: Datapath, ep: EndpointInfo): string {
  const node = dp.node(ep.node);
  if (!node) return '';
  const mtu = node.interfaces.find((i) => i.name === ep.lxcName)?.mtu;
  const router = node.ciliumHostIp;
  return `default via ${router} dev eth0${mtu === undefined ? '' : ` mtu ${mtu}`}\n${router} dev eth0 scope link\n`;
}
