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
import { type Place } from '../place.ts';
import { onDevice } from './hooks.ts';
import type { Packet } from '../trace.ts';
import { lookupLxc } from './lookup.ts';
import { netdevOf } from '../derive/lookups.ts';
import { nodeAt } from './neighbour.ts';
import type { Next } from './next.ts';
import type { SkbContext } from './types.ts';

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

interface Encapsulator {
  at: Place;
  program: string;
  source: string;
}

function encapsulate(
  w: Walk, node: NodeDatapath, by: Encapsulator, packet: Packet, skb: SkbContext, remote: Ipv4,
): Next {
  const encap = w.dp.config.tunnelProtocol;
  const dev = overlayName(w.dp.config);
  const peer = nodeAt(w.dp, remote);
  // The VNI carries the source identity; the host's own traffic is sent as remote-node (LOCAL_NODE_ID, 6).
  const vni = skb.srcIdentity === 1 ? 6 : skb.srcIdentity;
  const wrapped: Packet = {
    ...packet,
    outer: {
      encap, src: node.ip, dst: remote, proto: 'UDP', sport: outerSourcePort(packet), dport: TUNNEL_PORT[encap], vni,
      srcMac: netdevOf(node).mac, dstMac: peer ? netdevOf(peer).mac : node.gatewayMac,
    },
  };
  w.emit(
    {
      place: by.at, packet: wrapped, kind: 'tunnel-encap', program: by.program, source: by.source, maps: [],
      observation: 'to-overlay', verdict: 'FORWARDED', ctState: skb.ctState,
      srcIdentity: skb.srcIdentity, dstIdentity: skb.dstIdentity,
    },
    'tunnel.encap',
    {
      dev, dst: packet.dst, proto: encap.toUpperCase(), remote, node: peer?.name ?? remote, vni,
      port: TUNNEL_PORT[encap],
    },
  );
  return { to: 'cil_to_netdev', node, packet: wrapped, skb: { ...skb, overlay: true }, nextHop: peer };
}

export function encapFromLxc(
  w: Walk, node: NodeDatapath, at: Place, packet: Packet, skb: SkbContext, remote: Ipv4,
): Next {
  const source =
    'bpf/lib/encap.h: encap_and_redirect_lxc → __encap_with_nodeid (tunnel key from the ipcache tunnelendpoint)';
  return encapsulate(w, node, { at, program: 'cil_from_container', source }, packet, skb, remote);
}

/** Host traffic routed via cilium_host in tunnel mode: cil_from_host encapsulates it. */
export function encapFromHost(w: Walk, node: NodeDatapath, packet: Packet, skb: SkbContext): Next {
  const tunnelEndpoint = w.dp.ipcacheLookup(node.name, packet.dst)?.value.tunnelEndpoint;
  const remote = tunnelEndpoint && tunnelEndpoint !== '0.0.0.0' ? tunnelEndpoint : packet.dst;
  const at = onDevice(w, node.name, 'cilium_host', 'egress');
  const source = 'bpf/bpf_host.c: cil_from_host → handle_ipv4_cont → encap_and_redirect_with_nodeid';
  return encapsulate(w, node, { at, program: 'cil_from_host', source }, packet, skb, remote);
}

/** The outer UDP packet reached its node: the kernel decapsulates it onto the overlay device. */
export function fromOverlay(w: Walk, node: NodeDatapath, wrapped: Packet): Next {
  const { outer, ...inner } = wrapped;
  const dev = overlayName(w.dp.config);
  const srcIdentity = outer?.vni ?? 0;
  const at = onDevice(w, node.name, dev, 'ingress');
  const local = lookupLxc(node, inner.dst);
  w.emit(
    {
      place: at, packet: inner, kind: 'tunnel-decap', program: 'cil_from_overlay',
      source: 'bpf/bpf_overlay.c: cil_from_overlay → handle_ipv4 (identity from the tunnel key)',
      maps: [local.op], observation: 'from-overlay', srcIdentity,
    },
    'tunnel.decap',
    { dev, vni: srcIdentity, src: outer?.src ?? '', dst: inner.dst },
  );
  if (local.found?.kind === 'endpoint') {
    return { to: 'handle_policy', at, ep: local.found.ep, packet: inner, skb: { srcIdentity } };
  }
  // Not a local pod: bpf_overlay passes it to the stack (e.g. the node's own addresses).
  w.emit(
    {
      place: at, packet: inner, kind: 'kernel-stack', program: 'cil_from_overlay',
      source: 'bpf/bpf_overlay.c: handle_ipv4 → to the stack',
      maps: [], observation: 'to-stack', verdict: 'FORWARDED', srcIdentity,
    },
    'stack.deliver',
    { node: node.name },
  );
  return { to: 'host', node, packet: inner };
}
