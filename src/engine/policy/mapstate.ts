/**
 * Deny wins (pkg/policy/mapstate.go denyPreferredInsertWithChanges). The
 * datapath takes the most specific match, so the agent shapes the map:
 * - an allow that a deny covers (same or any identity, equal or broader
 *   port/protocol) is not written;
 * - where an allow and a deny overlap and the datapath's precedence would pick
 *   the allow, a deny copy is written at their intersection (Cilium does this
 *   for a broader-identity allow with a narrower port; the same reasoning
 *   covers a port range against a single port).
 */
import type { PolicyEntry, PolicyKey } from './types.ts';

const portMask = (bits: number) => (bits === 0 ? 0 : (0xffff << (16 - bits)) & 0xffff);

/** `outer`'s protocol and port prefix contain `inner`'s. */
export function portProtoCovers(outer: PolicyKey, inner: PolicyKey): boolean {
  if (outer.proto === 0) return true;
  if (outer.proto !== inner.proto || outer.portBits > inner.portBits) return false;
  return (inner.port & portMask(outer.portBits)) === outer.port;
}

const sameKey = (a: PolicyKey, b: PolicyKey) =>
  a.identity === b.identity && a.direction === b.direction && a.proto === b.proto && a.port === b.port && a.portBits === b.portBits;

export const keyId = (k: PolicyKey) => `${k.direction} ${k.identity} ${k.proto} ${k.port}/${k.portBits}`;

function covers(deny: PolicyKey, allow: PolicyKey): boolean {
  return deny.direction === allow.direction && (deny.identity === 0 || deny.identity === allow.identity) && portProtoCovers(deny, allow);
}

function overlap(a: PolicyKey, b: PolicyKey): boolean {
  if (a.direction !== b.direction) return false;
  if (a.identity !== 0 && b.identity !== 0 && a.identity !== b.identity) return false;
  return portProtoCovers(a, b) || portProtoCovers(b, a);
}

/** The datapath's precedence (bpf/lib/policy.h): 1 = L3-L4 ... 6 = all; lower wins. */
export function precedence(k: PolicyKey): number {
  const l4 = k.portBits > 0 ? 0 : k.proto !== 0 ? 2 : 4;
  return l4 + (k.identity !== 0 ? 1 : 2);
}

function intersection(a: PolicyKey, b: PolicyKey): PolicyKey {
  const narrower = portProtoCovers(a, b) ? b : a;
  return { identity: a.identity || b.identity, direction: a.direction, proto: narrower.proto, port: narrower.port, portBits: narrower.portBits };
}

/** The map contents: entries in insertion order, first origin kept for a repeated key. */
export function resolveEntries(entries: readonly PolicyEntry[]): PolicyEntry[] {
  const denies = entries.filter((e) => e.deny);
  const out = new Map<string, PolicyEntry>();
  const put = (e: PolicyEntry) => {
    const id = keyId(e);
    const had = out.get(id);
    if (!had || (e.deny && !had.deny)) out.set(id, e);
  };
  for (const d of denies) put(d);
  for (const a of entries) {
    if (a.deny || denies.some((d) => covers(d, a))) continue;
    put(a);
    for (const d of denies) {
      if (a.identity === d.identity || !overlap(a, d) || precedence(a) > precedence(d)) continue;
      const copy = intersection(a, d);
      if (!sameKey(copy, d)) put({ ...copy, deny: true, origin: d.origin });
    }
  }
  return [...out.values()];
}
