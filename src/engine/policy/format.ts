/**
 * Policy map rows as text, shared by the hop's map operations, the map panel
 * and `cilium bpf policy get`: PORT/PROTO as PolicyKey.PortProtoString prints
 * it (pkg/maps/policymap), the prefix as the PREFIX column, and a key that
 * starts with the map's name so the panel can group rows per endpoint.
 */
import type { EndpointInfo } from '../derive/types.ts';
import { PROTO, type PolicyEntry, type PolicyKey, type TrafficDirection } from './types.ts';

/** bpf.LocalMapName: `cilium_policy_` + the endpoint ID on five digits. */
export const policyMapName = (ep: { id: number }) => `cilium_policy_${String(ep.id).padStart(5, '0')}`;

const PROTO_NAMES: Record<number, string> = { [PROTO.ANY]: 'ANY', [PROTO.ICMP]: 'ICMP', [PROTO.TCP]: 'TCP', [PROTO.UDP]: 'UDP', [PROTO.SCTP]: 'SCTP' };

export const protoName = (proto: number) => PROTO_NAMES[proto] ?? String(proto);

export const directionName = (d: TrafficDirection) => (d === 'ingress' ? 'Ingress' : 'Egress');

/** `ANY`, `TCP`, `80/TCP`, `80-95/TCP`. */
export function portProtoString(k: Pick<PolicyKey, 'proto' | 'port' | 'portBits'>): string {
  const proto = protoName(k.proto);
  if (k.proto === 0 || k.portBits === 0) return proto;
  if (k.portBits === 16) return `${k.port}/${proto}`;
  return `${k.port}-${k.port + 2 ** (16 - k.portBits) - 1}/${proto}`;
}

/** PREFIX: the key's prefix length beyond identity and direction (0, 8, up to 24). */
export const prefixLength = (k: Pick<PolicyKey, 'proto' | 'portBits'>) => (k.proto === 0 ? 0 : 8 + k.portBits);

/** The row key: `cilium_policy_03204 Ingress identity=26332 80/TCP`. */
export function policyRowKey(ep: Pick<EndpointInfo, 'id'>, k: PolicyKey): string {
  return `${policyMapName(ep)} ${directionName(k.direction)} identity=${k.identity} ${portProtoString(k)}`;
}

/** The key a packet is looked up with: the full port, never wildcarded. */
export function probeKey(ep: Pick<EndpointInfo, 'id'>, dir: TrafficDirection, identity: number, proto: number, dport: number): string {
  return policyRowKey(ep, { identity, direction: dir, proto, port: dport, portBits: proto === 0 ? 0 : 16 });
}

/** The Cilium part of the row value: verdict, proxy port, auth type, prefix. */
export function policyRowCilium(e: PolicyEntry): string {
  return `${e.deny ? 'Deny' : 'Allow'} proxy-port=NONE auth=disabled prefix=${prefixLength(e)}`;
}

/** The row value: the Cilium part, then where the entry came from (in English: the CLI's text). */
export function policyRowValue(e: PolicyEntry): string {
  return `${policyRowCilium(e)} (${e.origin.text})`;
}

/**
 * The Cilium part of a value `policyRowValue` wrote (`Allow proxy-port=NONE
 * auth=disabled prefix=0`): the page shows the origin as words beside it, in
 * its own language, instead of the English parenthetical. The Cilium part
 * holds no parenthesis, so the first ` (` starts the origin.
 */
export function policyValueCilium(value: string): string {
  const at = value.indexOf(' (');
  return at < 0 ? value : value.slice(0, at);
}

const POLICY_MAP_PREFIX = /^cilium_policy_(\d{5,}) /;

/**
 * The endpoint of a key `policyRowKey` wrote, read back where the row is typed
 * (src/engine/maps/replay.ts) so the page gets it as a field. The hops' map
 * operations carry only the key text today (src/engine/programs/policy.ts).
 */
export function policyKeyEndpoint(key: string): number | undefined {
  const m = POLICY_MAP_PREFIX.exec(key);
  return m ? Number(m[1]) : undefined;
}

/** The key without its map name (`Ingress identity=1 ANY`): the panel shows one endpoint's map at a time. */
export function policyKeyEntry(key: string): string {
  return key.replace(POLICY_MAP_PREFIX, '');
}
