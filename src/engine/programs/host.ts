/**
 * eBPF returns CTX_ACT_OK and the kernel takes over (TRACE_TO_STACK): the
 * hop is the calling program's own trace notification, so it runs at the
 * caller's place with the caller's name; where the packet goes then is the
 * kernel's business (flow/dispatch runs programs/kernel.ts).
 */
import { RESERVED } from '../derive/identities.ts';
import type { NodeDatapath } from '../derive/types.ts';
import type { MessageId } from '../messages.ts';
import type { Walk } from '../flow/walk.ts';
import type { Place } from '../place.ts';
import type { Packet } from '../trace.ts';
import type { Next } from './next.ts';
import type { RoutingProgram, SkbContext } from './types.ts';

/** `local`: the packet is for the node itself; `forward`: the kernel must route it on. */
export function toHostStack(
  w: Walk, node: NodeDatapath, at: Place, program: RoutingProgram, packet: Packet, skb: SkbContext,
  mode: 'local' | 'forward' = 'local', why: MessageId = mode === 'local' ? 'stack.deliver' : 'stack.pass',
): Next {
  w.emit(
    {
      place: at, packet, kind: 'kernel-stack', program,
      source: 'bpf/lib/trace.h: send_trace_notify(TRACE_TO_STACK), return CTX_ACT_OK', maps: [],
      observation: 'to-stack', verdict: 'FORWARDED',
      srcIdentity: skb.srcIdentity, dstIdentity: mode === 'local' ? RESERVED.host : skb.dstIdentity,
      ctState: skb.ctState,
    },
    why,
    { node: node.name, dst: packet.dst, identity: skb.srcIdentity },
  );
  if (mode === 'local') return { to: 'host', node, packet };
  return { to: 'stack', node, packet, skb, originated: false };
}
