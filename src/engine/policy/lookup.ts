/**
 * __policy_can_access (bpf/lib/policy.h): two LPM lookups with the full key,
 * first with the remote identity, then with identity 0, and the precedence
 * L3-L4 > L4-only > L3-proto > proto-only > L3-only > all between what they
 * found. The identity and direction are always matched exactly (the trie's
 * static prefix); protocol and port by prefix.
 */
import { portProtoCovers } from './mapstate.ts';
import type { EndpointPolicy, PolicyEntry, PolicyMatchType, TrafficDirection } from './types.ts';

export interface Probe {
  identity: number;
  /** What map_lookup_elem returned for this identity, if anything. */
  hit?: PolicyEntry;
}

export interface LookupResult {
  /** The entry that decided; undefined: no match (DROP_POLICY). */
  entry?: PolicyEntry;
  match: PolicyMatchType;
  /** The lookups made, in order: one when the first is a full L3-L4 match, else two. */
  probes: Probe[];
}

/** Longest-prefix match among the entries of one identity and direction. */
export function lpmLookup(entries: readonly PolicyEntry[], dir: TrafficDirection, identity: number, proto: number, dport: number): PolicyEntry | undefined {
  const probe = { identity, direction: dir, proto, port: dport, portBits: 16 };
  let best: PolicyEntry | undefined;
  let bestLen = -1;
  for (const e of entries) {
    if (e.direction !== dir || e.identity !== identity || !portProtoCovers(e, probe)) continue;
    const len = e.proto === 0 ? 0 : 8 + e.portBits;
    if (len > bestLen) [best, bestLen] = [e, len];
  }
  return best;
}

/** The datapath's flags: wildcard_dport means the port was not given at all (a range is not a wildcard). */
const wildPort = (e: PolicyEntry) => e.proto === 0 || e.portBits === 0;
const wildProto = (e: PolicyEntry) => e.proto === 0;

export function policyLookup(p: EndpointPolicy, dir: TrafficDirection, remoteIdentity: number, proto: number, dport: number): LookupResult {
  const policy = lpmLookup(p.entries, dir, remoteIdentity, proto, dport);
  const first: Probe = { identity: remoteIdentity, ...(policy ? { hit: policy } : {}) };
  if (policy && !wildPort(policy)) return { entry: policy, match: 'L3-L4', probes: [first] };
  const l4 = lpmLookup(p.entries, dir, 0, proto, dport);
  const probes = [first, { identity: 0, ...(l4 ? { hit: l4 } : {}) }];
  if (l4 && !wildPort(l4)) return { entry: l4, match: 'L4-Only', probes };
  if (policy && !wildProto(policy)) return { entry: policy, match: 'L3-Proto', probes };
  if (l4 && !wildProto(l4)) return { entry: l4, match: 'Proto-Only', probes };
  if (policy) return { entry: policy, match: 'L3-Only', probes };
  if (l4) return { entry: l4, match: 'all', probes };
  return { match: 'none', probes };
}
