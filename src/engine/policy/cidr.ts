/**
 * CIDR identities (pkg/labels/cidr.go, pkg/policy/api/cidr.go). A CIDR rule
 * minus its exceptions becomes a set of prefixes (ComputeResultantCIDRSet);
 * the agent gives each prefix a local identity (from 16777217, the local
 * scope bit 1<<24 plus one) labelled `cidr:<prefix>` and `reserved:world`,
 * and puts the prefix in the ipcache, so traffic to an address inside it
 * carries that identity instead of world (2). 0.0.0.0/0 stays world itself.
 */
import type { CidrRuleModel, PolicyModel, PolicyPeerRule } from '../../scenario/model.ts';
import { cidrContains, cidrToString, ipv4ToU32, type Cidr, type Ipv4 } from '../../scenario/values.ts';

/** identity.MinLocalIdentity: local scope (1 << 24) | 1. */
export const FIRST_CIDR_IDENTITY = 16777217;

export interface CidrIdentity {
  id: number;
  prefix: Cidr;
  labels: string[];
}

const covers = (outer: Cidr, inner: Cidr) => outer.bits <= inner.bits && cidrContains(outer, inner.base);

/** ip.RemoveCIDRs: `allow` without `remove`, as the fewest aligned prefixes, in address order. */
export function removeCidrs(allow: Cidr, remove: readonly Cidr[]): Cidr[] {
  if (remove.some((r) => covers(r, allow))) return [];
  if (!remove.some((r) => covers(allow, r))) return [allow];
  const half = allow.bits + 1;
  const low: Cidr = { base: allow.base, bits: half };
  const high: Cidr = { base: u32(ipv4ToU32(allow.base) + 2 ** (32 - half)), bits: half };
  return [...removeCidrs(low, remove), ...removeCidrs(high, remove)];
}

function u32(n: number): Ipv4 {
  return `${(n >>> 24) & 255}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}` as Ipv4;
}

/** The prefixes a CIDR rule selects. */
export const resultantCidrs = (r: CidrRuleModel): Cidr[] => removeCidrs(r.cidr, r.except);

function peerRulesOf(p: PolicyModel): PolicyPeerRule[] {
  return p.rules.flatMap((r) => [...r.ingress, ...r.ingressDeny, ...r.egress, ...r.egressDeny]);
}

/** One identity per distinct prefix the policies name (except /0), numbered in address order. */
export function allocateCidrIdentities(policies: readonly PolicyModel[]): CidrIdentity[] {
  const byText = new Map<string, Cidr>();
  for (const rule of policies.flatMap(peerRulesOf)) {
    for (const c of rule.cidrs.flatMap(resultantCidrs)) if (c.bits > 0) byText.set(cidrToString(c), c);
  }
  const sorted = [...byText.values()].sort((a, b) => ipv4ToU32(a.base) - ipv4ToU32(b.base) || a.bits - b.bits);
  return sorted.map((prefix, i) => ({
    id: FIRST_CIDR_IDENTITY + i,
    prefix,
    labels: [`cidr:${cidrToString(prefix)}`, 'reserved:world'],
  }));
}

/** The most specific CIDR identity whose prefix holds `ip` (the ipcache's LPM over those prefixes). */
export function cidrIdentityOf(ids: readonly CidrIdentity[], ip: Ipv4): CidrIdentity | undefined {
  let best: CidrIdentity | undefined;
  for (const c of ids) if (cidrContains(c.prefix, ip) && (!best || c.prefix.bits > best.prefix.bits)) best = c;
  return best;
}

/** CIDR selector matching: an identity's prefix lies inside one of the selected prefixes. */
export const prefixSelected = (selected: readonly Cidr[], prefix: Cidr) => selected.some((s) => covers(s, prefix));
