/**
 * Policy decisions (bpf/lib/policy.h). With no NetworkPolicy selecting an
 * endpoint, the agent installs an allow-all entry in its cilium_policy_<EPID>
 * map: the lookup still runs for new and established packets and allows.
 * Replies (CT_REPLY) skip the lookup.
 */
import type { EndpointInfo } from '../derive/types.ts';
import type { MapOp, Packet } from '../trace.ts';

export const policyMapName = (ep: EndpointInfo) => `cilium_policy_${String(ep.id).padStart(5, '0')}`;

export interface PolicyDecision {
  allowed: boolean;
  /** L3-L4 match type as Hubble names it (policy-verdict:all ...). */
  match: string;
  ops: MapOp[];
  /** Why, for the explanation. */
  rule: string;
}

export function decide(node: string, ep: EndpointInfo, direction: 'ingress' | 'egress', remoteIdentity: number, p: Packet): PolicyDecision {
  const dir = direction === 'ingress' ? 'Ingress' : 'Egress';
  const port = p.proto === 'ICMP' ? 'ANY' : `${p.dport}/${p.proto}`;
  return {
    allowed: true,
    match: 'all',
    rule: 'no policy selects this endpoint, so the agent installed allow-all',
    ops: [
      {
        node,
        map: 'cilium_policy',
        op: 'lookup',
        key: `${policyMapName(ep)} ${dir} identity=${remoteIdentity} ${port}`,
        value: `Allow ${dir} reserved:unknown ANY (allow-all)`,
        hit: true,
        note: 'matched the wildcard entry',
      },
    ],
  };
}
