/**
 * Tunnel mode (routing-mode: tunnel): bpf_lxc hands packets for remote pods
 * to the overlay device with a tunnel key (remote node IP, VNI = source
 * identity); the kernel's VXLAN/Geneve device wraps them in UDP; on the other
 * node cil_from_overlay takes the identity from the VNI and delivers locally.
 */
import type { Ipv4 } from '../../scenario/values.ts';
import { hash53 } from '../util/hash.ts';
import type { NodeDatapath } from '../derive/types.ts';
import { overlayName } from '../derive/nodes.ts';
import type { Walk } from '../flow/walk.ts';
import type { Packet } from '../trace.ts';
import { localDelivery } from './deliver.ts';
import { nodeAt, type HopPlace } from './forward.ts';
import { lookupLxc } from './lookup.ts';
import { toNetdev } from './netdev-egress.ts';
import { onTheWire } from './wire.ts';
import type { Arrival, SkbContext } from './types.ts';

/** IANA VXLAN is 4789; Cilium's default tunnel port for VXLAN is 8472 (the Linux default), Geneve 6081. */
export const TUNNEL_PORT = { vxlan: 8472, geneve: 6081 } as const;

/**
 * The kernel's VXLAN/Geneve driver picks the outer UDP source port from a hash of the inner flow
 * (udp_flow_src_port, within the local port range) so one flow keeps one port and flows spread
 * across paths.
 */
export function outerSourcePort(inner: Packet): number {
  const flow = `${inner.proto} ${inner.src}:${inner.sport ?? inner.icmpId ?? 0} ${inner.dst}:${inner.dport ?? 0}`;
  return 32768 + (hash53(flow) % (60999 - 32768 + 1));
}

function encapsulate(w: Walk, node: NodeDatapath, at: HopPlace, program: string, source: string, packet: Packet, skb: SkbContext, remote: Ipv4): Arrival {
  const proto = w.dp.config.tunnelProtocol;
  const dev = overlayName(w.dp.config);
  const peer = nodeAt(w, remote);
  const netdev = node.interfaces.find((i) => i.kind === 'netdev')!;
  const inner: Packet = { ...packet };
  // The VNI carries the source identity; the host's own traffic is sent as remote-node (LOCAL_NODE_ID, 6).
  const vni = skb.srcIdentity === 1 ? 6 : skb.srcIdentity;
  const wrapped: Packet = {
    ...inner,
    outer: { src: node.ip, dst: remote, proto: 'UDP', sport: outerSourcePort(inner), dport: TUNNEL_PORT[proto], vni, srcMac: netdev.mac, dstMac: peer?.interfaces.find((i) => i.kind === 'netdev')!.mac ?? node.gatewayMac },
  };
  w.emit(
    { node: at.node, iface: at.iface, hook: at.hook, packet: wrapped, kind: 'tunnel-encap', program, source, maps: [], observation: 'to-overlay', verdict: 'FORWARDED', ctState: skb.ctState, srcIdentity: skb.srcIdentity, dstIdentity: skb.dstIdentity },
    'tunnel.encap',
    { dev, dst: packet.dst, proto: proto.toUpperCase(), remote, node: peer?.name ?? remote, vni, port: TUNNEL_PORT[proto] },
  );
  const leaving = toNetdev(w, node, wrapped, { ...skb, overlay: true });
  return onTheWire(w, node, leaving.packet, peer);
}

export function encapFromLxc(w: Walk, node: NodeDatapath, at: HopPlace, packet: Packet, skb: SkbContext, remote: Ipv4): Arrival {
  return encapsulate(w, node, at, 'cil_from_container', 'bpf/lib/encap.h: encap_and_redirect_lxc → __encap_with_nodeid (tunnel key from the ipcache tunnelendpoint)', packet, skb, remote);
}

/** Host traffic routed via cilium_host in tunnel mode: cil_from_host encapsulates it. */
export function encapFromHost(w: Walk, node: NodeDatapath, packet: Packet, skb: SkbContext): Arrival {
  const info = w.dp.ipcacheLookup(node.name, packet.dst);
  const remote = info?.value.tunnelEndpoint;
  const at = { node: node.name, iface: 'cilium_host', hook: 'tc-egress' };
  return encapsulate(w, node, at, 'cil_from_host', 'bpf/bpf_host.c: cil_from_host → handle_ipv4_cont → encap_and_redirect_with_nodeid', packet, skb, (remote && remote !== '0.0.0.0' ? remote : packet.dst) as Ipv4);
}

/** The outer UDP packet reached its node: the kernel decapsulates it onto the overlay device. */
export function fromOverlay(w: Walk, node: NodeDatapath, wrapped: Packet): Arrival {
  const { outer, ...inner } = wrapped;
  const dev = overlayName(w.dp.config);
  const srcIdentity = outer?.vni ?? 0;
  const at = { node: node.name, iface: dev, hook: 'tc-ingress' };
  const local = lookupLxc(node, inner.dst);
  w.emit(
    { node: at.node, iface: at.iface, hook: at.hook, packet: inner, kind: 'tunnel-decap', program: 'cil_from_overlay', source: 'bpf/bpf_overlay.c: cil_from_overlay → handle_ipv4 (identity from the tunnel key)', maps: [local.op], observation: 'from-overlay', srcIdentity },
    'tunnel.decap',
    { dev, vni: srcIdentity, src: outer?.src ?? '', dst: inner.dst },
  );
  if (local.found?.kind === 'endpoint') return localDelivery(w, at, local.found.ep, inner, { srcIdentity });
  // Not a local pod: bpf_overlay passes it to the stack (e.g. the node's own addresses).
  w.emit(
    { node: at.node, iface: at.iface, hook: at.hook, packet: inner, kind: 'kernel-stack', program: 'cil_from_overlay', source: 'bpf/bpf_overlay.c: handle_ipv4 → to the stack', maps: [], observation: 'to-stack', verdict: 'FORWARDED', srcIdentity },
    'stack.deliver',
    { node: node.name, dst: inner.dst },
  );
  return { at: 'host', node, packet: inner };
}
