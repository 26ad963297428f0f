/**
 * Which identities a peer rule selects (the selector cache's job in the
 * agent). The universe is the cluster's identities: reserved ones by number,
 * pods' by their `k8s:` labels, plus the CIDR identities the policies need.
 * Identity 0 is never selected by a label: the wildcard selector stands for it.
 */
import type { PolicyEntity, PolicyPeerRule } from '../../scenario/model.ts';
import type { Datapath } from '../derive/types.ts';
import { prefixSelected, resultantCidrs, type CidrIdentity } from './cidr.ts';
import { isWildcard, labelSelector, parseLabel, selectorMatches, type Label } from './labels.ts';

export interface PeerIdentity {
  id: number;
  /** Printable labels, sorted (as `cilium identity get` lists them). */
  labels: string[];
  parsed: Label[];
  cidr?: CidrIdentity;
}

/**
 * Reserved identities' labels (pkg/identity/numericidentity.go). 7 carries
 * remote-node too, so `remote-node` also selects the API-server node.
 */
const RESERVED_LABELS: Record<number, string[]> = {
  7: ['reserved:kube-apiserver', 'reserved:remote-node'],
};

export function identityUniverse(dp: Datapath, cidrIds: readonly CidrIdentity[]): PeerIdentity[] {
  const out: PeerIdentity[] = [];
  for (const info of [...dp.identities.values()].sort((a, b) => a.id - b.id)) {
    const labels = [...(RESERVED_LABELS[info.id] ?? info.labels)].sort();
    out.push({ id: info.id, labels, parsed: labels.map(parseLabel) });
  }
  for (const c of cidrIds) out.push({ id: c.id, labels: c.labels, parsed: c.labels.map(parseLabel), cidr: c });
  return out;
}

/** EntitySelectorMapping (pkg/policy/api/entity.go), with `cluster` as InitEntities builds it. */
function entityLabels(entity: PolicyEntity, clusterName: string): string[] | 'wildcard' {
  switch (entity) {
    case 'all':
      return 'wildcard';
    case 'world':
      return ['reserved:world', 'reserved:world-ipv4', 'reserved:world-ipv6'];
    case 'cluster':
      return [
        'reserved:host', 'reserved:remote-node', 'reserved:init', 'reserved:ingress', 'reserved:health',
        'reserved:unmanaged', 'reserved:kube-apiserver', `k8s:io.cilium.k8s.policy.cluster=${clusterName}`,
      ];
    default:
      return [`reserved:${entity}`];
  }
}

/** The selected identities, or 'wildcard' when the rule selects any identity (map key identity 0). */
export function selectPeers(rule: PolicyPeerRule, universe: readonly PeerIdentity[], clusterName: string): Set<number> | 'wildcard' {
  const selectors = [...rule.endpoints];
  for (const entity of rule.entities) {
    const labels = entityLabels(entity, clusterName);
    if (labels === 'wildcard') return 'wildcard';
    selectors.push(...labels.map(labelSelector));
  }
  // A rule with ports but no peer applies to every peer (rule.go: the WildcardEndpointSelector).
  if (selectors.length === 0 && rule.cidrs.length === 0 && rule.ports.length > 0) return 'wildcard';
  if (selectors.some(isWildcard)) return 'wildcard';
  const prefixes = rule.cidrs.flatMap(resultantCidrs);
  const ids = new Set<number>();
  // 0.0.0.0/0 selects world itself as well as every CIDR identity (CIDRSlice.GetAsEndpointSelectors).
  if (prefixes.some((p) => p.bits === 0)) ids.add(2);
  for (const peer of universe) {
    if (peer.id === 0) continue;
    if (peer.cidr && prefixSelected(prefixes, peer.cidr.prefix)) ids.add(peer.id);
    else if (selectors.some((s) => selectorMatches(s, peer.parsed))) ids.add(peer.id);
  }
  return ids;
}
