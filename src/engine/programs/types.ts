/**
 * What a program hands to the next one: where the packet ended up. Every
 * walk ends in one of these, which is how the engine guarantees that every
 * packet is either delivered or dropped with a reason.
 */
import type { EndpointInfo, NodeDatapath } from '../derive/types.ts';
import type { CtState, Packet } from '../trace.ts';

export type Arrival =
  | { at: 'pod'; ep: EndpointInfo; packet: Packet }
  | { at: 'host'; node: NodeDatapath; packet: Packet }
  | { at: 'world'; packet: Packet }
  | { at: 'dropped'; packet: Packet; reason: string };

/** Facts a packet carries from one program to the next on the same node (skb marks / cb). */
export interface SkbContext {
  srcIdentity: number;
  dstIdentity?: number;
  ctState?: CtState;
  /** The local endpoint that sent it, when it came from a pod on this node. */
  fromEndpoint?: EndpointInfo;
  /** An encapsulated (VXLAN/Geneve) packet on its way between nodes. */
  overlay?: boolean;
  /** Already translated by the NodePort path (ctx_snat_done): cil_to_netdev leaves it alone. */
  nodeport?: boolean;
  /** rev_nat_index handed on by nodeport_lb4: the CT entry created at the backend keeps it. */
  revNat?: number;
}

/** Cilium drop reasons used by the engine (pkg/monitor/api/drop.go). */
export const DROP = {
  INVALID_SIP: { code: 132, reason: 'Invalid source ip' },
  POLICY: { code: 133, reason: 'Policy denied' },
  UNROUTABLE: { code: 151, reason: 'Stale or unroutable IP' },
  NO_SERVICE: { code: 158, reason: 'Service backend not found' },
  FIB_LOOKUP_FAILED: { code: 169, reason: 'FIB lookup failed' },
  POLICY_DENY: { code: 181, reason: 'Policy denied by denylist' },
} as const;
