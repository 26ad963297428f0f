/**
 * `cilium bpf endpoint list` (cilium-dbg/cmd/bpf_endpoint_list.go): cilium_lxc
 * through TablePrinter, from the derived endpoints; ordered by IP (Go prints
 * map order).
 */
import type { Datapath } from '../../derive/types.ts';
import { lxcRows } from './lxc-rows.ts';
import { tablePrinter } from './table-printer.ts';

export function bpfEndpointList(dp: Datapath, node: string): string {
  const rows = lxcRows(dp, node);
  return tablePrinter('IP ADDRESS', 'LOCAL ENDPOINT INFO', [...rows].map(([k, v]) => [k, [v]] as const));
}
