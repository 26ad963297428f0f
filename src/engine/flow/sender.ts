/**
 * Who sends a packet of the conversation: the client, or for a reply whoever
 * received the request. A sender is not a packet's arrival: it has no packet
 * until one is made for it.
 */
import { RESERVED } from '../derive/identities.ts';
import type { EndpointInfo, NodeDatapath } from '../derive/types.ts';
import type { End, Next } from '../programs/next.ts';
import type { Packet } from '../trace.ts';

export type Sender =
  /** A pod, through its eth0 and cil_from_container. */
  | { kind: 'pod'; ep: EndpointInfo }
  /** A node's own stack (a host-network client or server). */
  | { kind: 'host'; node: NodeDatapath }
  /** Anything outside the cluster. */
  | { kind: 'world' };

/** Where a packet from `sender` starts its walk. */
export function sendFrom(sender: Sender, packet: Packet): Next {
  switch (sender.kind) {
    case 'pod':
      return { to: 'cil_from_container', ep: sender.ep, packet };
    case 'host':
      return { to: 'stack', node: sender.node, packet, skb: { srcIdentity: RESERVED.host }, originated: true };
    case 'world':
      return { to: 'from-world', packet };
    default: {
      const never: never = sender;
      throw new Error(`unknown sender ${JSON.stringify(never)}`);
    }
  }
}

/** The receiver of a packet that was not dropped, as the sender of the answer. */
export function receiverOf(end: Exclude<End, { to: 'dropped' }>): Sender {
  switch (end.to) {
    case 'pod':
      return { kind: 'pod', ep: end.ep };
    case 'host':
      return { kind: 'host', node: end.node };
    case 'lost':
      return { kind: 'world' };
    default: {
      const never: never = end;
      throw new Error(`unknown end ${JSON.stringify(never)}`);
    }
  }
}

export function sameSender(a: Sender, b: Sender): boolean {
  switch (a.kind) {
    case 'pod':
      return b.kind === 'pod' && a.ep.key === b.ep.key;
    case 'host':
      return b.kind === 'host' && a.node.name === b.node.name;
    case 'world':
      return b.kind === 'world';
    default: {
      const never: never = a;
      throw new Error(`unknown sender ${JSON.stringify(never)}`);
    }
  }
}
