/**
 * bpf_lxc.c on the host side of a pod's veth, tc ingress: cil_from_container.
 * Everything a pod sends meets this program first.
 */
import type { EndpointInfo } from '../derive/types.ts';
import type { HopDraft, Walk } from '../flow/walk.ts';
import { neighKey, neighValue } from '../maps/format.ts';
import type { Packet } from '../trace.ts';
import { localDelivery } from './deliver.ts';
import { toHostStack } from './host.ts';
import { lookupIpcache, lookupLxc } from './lookup.ts';
import { decide, verdictMessage, verdictOf } from './policy.ts';
import { forward } from './forward.ts';
import { encapFromLxc } from './overlay.ts';
import { frontendOf, lb4Local, lb4RevNat } from './lb.ts';
import { DROP, type Arrival } from './types.ts';

/**
 * The pod ARPs for its gateway (the cilium_host IP). tail_handle_arp answers
 * from the lxc itself with the lxc's own MAC (arp_respond) and redirects the
 * reply back into the pod: no ARP ever reaches cilium_host.
 */
export function arpForGateway(w: Walk, ep: EndpointInfo, packetId: number): void {
  const node = w.dp.node(ep.node)!;
  const gw = node.ciliumHostIp;
  const request: Packet = {
    id: packetId, direction: 'request', src: ep.ip, dst: gw, proto: 'ARP', srcMac: ep.mac, dstMac: 'ff:ff:ff:ff:ff:ff',
    arp: { op: 'request', targetIp: gw, senderIp: ep.ip },
  };
  w.emit(
    { packet: request, kind: 'send', node: node.name, iface: 'eth0', pod: ep.key, hook: 'netns', program: 'kernel (pod netns)', source: 'kernel: neigh_resolve_output (ARP for the default gateway)', maps: [] },
    'send.arp',
    { pod: ep.key, gw },
  );
  const reply: Packet = {
    ...request, direction: 'reply', src: gw, dst: ep.ip, srcMac: ep.nodeMac, dstMac: ep.mac,
    arp: { op: 'reply', targetIp: ep.ip, senderIp: gw },
  };
  w.emit(
    {
      packet: reply, kind: 'arp-proxy', node: node.name, iface: ep.lxcName, hook: 'tc-ingress', program: 'cil_from_container',
      source: 'bpf/bpf_lxc.c: tail_handle_arp → arp_respond (bpf/lib/arp.h)', verdict: 'FORWARDED',
      maps: [{ node: node.name, map: 'neigh', op: 'update', key: neighKey(gw, `eth0 (${ep.name})`), value: neighValue(ep.nodeMac), hit: false, note: "the pod's ARP table" }],
    },
    'arp.proxy',
    { pod: ep.key, gw, lxc: ep.lxcName, mac: ep.nodeMac },
  );
}

/** A packet a pod sent, from its eth0 through cil_from_container to wherever it goes. */
export function fromContainer(w: Walk, ep: EndpointInfo, sent: Packet): Arrival {
  const node = w.dp.node(ep.node)!;
  let packet: Packet = { ...sent, srcMac: ep.mac, dstMac: ep.nodeMac };
  w.emit(
    { packet, kind: 'send', node: node.name, iface: 'eth0', pod: ep.key, hook: 'netns', program: 'kernel (pod netns)', source: 'kernel: ip_output via default route to the cilium_host IP', maps: [] },
    'send.pod',
    { pod: ep.key, gw: node.ciliumHostIp, mac: ep.nodeMac },
  );
  const at = { node: node.name, iface: ep.lxcName, hook: 'tc-ingress' };
  w.emit(
    { node: at.node, iface: at.iface, hook: at.hook, packet, kind: 'lxc-ingress', program: 'cil_from_container', source: 'bpf/bpf_lxc.c: cil_from_container → tail_handle_ipv4', maps: [], observation: 'from-endpoint', srcIdentity: ep.identity },
    'lxc.ingress',
    { pod: ep.key, lxc: ep.lxcName },
  );
  if (packet.src !== ep.ip) {
    w.emit({ node: at.node, iface: at.iface, hook: at.hook, packet, kind: 'drop', program: 'cil_from_container', source: 'bpf/bpf_lxc.c: __tail_handle_ipv4 (source IP check)', maps: [], verdict: 'DROPPED', drop: DROP.INVALID_SIP }, 'drop.invalid_sip', { ip: packet.src });
    return { at: 'dropped', packet, reason: DROP.INVALID_SIP.reason };
  }
  let revNat = 0;
  const frontend = frontendOf(w, node.name, packet);
  if (frontend) ({ packet, revNat } = lb4Local(w, at, ep, frontend, packet));
  const ct = w.ct.lookup(node.name, packet, 'egress');
  w.emit(
    { node: at.node, iface: at.iface, hook: at.hook, packet, kind: 'conntrack', program: 'cil_from_container', source: 'bpf/bpf_lxc.c: tail_ipv4_ct_egress (ct_lookup4, CT_EGRESS)', maps: ct.ops, ctState: ct.state, srcIdentity: ep.identity },
    `ct.egress.${ct.state}`,
    { pod: ep.key },
  );
  let nodeportReply = false;
  if (ct.state === 'reply' && ct.revNat) {
    // A reply of a NodePort connection to a local backend: undo the DNAT before routing it out.
    packet = lb4RevNat(w, at, ct.revNat, packet, 'cil_from_container');
    nodeportReply = true;
  }
  const ic = lookupIpcache(w.dp, node.name, packet.dst, 'destination identity');
  const dstIdentity = ic.value.identity;
  w.emit(
    { node: at.node, iface: at.iface, hook: at.hook, packet, kind: 'ipcache-lookup', program: 'cil_from_container', source: 'bpf/bpf_lxc.c: handle_ipv4_from_lxc (lookup_ip4_remote_endpoint)', maps: [ic.op], srcIdentity: ep.identity, dstIdentity },
    ic.value.tunnelEndpoint === '0.0.0.0' ? 'ipcache.local' : w.dp.config.routingMode === 'tunnel' ? 'ipcache.remote.tunnel' : 'ipcache.remote',
    { dst: packet.dst, prefix: ic.op.key, identity: dstIdentity, node: ic.value.tunnelEndpoint },
  );
  if (ct.state !== 'reply') {
    const d = decide(w.dp, node.name, ep, 'egress', dstIdentity, packet);
    const ops = [...d.ops, ...(ct.state === 'new' && d.allowed ? w.ct.create(node.name, packet, 'egress', ep.identity, { revNat }) : [])];
    const hop: HopDraft = { node: at.node, iface: at.iface, hook: at.hook, packet, kind: 'policy', program: 'cil_from_container', source: 'bpf/bpf_lxc.c: handle_ipv4_from_lxc (policy_can_egress4)', maps: ops, verdict: d.allowed ? 'FORWARDED' : 'DROPPED', ctState: ct.state, srcIdentity: ep.identity, dstIdentity, policyVerdict: verdictOf(d, 'egress') };
    // Added after the literal rather than spread into it (the slow path of a spread literal); same key order.
    if (!d.allowed) hop.drop = d.drop ?? DROP.POLICY;
    w.emit(
      hop,
      verdictMessage(d, 'egress', ct.state),
      { pod: ep.key, identity: d.remoteIdentity, rule: d.rule, policy: d.policy ?? '' },
    );
    if (!d.allowed) return { at: 'dropped', packet, reason: (d.drop ?? DROP.POLICY).reason };
  }
  const skb = { srcIdentity: ep.identity, dstIdentity, ctState: ct.state, fromEndpoint: ep, nodeport: nodeportReply };
  const tunnelTo = w.dp.config.routingMode === 'tunnel' && ic.value.tunnelEndpoint !== '0.0.0.0' ? ic.value.tunnelEndpoint : undefined;
  if (w.dp.hostRouting.mode === 'Legacy') {
    // Without BPF host routing (and with endpoint routes, so no ENABLE_ROUTING) bpf_lxc does no endpoint
    // lookup of its own. The tunnel block does not depend on host routing: a remote pod is still
    // encapsulated here; anything else is marked with its identity and handed to the kernel (to-stack).
    if (tunnelTo) return encapFromLxc(w, node, at, packet, skb, tunnelTo);
    return toHostStack(w, node, at, packet, skb, 'forward', 'stack.legacy.lxc');
  }
  const local = lookupLxc(node, packet.dst);
  w.emit(
    { node: at.node, iface: at.iface, hook: at.hook, packet, kind: 'endpoint-lookup', program: 'cil_from_container', source: 'bpf/bpf_lxc.c: handle_ipv4_from_lxc (lookup_ip4_endpoint)', maps: [local.op], srcIdentity: ep.identity, dstIdentity },
    local.found?.kind === 'endpoint' ? 'endpoint.local' : local.found?.kind === 'host' ? 'endpoint.host' : 'endpoint.miss',
    { dst: packet.dst, pod: local.found?.kind === 'endpoint' ? local.found.ep.key : '', node: node.name },
  );
  if (local.found?.kind === 'endpoint') return localDelivery(w, at, local.found.ep, packet, skb);
  if (local.found?.kind === 'host') return toHostStack(w, node, at, packet, skb);
  if (tunnelTo) return encapFromLxc(w, node, at, packet, skb, tunnelTo);
  return forward(w, node, at, packet, skb);
}
