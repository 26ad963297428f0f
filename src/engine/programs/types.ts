/** Facts a packet carries from one program to the next on the same node (skb marks / cb). */
import type { EndpointInfo } from '../derive/types.ts';
import type { CtState } from '../trace.ts';

/** The programs that route or hand a packet on themselves (fib_redirect_v4, TRACE_TO_STACK). */
export type RoutingProgram = 'cil_from_container' | 'cil_from_netdev';

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
