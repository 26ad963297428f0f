/**
 * `cilium bpf endpoint list` (cilium-dbg/cmd/bpf_endpoint_list.go): cilium_lxc
 * through TablePrinter. Rows come from the node's MapTables when the engine
 * recorded cilium_lxc there, otherwise from the derived endpoints; ordered by
 * IP (Go prints map order).
 */
import type { Datapath } from '../../derive/types.ts';
import type { MapTables } from '../../maps/rows.ts';
import { lxcRows } from './lxc-rows.ts';
import { tablePrinter } from './table-printer.ts';

export function bpfEndpointList(dp: Datapath, tables: MapTables, node: string): string {
  const rows = tables.cilium_lxc ?? lxcRows(dp, node);
  return tablePrinter('IP ADDRESS', 'LOCAL ENDPOINT INFO', [...rows].map(([k, v]) => [k, [v]] as const));
}
