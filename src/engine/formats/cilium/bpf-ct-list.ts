/**
 * `cilium bpf ct list global` (cilium-dbg/cmd/bpf_ct_list.go,
 * pkg/maps/ctmap): the TCP map (cilium_ct4_global) then the non-TCP map
 * (cilium_ct_any4_global), each dump followed by fmt.Println's empty line.
 * A line is the key's tuple, a space, then CtEntry.StringWithTimeDiff (which
 * ends in a space). Lines in the order the entries were written.
 */
import type { MapTables } from '../../maps/rows.ts';

export const CT_GLOBAL_MAPS = ['cilium_ct4_global', 'cilium_ct_any4_global'] as const;

export function bpfCtListGlobal(tables: MapTables): string {
  return CT_GLOBAL_MAPS.map((name) => {
    let text = '';
    for (const [k, v] of tables[name] ?? []) text += `${k} ${v}\n`;
    return `${text}\n`;
  }).join('');
}
