/**
 * `cilium-dbg bpf ipcache list` (cilium-dbg/cmd/bpf_ipcache_list.go, 1.16):
 * cilium_ipcache dumped into a map[string][]string and printed by
 * TablePrinter(ipAddrTitle "IP PREFIX/ADDRESS", identityTitle "IDENTITY").
 * Rows are the node's view of the agent's entries (map-get.ts ipcacheRows);
 * Go prints map order, we print the engine's.
 */
import type { Datapath } from '../../derive/types.ts';
import { ipcacheRows } from './map-get.ts';
import { tablePrinter } from './table-printer.ts';

export const IPCACHE_TITLES = ['IP PREFIX/ADDRESS', 'IDENTITY'] as const;

export function bpfIpcacheList(dp: Datapath, node: string): string {
  return tablePrinter(...IPCACHE_TITLES, [...ipcacheRows(dp, node)].map(([k, v]) => [k, [v]] as const));
}
