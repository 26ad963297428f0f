/**
 * `cilium bpf tunnel list` (cilium-dbg/cmd/bpf_tunnel_list.go,
 * pkg/maps/tunnel): in tunnel (encapsulation) mode the agent maps every
 * remote node's pod CIDR to that node's IP (pkg/datapath/linux/node.go
 * updateTunnelMapping). The key prints the network address without its
 * length, the value `ip:key` (key = encryption key, 0 here). In native
 * routing the map is empty: only the titles print. Rows by address.
 */
import type { Datapath } from '../../derive/types.ts';
import { ipv4ToU32 } from '../../../scenario/values.ts';
import { tablePrinter } from './table-printer.ts';

export function bpfTunnelList(dp: Datapath, node: string): string {
  const rows: [string, string, number][] = [];
  if (dp.config.routingMode === 'tunnel') {
    for (const other of dp.nodes) {
      if (other.name === node) continue;
      for (const cidr of other.podCIDRs) rows.push([String(cidr.base), `${other.ip}:0`, ipv4ToU32(cidr.base)]);
    }
  }
  rows.sort((a, b) => a[2] - b[2]);
  return tablePrinter('TUNNEL', 'VALUE', rows.map(([k, v]) => [k, [v]] as const));
}
