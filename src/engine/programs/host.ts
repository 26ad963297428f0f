/**
 * The node's own network stack: packets handed to it by eBPF (TRACE_TO_STACK)
 * and packets the node itself sends.
 */
import type { NodeDatapath } from '../derive/types.ts';
import type { Walk } from '../flow/walk.ts';
import type { MessageId } from '../messages.ts';
import type { Packet } from '../trace.ts';
import type { HopPlace } from './forward.ts';
import { RESERVED } from '../derive/identities.ts';
import { kernelRoute } from './kernel.ts';
import type { Arrival, SkbContext } from './types.ts';

/**
 * eBPF returns CTX_ACT_OK and the kernel takes over (to-stack): `local` when
 * the packet is for the node itself, `forward` when the kernel must route it on.
 */
export function toHostStack(
  w: Walk, node: NodeDatapath, at: HopPlace, packet: Packet, skb: SkbContext,
  mode: 'local' | 'forward' = 'local', why: MessageId = mode === 'local' ? 'stack.deliver' : 'stack.pass',
): Arrival {
  w.emit(
    {
      node: at.node, iface: at.iface, hook: at.hook, packet, kind: 'kernel-stack', program: at.iface === node.device ? 'cil_from_netdev' : 'cil_from_container',
      source: 'bpf/lib/trace.h: send_trace_notify(TRACE_TO_STACK), return CTX_ACT_OK', maps: [], observation: 'to-stack', verdict: 'FORWARDED',
      srcIdentity: skb.srcIdentity, dstIdentity: mode === 'local' ? RESERVED.host : skb.dstIdentity, ctState: skb.ctState,
    },
    why,
    { node: node.name, dst: packet.dst, identity: skb.srcIdentity },
  );
  if (mode === 'local') return { at: 'host', node, packet };
  return kernelRoute(w, node, packet, skb, false);
}

/** A packet the node itself sends: straight into the kernel's routing. */
export function fromHost(w: Walk, node: NodeDatapath, packet: Packet): Arrival {
  return kernelRoute(w, node, packet, { srcIdentity: RESERVED.host }, true);
}
