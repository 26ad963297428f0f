/**
 * cilium_lxc of one node as rows (pkg/maps/lxcmap): every local endpoint
 * (pods and lxc_health) plus the host's own addresses, which the agent writes
 * with the host flag and which print as `(localhost)`.
 *
 * Row order (a hash map in reality): by IP address, numerically.
 */
import type { Datapath, EndpointInfo } from '../../derive/types.ts';
import { ipv4ToU32, type Ipv4 } from '../../../scenario/values.ts';

/** Go's `%-Nd`: left-aligned, space-padded to N characters. */
const leftPad = (n: number, width: number) => String(n).padEnd(width, ' ');

/** EndpointInfo.String(): `id=%-5d sec_id=%-5d flags=0x%04X ifindex=%-3d mac=%s nodemac=%s`. */
export function endpointInfoString(e: EndpointInfo, flags = 0): string {
  return (
    `id=${leftPad(e.id, 5)} sec_id=${leftPad(e.identity, 5)} ` +
    `flags=0x${flags.toString(16).toUpperCase().padStart(4, '0')} ifindex=${leftPad(e.ifindex, 3)} ` +
    `mac=${e.mac.toUpperCase()} nodemac=${e.nodeMac.toUpperCase()}`
  );
}

/** bpf.EndpointKey.String(): the address and the key field (0 for IPv4 endpoints). */
export const endpointKeyString = (ip: Ipv4) => `${ip}:0`;

export function lxcRows(dp: Datapath, node: string): Map<string, string> {
  const n = dp.node(node);
  const rows = new Map<string, string>();
  if (!n) return rows;
  const entries: [Ipv4, string][] = [
    ...n.endpoints.map((e): [Ipv4, string] => [e.ip, endpointInfoString(e)]),
    [n.ip, '(localhost)'],
    [n.ciliumHostIp, '(localhost)'],
  ];
  entries.sort((a, b) => ipv4ToU32(a[0]) - ipv4ToU32(b[0]));
  for (const [ip, value] of entries) rows.set(endpointKeyString(ip), value);
  return rows;
}
