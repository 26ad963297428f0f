/**
 * A node's interfaces and kernel routes, as the agent sets them up for the
 * configured routing mode (reference §0 "Routes", §2 autoDirectNodeRoutes).
 */
import type { CiliumConfig, NodeModel } from '../../scenario/model.ts';
import { asIfIndex, type Cidr, type Ipv4, type Mac } from '../../scenario/values.ts';
import { message } from '../messages.ts';
import { macOf } from '../util/hash.ts';
import { IFINDEX } from './endpoints.ts';
import type { EndpointInfo, Interface, Route } from './types.ts';

/**
 * MTU of the netdev: cilium-config `mtu` when set; else what the agent would detect from the device,
 * given as the node annotation flowlab.cilium.io/device-mtu (the lab's ENA devices: 9001); else
 * Ethernet's 1500.
 * Tunnel mode costs 50 bytes (pkg/mtu: TunnelOverhead).
 */
export const DEFAULT_MTU = 1500;
export const TUNNEL_OVERHEAD = 50;
export const deviceMtu = (c: CiliumConfig, n: NodeModel) => c.mtu || n.deviceMtu || DEFAULT_MTU;

export const overlayName = (c: CiliumConfig) => (c.tunnelProtocol === 'geneve' ? 'cilium_geneve' : 'cilium_vxlan');
export const isTunnel = (c: CiliumConfig) => c.routingMode === 'tunnel';

export function nodeInterfaces(node: NodeModel, hostIp: Ipv4, endpoints: EndpointInfo[], config: CiliumConfig): Interface[] {
  const mtu = deviceMtu(config, node);
  const podMtu = isTunnel(config) ? mtu - TUNNEL_OVERHEAD : mtu;
  // A MAC the scenario states (annotations flowlab.cilium.io/device-mac and /macs) wins over the hashed one.
  const mac = (name: string): Mac => node.macs[name] ?? (macOf(`${name}/${node.name}`) as Mac);
  const ifs: Interface[] = [
    { name: node.device, ifindex: asIfIndex(IFINDEX.netdev), mac: node.deviceMac ?? mac(node.device), kind: 'netdev', ip: node.internalIP, mtu },
    { name: 'cilium_net', ifindex: asIfIndex(IFINDEX.ciliumNet), mac: mac('cilium_net'), kind: 'cilium_net', mtu },
    { name: 'cilium_host', ifindex: asIfIndex(IFINDEX.ciliumHost), mac: mac('cilium_host'), kind: 'cilium_host', ip: hostIp, mtu },
  ];
  if (isTunnel(config)) {
    ifs.push({ name: overlayName(config), ifindex: asIfIndex(IFINDEX.overlay), mac: macOf(`overlay/${node.name}`) as Mac, kind: 'overlay', mtu: podMtu });
  }
  for (const ep of endpoints) {
    ifs.push({ name: ep.lxcName, ifindex: ep.ifindex, mac: ep.nodeMac, kind: ep.isHealth ? 'lxc_health' : 'lxc', endpointId: ep.id, mtu: podMtu });
  }
  return ifs;
}

/** The node's subnet on its device (annotation, or the /24 around its IP: src/scenario/node-device.ts). */
export const deviceSubnet = (node: NodeModel): Cidr => node.deviceSubnet;

/** The default gateway of the device (annotation, or the subnet's first host). */
export const gatewayOf = (node: NodeModel): Ipv4 => node.gateway;

export function nodeRoutes(
  node: NodeModel,
  others: { node: NodeModel; hostIp: Ipv4 }[],
  hostIp: Ipv4,
  endpoints: EndpointInfo[],
  config: CiliumConfig,
): Route[] {
  const dev = node.device;
  const routes: Route[] = [
    { via: gatewayOf(node), dev, proto: 'static', origin: 'default route of the node', originWords: message('route.origin.default') },
    { dst: deviceSubnet(node), dev, proto: 'kernel', scope: 'link', src: node.internalIP, origin: 'the node subnet on its device', originWords: message('route.origin.subnet') },
  ];
  for (const o of others) {
    for (const cidr of o.node.podCIDRs) {
      if (isTunnel(config)) {
        routes.push({ dst: cidr, via: hostIp, dev: 'cilium_host', proto: 'kernel', mtu: deviceMtu(config, node) - TUNNEL_OVERHEAD, src: hostIp, origin: `tunnel mode: ${o.node.name}'s pod CIDR through cilium_host`, originWords: message('route.origin.tunnel', { node: o.node.name }) });
      } else if (config.autoDirectNodeRoutes) {
        routes.push({ dst: cidr, via: o.node.internalIP, dev, proto: 'kernel', origin: `auto-direct-node-routes: ${o.node.name}'s pod CIDR via its node IP`, originWords: message('route.origin.direct', { node: o.node.name }) });
      }
    }
  }
  if (config.enableEndpointRoutes) {
    for (const ep of endpoints) {
      routes.push({ dst: { base: ep.ip, bits: 32 }, dev: ep.lxcName, proto: 'kernel', scope: 'link', origin: `endpoint route to ${ep.key}`, originWords: message('route.origin.endpoint', { pod: ep.key }) });
    }
  } else {
    for (const cidr of node.podCIDRs) {
      routes.push({ dst: cidr, via: hostIp, dev: 'cilium_host', proto: 'kernel', src: hostIp, origin: 'local pod CIDR through cilium_host', originWords: message('route.origin.local') });
    }
  }
  return routes;
}
