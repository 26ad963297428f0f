/**
 * Local delivery into a pod (bpf/lib/l3.h ipv4_local_delivery): the
 * destination's policy program runs as a tail call in the current context
 * (FORCE_LOCAL_POLICY_EVAL_AT_SOURCE with endpoint routes + BPF host routing),
 * then bpf_redirect_peer puts the packet straight into the pod's eth0.
 */
import type { EndpointInfo } from '../derive/types.ts';
import type { HopDraft, Walk } from '../flow/walk.ts';
import { podAt, type Place } from '../place.ts';
import { isL3Endpoint, onEndpoint } from './hooks.ts';
import type { Packet } from '../trace.ts';
import { DROP } from './drop.ts';
import { lb4RevNat } from './lb.ts';
import type { Next } from './next.ts';
import { routed, withMacs } from './packet.ts';
import { decide, verdictMessage, verdictOf } from './policy.ts';
import type { SkbContext } from './types.ts';

/**
 * `redirect_peer`: the policy tail call from the sender's program, then bpf_redirect_peer (BPF host routing).
 * `stack`: the kernel routed the packet to the pod's lxc; cil_to_container at its tc egress runs the
 * policy and returns CTX_ACT_OK, and the veth hands the packet to the pod (legacy host routing).
 */
type DeliveryPath = 'redirect_peer' | 'stack';

/** The policy tail call at `at` (the program that found the endpoint), then bpf_redirect_peer. */
export const handlePolicy = (w: Walk, at: Place, ep: EndpointInfo, packet: Packet, skb: SkbContext): Next =>
  localDelivery(w, at, ep, packet, skb, 'redirect_peer');

/** cil_to_container at the lxc's tc egress, for a packet the kernel routed there. */
export const toContainer = (w: Walk, ep: EndpointInfo, packet: Packet, skb: SkbContext): Next =>
  localDelivery(w, onEndpoint(w, ep.node, ep.lxcName, 'egress'), ep, packet, skb, 'stack');

function localDelivery(
  w: Walk, place: Place, ep: EndpointInfo, packet: Packet, skb: SkbContext, path: DeliveryPath,
): Next {
  const viaStack = path === 'stack';
  const program = viaStack ? 'cil_to_container' : 'handle_policy';
  const node = place.node;
  // Fields written out, not spread: V8 builds a literal that spreads and then adds keys on a slow path.
  const srcIdentity = skb.srcIdentity;
  const ct = w.ct.lookup(node, packet, 'ingress');
  const ctHop: HopDraft = {
    place, srcIdentity, dstIdentity: ep.identity, dstEndpoint: ep.id, packet, kind: 'conntrack', program,
    source: viaStack
      ? 'bpf/bpf_lxc.c: cil_to_container → tail_ipv4_to_endpoint (ct_lookup4, CT_INGRESS)'
      : 'bpf/bpf_lxc.c: tail_ipv4_ct_ingress_policy_only (ct_lookup4, CT_INGRESS)',
    maps: ct.ops, ctState: ct.state,
  };
  if (viaStack) ctHop.observation = 'from-stack';
  const prog = viaStack ? 'cil_to_container' : 'policy tail call';
  w.emit(ctHop, `ct.ingress.${ct.state}`, { pod: ep.key, ep: ep.id, prog });
  if (ct.state !== 'reply') {
    const d = decide(w.dp, node, ep, 'ingress', skb.srcIdentity, packet);
    const created = ct.state === 'new' && d.allowed
      ? w.ct.create(node, packet, 'ingress', skb.srcIdentity, skb.revNat ? { revNat: skb.revNat, flags: 32 } : {})
      : [];
    const hop: HopDraft = {
      place, srcIdentity, dstIdentity: ep.identity, dstEndpoint: ep.id, packet, kind: 'policy', program,
      source: 'bpf/bpf_lxc.c: ipv4_policy (policy_can_ingress4)', maps: [...d.ops, ...created],
      verdict: d.allowed ? 'FORWARDED' : 'DROPPED', ctState: ct.state, policyVerdict: verdictOf(d, 'ingress'),
    };
    const drop = d.drop ?? DROP.POLICY;
    if (!d.allowed) hop.drop = drop;
    w.emit(
      hop,
      verdictMessage(d, 'ingress', ct.state),
      { pod: ep.key, ep: ep.id, identity: d.remoteIdentity, rule: d.ruleMessage, policy: d.policy ?? '' },
    );
    if (!d.allowed) return { to: 'dropped', packet, drop };
  }
  const translated = ct.state === 'reply' && ct.revNat ? lb4RevNat(w, place, ct.revNat, packet, program) : packet;
  // Into a netkit (L3) device the packet goes without an Ethernet header.
  const l3 = isL3Endpoint(w);
  const framed = l3 ? { ...translated, srcMac: undefined, dstMac: undefined }
    : withMacs(translated, ep.nodeMac, ep.mac);
  const delivered = routed(framed);
  const stackProgram = l3 ? 'kernel (netkit)' : 'kernel (veth)';
  w.emit(
    {
      place: podAt(node, ep.key), srcIdentity, dstIdentity: ep.identity, dstEndpoint: ep.id,
      packet: delivered, kind: 'deliver', program: viaStack ? stackProgram : 'bpf_redirect_peer',
      source: viaStack
        ? 'bpf/bpf_lxc.c: ipv4_policy returns CTX_ACT_OK; the veth hands the packet to the pod'
        : 'bpf/lib/l3.h: ipv4_local_delivery → redirect_ep (bpf_redirect_peer)',
      maps: [], observation: 'to-endpoint', verdict: 'FORWARDED', ctState: ct.state,
    },
    viaStack ? 'deliver.stack' : 'deliver.pod',
    { pod: ep.key, lxc: ep.lxcName, mac: ep.mac },
  );
  return { to: 'pod', ep, packet: delivered };
}
