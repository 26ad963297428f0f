/**
 * `ip addr` on a node and in a pod, from the derived interfaces (ifindex,
 * MAC, MTU, the lxc's `@ifN` peer and the pod's netns).
 */
import { ipv4ToU32, maskOf, u32ToIpv4, type Cidr, type Ipv4 } from '../../../scenario/values.ts';
import type { Datapath, EndpointInfo, Interface, NodeDatapath } from '../../derive/types.ts';
import { linkLocal } from '../../util/link-local.ts';
import type { Iproute2 } from './iproute2.ts';

const VALID = '       valid_lft forever preferred_lft forever';

function loopback(flavour: Iproute2): string[] {
  return [
    '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000',
    '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00',
    '    inet 127.0.0.1/8 scope host lo',
    VALID,
    `    inet6 ::1/128 scope host${flavour === 'pod' ? ' proto kernel_lo' : ''}`,
    VALID,
  ];
}

const inet6 = (mac: string, flavour: Iproute2) =>
  [`    inet6 ${linkLocal(mac)}/64 scope link${flavour === 'pod' ? ' proto kernel_ll' : ''}`, VALID];

/** The node's subnet on its device: the connected route the kernel made for its address. */
function deviceCidr(node: NodeDatapath) {
  return node.routes.find((r) => r.dev === node.device && r.scope === 'link' && r.src === node.ip)?.dst;
}

function hostInterface(dp: Datapath, node: NodeDatapath, i: Interface): string[] {
  const netkit = dp.config.datapathMode === 'netkit' && i.kind === 'lxc';
  const up = '<BROADCAST,MULTICAST,UP,LOWER_UP>';
  const noarp = '<BROADCAST,MULTICAST,NOARP,UP,LOWER_UP>';
  const tail = `mtu ${i.mtu} qdisc ${i.kind === 'netdev' ? 'mq' : 'noqueue'}`;
  const state = i.kind === 'overlay' ? 'UNKNOWN' : 'UP';
  const ep = i.endpointId === undefined ? undefined : node.endpoints.find((e) => e.id === i.endpointId);
  const out: string[] = [];
  switch (i.kind) {
    case 'cilium_net':
    case 'cilium_host': {
      const peer = i.kind === 'cilium_net' ? 'cilium_host' : 'cilium_net';
      out.push(`${i.ifindex}: ${i.name}@${peer}: ${noarp} ${tail} state UP group default qlen 1000`);
      out.push(`    link/ether ${i.mac} brd ff:ff:ff:ff:ff:ff`);
      // cilium_host carries the router IP as a /32 (pkg/datapath/linux/node.go, the CiliumInternalIP).
      if (i.ip) out.push(`    inet ${i.ip}/32 scope global ${i.name}`, VALID);
      out.push(...inet6(i.mac, 'node'));
      return out;
    }
    case 'lxc':
    case 'lxc_health': {
      const peer = ep ? `@if${ep.podIfindex}` : '';
      const where = ep?.netns ? `link-netns ${ep.netns}` : 'link-netnsid 0';
      out.push(`${i.ifindex}: ${i.name}${peer}: ${netkit ? noarp : up} ${tail} state UP group default qlen 1000`);
      // A netkit device in L3 mode has no link-layer address, hence no EUI-64 link-local either.
      if (netkit) return [...out, `    link/none  ${where}`];
      out.push(`    link/ether ${i.mac} brd ff:ff:ff:ff:ff:ff ${where}`, ...inet6(i.mac, 'node'));
      return out;
    }
    case 'netdev':
    case 'overlay': {
      out.push(`${i.ifindex}: ${i.name}: ${up} ${tail} state ${state} group default qlen 1000`);
      out.push(`    link/ether ${i.mac} brd ff:ff:ff:ff:ff:ff`);
      const cidr = i.kind === 'netdev' ? deviceCidr(node) : undefined;
      if (i.ip && cidr) {
        out.push(`    inet ${i.ip}/${cidr.bits} brd ${broadcast(cidr)} scope global ${i.name}`, VALID);
      }
      out.push(...inet6(i.mac, 'node'));
      return out;
    }
    default: {
      const never: never = i.kind;
      throw new Error(`unknown interface kind ${String(never)}`);
    }
  }
}

/** The subnet's broadcast address (`brd`), the host bits all set. */
const broadcast = (c: Cidr): Ipv4 => u32ToIpv4((ipv4ToU32(c.base) | ~maskOf(c.bits)) >>> 0);

/** `ip addr` on the node: lo, the device, cilium_net/cilium_host, the overlay device, lxc_health and each lxc. */
export function nodeIpAddr(dp: Datapath, node: NodeDatapath): string {
  const lines = loopback('node');
  const ifs = [...node.interfaces].sort((a, b) => a.ifindex - b.ifindex);
  for (const i of ifs) lines.push(...hostInterface(dp, node, i));
  return `${lines.join('\n')}\n`;
}

/** `ip addr` inside a pod (its eth0 is the lxc's peer, `eth0@ifN`); `node` flavour for `ip netns exec` on the host. */
export function podIpAddr(dp: Datapath, ep: EndpointInfo, flavour: Iproute2): string {
  const netkit = dp.config.datapathMode === 'netkit';
  const lines = loopback(flavour);
  const flags = netkit ? '<BROADCAST,MULTICAST,NOARP,UP,LOWER_UP>' : '<BROADCAST,MULTICAST,UP,LOWER_UP>';
  const mtu = dp.node(ep.node)?.interfaces.find((i) => i.name === ep.lxcName)?.mtu ?? 1500;
  lines.push(`${ep.podIfindex}: eth0@if${ep.ifindex}: ${flags} mtu ${mtu} qdisc noqueue state UP group default qlen 1000`);
  lines.push(netkit ? '    link/none  link-netnsid 0' : `    link/ether ${ep.mac} brd ff:ff:ff:ff:ff:ff link-netnsid 0`);
  // The CNI plugin gives the pod its IP as a /32 and routes everything via the router IP.
  lines.push(`    inet ${ep.ip}/32 scope global eth0`, VALID);
  if (!netkit) lines.push(...inet6(ep.mac, flavour));
  return `${lines.join('\n')}\n`;
}
