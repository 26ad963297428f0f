/**
 * The IPv6 halves of dual-stack objects: the second ClusterIP, the IPv6
 * InternalIP, the IPv6 pod IP. Read beside the IPv4 fields (which stay the
 * model's addresses); the engine puts them in the lb6 maps when enable-ipv6
 * is on and says what it does not model otherwise.
 */
import type { FieldPath } from '../documents.ts';
import type { Fields } from '../fields.ts';
import { parseIpv6, type Ipv6 } from '../values.ts';
import { say } from '../issue-text.ts';

/** An IPv6 address at `path`, or an error naming it. */
export function readIpv6(f: Fields, path: FieldPath): Ipv6 | undefined {
  const text = f.str(path);
  if (text === undefined) return undefined;
  return parseIpv6(text) ?? f.error(path, say('scenario.not_ipv6', { value: text }));
}

/** The first entry of a string list that is IPv6 (`spec.clusterIPs`), read as one. */
export function ipv6InList(f: Fields, path: FieldPath): Ipv6 | undefined {
  const i = f.list(path).findIndex((v) => typeof v === 'string' && v.includes(':'));
  return i < 0 ? undefined : readIpv6(f, [...path, i]);
}

/** The first IPv6 `field` of the entries of `type` in an address list (`status.addresses`). */
export function ipv6Address(f: Fields, path: FieldPath, type: string, field: string): Ipv6 | undefined {
  const i = f.list(path).findIndex((a) => {
    const rec = a as Record<string, unknown> | null;
    return rec?.['type'] === type && String(rec[field] ?? '').includes(':');
  });
  return i < 0 ? undefined : readIpv6(f, [...path, i, field]);
}

/** The IPv6 entry of a pod's status.podIPs. */
export function podIpv6(f: Fields): Ipv6 | undefined {
  const i = f.list(['status', 'podIPs']).findIndex((p) => String((p as Record<string, unknown> | null)?.['ip'] ?? '').includes(':'));
  return i < 0 ? undefined : readIpv6(f, ['status', 'podIPs', i, 'ip']);
}
