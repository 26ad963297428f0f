/**
 * Local delivery into a pod (bpf/lib/l3.h ipv4_local_delivery): the
 * destination's policy program runs as a tail call in the current context
 * (FORCE_LOCAL_POLICY_EVAL_AT_SOURCE with endpoint routes + BPF host routing),
 * then bpf_redirect_peer puts the packet straight into the pod's eth0.
 */
import type { EndpointInfo } from '../derive/types.ts';
import type { Walk } from '../flow/walk.ts';
import type { Packet } from '../trace.ts';
import { decide } from './policy.ts';
import { routed, withMacs } from './packet.ts';
import { DROP, type Arrival, type SkbContext } from './types.ts';

export function localDelivery(w: Walk, at: { node: string; iface: string; hook: string }, ep: EndpointInfo, packet: Packet, skb: SkbContext): Arrival {
  const base = { node: at.node, iface: at.iface, hook: at.hook, srcIdentity: skb.srcIdentity, dstIdentity: ep.identity, dstEndpoint: ep.id };
  const ct = w.ct.lookup(at.node, packet, 'ingress');
  w.emit(
    { ...base, packet, kind: 'conntrack', program: 'handle_policy', source: 'bpf/bpf_lxc.c: tail_ipv4_ct_ingress_policy_only (ct_lookup4, CT_INGRESS)', maps: ct.ops, ctState: ct.state },
    `ct.ingress.${ct.state}`,
    { pod: ep.key, ep: ep.id },
  );
  if (ct.state !== 'reply') {
    const d = decide(at.node, ep, 'ingress', skb.srcIdentity, packet);
    const ops = [...d.ops, ...(ct.state === 'new' ? w.ct.create(at.node, packet, 'ingress', skb.srcIdentity) : [])];
    w.emit(
      { ...base, packet, kind: 'policy', program: 'handle_policy', source: 'bpf/bpf_lxc.c: ipv4_policy (policy_can_ingress4)', maps: ops, verdict: d.allowed ? 'FORWARDED' : 'DROPPED', ctState: ct.state, ...(d.allowed ? {} : { drop: DROP.POLICY }) },
      d.allowed ? (ct.state === 'new' ? 'policy.ingress.allow.new' : 'policy.ingress.allow') : 'policy.ingress.deny',
      { pod: ep.key, ep: ep.id, identity: skb.srcIdentity, rule: d.rule },
    );
    if (!d.allowed) return { at: 'dropped', packet, reason: DROP.POLICY.reason };
  }
  const delivered = routed(withMacs(packet, ep.nodeMac, ep.mac));
  w.emit(
    {
      ...base, packet: delivered, kind: 'deliver', iface: 'eth0', pod: ep.key, hook: 'netns', program: 'bpf_redirect_peer',
      source: 'bpf/lib/l3.h: ipv4_local_delivery → redirect_ep (bpf_redirect_peer)', maps: [],
      observation: 'to-endpoint', verdict: 'FORWARDED', ctState: ct.state,
    },
    'deliver.pod',
    { pod: ep.key, lxc: ep.lxcName, mac: ep.mac },
  );
  return { at: 'pod', ep, packet: delivered };
}
