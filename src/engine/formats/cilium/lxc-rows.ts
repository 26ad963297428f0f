/**
 * cilium_lxc of one node as rows (pkg/maps/lxcmap): every local endpoint
 * (pods and lxc_health) plus the host's own addresses, which the agent writes
 * with the host flag and which print as `(localhost)`.
 *
 * Row order (a hash map in reality): by IP address, numerically.
 */
import type { Datapath, EndpointInfo } from '../../derive/types.ts';
import { ipv4ToU32, type Ipv4 } from '../../../scenario/values.ts';
import { lxcValue } from '../../maps/format.ts';

/** EndpointInfo.String(), one definition shared with the engine's map rows. */
export const endpointInfoString = (e: EndpointInfo, flags = 0): string => lxcValue(e, flags);

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
