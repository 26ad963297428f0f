/**
 * bpf_lxc.c on the host side of a pod's veth, tc ingress: cil_from_container.
 * Everything a pod sends meets this program first.
 */
import type { EndpointInfo } from '../derive/types.ts';
import type { HopDraft, Walk } from '../flow/walk.ts';
import { neighKey, neighValue } from '../maps/format.ts';
import { hookOf, podAt } from '../place.ts';
import { isL3Endpoint, onEndpoint } from './hooks.ts';
import type { Packet } from '../trace.ts';
import { DROP } from './drop.ts';
import { dstText } from './packet.ts';
import { forward } from './forward.ts';
import { toHostStack } from './host.ts';
import { frontendOf, lb4Local, lb4RevNat } from './lb.ts';
import { endpointLookup } from './endpoint-lookup.ts';
import { lookupIpcache } from './lookup.ts';
import { nodeOf } from '../derive/lookups.ts';
import type { Next } from './next.ts';
import { encapFromLxc } from './overlay.ts';
import { decide, verdictMessage, verdictOf } from './policy.ts';
import type { RoutingProgram, SkbContext } from './types.ts';
import { message } from '../messages.ts';

const PROGRAM = 'cil_from_container' satisfies RoutingProgram;

/**
 * The pod ARPs for its gateway (the cilium_host IP). tail_handle_arp answers
 * from the lxc itself with the lxc's own MAC (arp_respond) and redirects the
 * reply back into the pod: no ARP ever reaches cilium_host.
 */
export function arpForGateway(w: Walk, ep: EndpointInfo, packetId: number): void {
  // A netkit device in L3 mode has no link layer (IFF_NOARP, no MAC): the pod never ARPs.
  if (isL3Endpoint(w)) return;
  const node = nodeOf(w.dp, ep.node);
  const gw = node.ciliumHostIp;
  const request: Packet = {
    id: packetId, direction: 'request', src: ep.ip, dst: gw, proto: 'ARP', srcMac: ep.mac, dstMac: 'ff:ff:ff:ff:ff:ff',
    arp: { op: 'request', targetIp: gw, senderIp: ep.ip },
  };
  w.emit(
    {
      place: podAt(node.name, ep.key), packet: request, kind: 'send', program: 'kernel (pod netns)',
      source: 'kernel: neigh_resolve_output (ARP for the default gateway)', maps: [],
    },
    'send.arp',
    { pod: ep.key, gw },
  );
  const reply: Packet = {
    ...request, direction: 'reply', src: gw, dst: ep.ip, srcMac: ep.nodeMac, dstMac: ep.mac,
    arp: { op: 'reply', targetIp: ep.ip, senderIp: gw },
  };
  const neigh = {
    node: node.name, map: 'neigh', op: 'update', key: neighKey(gw, `eth0 (${ep.name})`), value: neighValue(ep.nodeMac),
    hit: false, note: "the pod's ARP table", noteWords: message('note.arp_table'),
  } as const;
  w.emit(
    {
      place: onEndpoint(w, node.name, ep.lxcName, 'ingress'), packet: reply, kind: 'arp-proxy', program: PROGRAM,
      source: 'bpf/bpf_lxc.c: tail_handle_arp → arp_respond (bpf/lib/arp.h)', verdict: 'FORWARDED', maps: [neigh],
    },
    'arp.proxy',
    { pod: ep.key, gw, lxc: ep.lxcName, mac: ep.nodeMac },
  );
}

/** A packet a pod sent, from its eth0 through cil_from_container to wherever it goes. */
export function fromContainer(w: Walk, ep: EndpointInfo, sent: Packet): Next {
  const node = nodeOf(w.dp, ep.node);
  let packet: Packet = isL3Endpoint(w) ? sent : { ...sent, srcMac: ep.mac, dstMac: ep.nodeMac };
  const srcIdentity = ep.identity;
  w.emit(
    {
      place: podAt(node.name, ep.key), packet, kind: 'send', program: 'kernel (pod netns)',
      source: 'kernel: ip_output via default route to the cilium_host IP', maps: [],
    },
    'send.pod',
    { pod: ep.key, gw: node.ciliumHostIp, mac: ep.nodeMac },
  );
  const at = onEndpoint(w, node.name, ep.lxcName, 'ingress');
  w.emit(
    {
      place: at, packet, kind: 'lxc-ingress', program: PROGRAM,
      source: 'bpf/bpf_lxc.c: cil_from_container → tail_handle_ipv4',
      maps: [], observation: 'from-endpoint', srcIdentity,
    },
    'lxc.ingress',
    { pod: ep.key, lxc: ep.lxcName, link: w.dp.config.datapathMode, hook: hookOf(at) },
  );
  if (packet.src !== ep.ip) {
    w.emit(
      {
        place: at, packet, kind: 'drop', program: PROGRAM,
        source: 'bpf/bpf_lxc.c: __tail_handle_ipv4 (source IP check)',
        maps: [], verdict: 'DROPPED', drop: DROP.INVALID_SIP,
      },
      'drop.invalid_sip',
      { ip: packet.src },
    );
    return { to: 'dropped', packet, drop: DROP.INVALID_SIP };
  }
  let revNat = 0;
  const frontend = frontendOf(w, node.name, packet);
  if (frontend && frontend.backendIds.length === 0) {
    // lb4_local finds no backend slot to pick (the master entry's count is 0): DROP_NO_SERVICE.
    w.emit(
      {
        place: at, packet, kind: 'drop', program: PROGRAM, source: 'bpf/lib/lb.h: lb4_local (no backend)',
        maps: [], verdict: 'DROPPED', drop: DROP.NO_SERVICE, srcIdentity,
      },
      'drop.no_backend',
      { frontend: dstText(packet) },
    );
    return { to: 'dropped', packet, drop: DROP.NO_SERVICE };
  }
  if (frontend) ({ packet, revNat } = lb4Local(w, at, ep, frontend, packet));
  const ct = w.ct.lookup(node.name, packet, 'egress');
  w.emit(
    {
      place: at, packet, kind: 'conntrack', program: PROGRAM,
      source: 'bpf/bpf_lxc.c: tail_ipv4_ct_egress (ct_lookup4, CT_EGRESS)',
      maps: ct.ops, ctState: ct.state, srcIdentity,
    },
    `ct.egress.${ct.state}`,
    { pod: ep.key },
  );
  let nodeportReply = false;
  if (ct.state === 'reply' && ct.revNat) {
    // A reply of a NodePort connection to a local backend: undo the DNAT before routing it out.
    packet = lb4RevNat(w, at, ct.revNat, packet, PROGRAM);
    nodeportReply = true;
  }
  const ic = lookupIpcache(w.dp, node.name, packet.dst, 'destination identity', message('note.ipcache.dst'));
  const dstIdentity = ic.value.identity;
  const remote = ic.value.tunnelEndpoint !== '0.0.0.0';
  w.emit(
    {
      place: at, packet, kind: 'ipcache-lookup', program: PROGRAM,
      source: 'bpf/bpf_lxc.c: handle_ipv4_from_lxc (lookup_ip4_remote_endpoint)',
      maps: [ic.op], srcIdentity, dstIdentity,
    },
    !remote ? 'ipcache.local' : w.dp.config.routingMode === 'tunnel' ? 'ipcache.remote.tunnel' : 'ipcache.remote',
    { dst: packet.dst, prefix: ic.op.key, identity: dstIdentity, node: ic.value.tunnelEndpoint },
  );
  if (ct.state !== 'reply') {
    const d = decide(w.dp, node.name, ep, 'egress', dstIdentity, packet);
    const creates = ct.state === 'new' && d.allowed;
    const created = creates ? w.ct.create(node.name, packet, 'egress', srcIdentity, { revNat }) : [];
    const hop: HopDraft = {
      place: at, packet, kind: 'policy', program: PROGRAM,
      source: 'bpf/bpf_lxc.c: handle_ipv4_from_lxc (policy_can_egress4)',
      maps: [...d.ops, ...created], verdict: d.allowed ? 'FORWARDED' : 'DROPPED', ctState: ct.state,
      srcIdentity, dstIdentity,
      policyVerdict: verdictOf(d, 'egress'),
    };
    // Added after the literal rather than spread into it (the slow path of a spread literal); same key order.
    const drop = d.drop ?? DROP.POLICY;
    if (!d.allowed) hop.drop = drop;
    w.emit(
      hop,
      verdictMessage(d, 'egress', ct.state),
      { pod: ep.key, identity: d.remoteIdentity, rule: d.ruleMessage, policy: d.policy ?? '' },
    );
    if (!d.allowed) return { to: 'dropped', packet, drop };
  }
  const skb: SkbContext = { srcIdentity, dstIdentity, ctState: ct.state, fromEndpoint: ep, nodeport: nodeportReply };
  const tunnelTo = w.dp.config.routingMode === 'tunnel' && remote ? ic.value.tunnelEndpoint : undefined;
  if (w.dp.hostRouting.mode === 'Legacy') {
    // Without BPF host routing (and with endpoint routes, so no ENABLE_ROUTING) bpf_lxc does no endpoint
    // lookup of its own. The tunnel block does not depend on host routing: a remote pod is still
    // encapsulated here; anything else is marked with its identity and handed to the kernel (to-stack).
    if (tunnelTo) return encapFromLxc(w, node, at, packet, skb, tunnelTo);
    return toHostStack(w, node, at, PROGRAM, packet, skb, 'forward', 'stack.legacy.lxc');
  }
  const found = endpointLookup(w, node, at, PROGRAM, packet, { srcIdentity, dstIdentity });
  if (found?.kind === 'endpoint') return { to: 'handle_policy', at, ep: found.ep, packet, skb };
  if (found?.kind === 'host') return toHostStack(w, node, at, PROGRAM, packet, skb);
  if (tunnelTo) return encapFromLxc(w, node, at, packet, skb, tunnelTo);
  return forward(w, node, at, PROGRAM, packet, skb);
}
