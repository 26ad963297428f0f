/**
 * The node's device, tc egress: cil_to_netdev (bpf_host.c) → handle_nat_fwd →
 * tail_handle_snat_fwd_ipv4. Here BPF masquerade rewrites the source of pod
 * traffic leaving the cluster to the node IP, writing both NAT entries. Then
 * the packet is on the wire.
 */
import type { NodeDatapath } from '../derive/types.ts';
import type { Walk } from '../flow/walk.ts';
import { onDevice } from './hooks.ts';
import type { Packet } from '../trace.ts';
import { needsMasquerade } from './masquerade.ts';
import type { Next } from './next.ts';
import { srcText, withSrc } from './packet.ts';
import type { SkbContext } from './types.ts';

export function toNetdev(
  w: Walk, node: NodeDatapath, packet: Packet, skb: SkbContext, nextHop: NodeDatapath | undefined,
): Next {
  // Without kube-proxy replacement the agent does not attach cil_to_netdev to the device at all.
  if (!w.dp.config.kubeProxyReplacement) return { to: 'wire', from: node, packet, nextHop };
  const at = onDevice(w, node.name, node.device, 'egress');
  const program = 'cil_to_netdev';
  const d = needsMasquerade(w.dp, node, packet, skb);
  w.emit(
    {
      place: at, program, packet, kind: 'netdev-egress',
      source: 'bpf/bpf_host.c: cil_to_netdev → handle_nat_fwd → snat_v4_needs_masquerade (bpf/lib/nat.h)',
      maps: d.ops, ctState: skb.ctState, srcIdentity: skb.srcIdentity, dstIdentity: skb.dstIdentity,
    },
    d.why,
    { dev: node.device, ...d.params },
  );
  if (!d.nat) return { to: 'wire', from: node, packet, nextHop };
  const m = w.nat.snat(node.name, packet, node.ip, w.rng, d.needsCt);
  const out = withSrc(packet, node.ip, m.port);
  w.emit(
    {
      place: at, program, packet: out, kind: 'snat', source: 'bpf/lib/nat.h: snat_v4_nat → snat_v4_new_mapping',
      maps: m.ops, verdict: 'TRANSLATED', ctState: skb.ctState,
      srcIdentity: skb.srcIdentity, dstIdentity: skb.dstIdentity,
    },
    m.ops.some((o) => o.op === 'update') ? 'snat.done' : 'snat.reuse',
    { from: srcText(packet), to: srcText(out) },
  );
  return { to: 'wire', from: node, packet: out, nextHop };
}
