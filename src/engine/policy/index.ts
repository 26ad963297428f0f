/**
 * Network policy: NetworkPolicy and CiliumNetworkPolicy rules compiled into
 * each endpoint's cilium_policy map, and the datapath's lookup in it.
 */
import type { Ipv4 } from '../../scenario/values.ts';
import type { Datapath, EndpointInfo } from '../derive/types.ts';
import type { MapWords } from '../maps/rows.ts';
import type { Message } from '../messages.ts';
import { cidrIdentityOf, type CidrIdentity } from './cidr.ts';
import { endpointPolicy, policiesOf, policyState } from './compile.ts';
import { policyRowKey, policyRowValue } from './format.ts';
import type { PolicyEntry } from './types.ts';

export { endpointPolicy, policyState } from './compile.ts';
export { policyLookup, lpmLookup, type LookupResult, type Probe } from './lookup.ts';
export { directionName, policyMapName, policyRowCilium, policyRowKey, policyRowValue, policyValueCilium, portProtoString, prefixLength, probeKey, protoName } from './format.ts';
export type { CidrIdentity } from './cidr.ts';
export * from './types.ts';

/** World identity (pkg/identity): what the ipcache's 0.0.0.0/0 entry gives. */
const WORLD = 2;

/**
 * The identity the ipcache would give `ip` once the agent has inserted the
 * policies' CIDR prefixes: a CIDR identity inside world, else `identity`.
 * derive/ipcache.ts does not hold those prefixes yet, so a world lookup is
 * refined here; when it does, this returns the identity unchanged.
 */
export function remoteIdentityOf(dp: Datapath, identity: number, ip: Ipv4): number {
  if (identity !== WORLD) return identity;
  return cidrIdentityOf(policyState(dp).cidrIdentities, ip)?.id ?? identity;
}

/**
 * Whether each direction of the endpoint is enforced. Without any policy (and
 * enable-policy not `always`) nothing is, and no policy state is built.
 */
export function policyEnforcement(dp: Datapath, ep: EndpointInfo): { ingress: boolean; egress: boolean } {
  if (policiesOf(dp).length === 0 && dp.config.raw?.['enable-policy'] !== 'always') return { ingress: false, egress: false };
  const p = endpointPolicy(dp, ep);
  return { ingress: p.ingress.enforced, egress: p.egress.enforced };
}

/** The CIDR identities the policies need, for the ipcache: prefix, identity, labels. */
export const policyCidrIdentities = (dp: Datapath): readonly CidrIdentity[] => policyState(dp).cidrIdentities;

/** Labels of an identity as `cilium identity get` prints them (sorted); identity 0 is reserved:unknown. */
export function identityLabels(dp: Datapath, id: number): string[] {
  if (id === 0) return ['reserved:unknown'];
  return policyState(dp).byId.get(id)?.labels ?? [];
}

/** A node's policy entries with their row keys, every local endpoint's map in endpoint order. */
function* nodeEntries(dp: Datapath, node: string): Generator<[string, PolicyEntry]> {
  const endpoints: EndpointInfo[] = [...(dp.node(node)?.endpoints ?? [])].sort((a, b) => a.id - b.id);
  for (const ep of endpoints) {
    for (const e of sortedEntries(endpointPolicy(dp, ep).entries)) yield [policyRowKey(ep, e), e];
  }
}

/** A node's cilium_policy rows, every local endpoint's map, keyed as the hops' map operations are. */
export function policyRows(dp: Datapath, node: string): Map<string, string> {
  const rows = new Map<string, string>();
  for (const [key, e] of nodeEntries(dp, node)) rows.set(key, policyRowValue(e));
  return rows;
}

/** The words of those rows: each entry's origin as a message, keyed as `policyRows` keys the row. */
export function policyRowWords(dp: Datapath, node: string): Map<string, Message> {
  const words = new Map<string, Message>();
  for (const [key, e] of nodeEntries(dp, node)) words.set(key, e.origin.message);
  return words;
}

/** The words of a node's initial tables (MapWords): today only cilium_policy rows carry any. */
export const initialWords = (dp: Datapath, node: string): MapWords => ({ cilium_policy: policyRowWords(dp, node) });

/**
 * PolicyEntriesDump.Less: deny first, then ingress before egress, then
 * identity; Go's sort leaves the rest unordered, here protocol and port.
 */
export function sortedEntries<T extends PolicyEntry>(entries: readonly T[]): T[] {
  const dir = (d: string) => (d === 'ingress' ? 0 : 1);
  return [...entries].sort((a, b) => Number(b.deny) - Number(a.deny) || dir(a.direction) - dir(b.direction)
    || a.identity - b.identity || a.proto - b.proto || a.port - b.port || a.portBits - b.portBits);
}
