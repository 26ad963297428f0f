/**
 * A packet routed to cilium_host meets cil_from_host (bpf_host.c, cilium_host
 * egress): in tunnel mode it is encapsulated to the remote node; an address in
 * the node's own pod CIDR with no endpoint is dropped by handle_ipv4_cont
 * (from_host) as unroutable.
 */
import { cidrContains } from '../../scenario/values.ts';
import type { NodeDatapath } from '../derive/types.ts';
import type { Walk } from '../flow/walk.ts';
import { onDevice } from './hooks.ts';
import type { Packet } from '../trace.ts';
import { DROP } from './drop.ts';
import type { Next } from './next.ts';
import { encapFromHost } from './overlay.ts';
import type { SkbContext } from './types.ts';

export function fromCiliumHost(w: Walk, node: NodeDatapath, packet: Packet, skb: SkbContext): Next {
  if (node.podCIDRs.some((c) => cidrContains(c, packet.dst))) {
    w.emit(
      {
        place: onDevice(w, node.name, 'cilium_host', 'egress'), program: 'cil_from_host', packet, kind: 'drop',
        source: 'bpf/bpf_host.c: cil_from_host → handle_ipv4_cont (no endpoint, world identity)',
        maps: [], verdict: 'DROPPED', drop: DROP.UNROUTABLE, srcIdentity: skb.srcIdentity,
      },
      'drop.unroutable',
      { dst: packet.dst, node: node.name },
    );
    return { to: 'dropped', packet, drop: DROP.UNROUTABLE };
  }
  return encapFromHost(w, node, packet, skb);
}
