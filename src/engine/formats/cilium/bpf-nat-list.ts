/**
 * `cilium bpf nat list` (cilium-dbg/cmd/bpf_nat_list.go,
 * pkg/maps/nat DumpEntriesWithTimeDiff): one line per cilium_snat_v4_external
 * entry, `<tuple> <XLATE_SRC|XLATE_DST addr:port Created=... NeedsCT=n>`, no
 * header. fmt.Println after the dump adds an empty line, also when the map is
 * empty. Lines in the order the entries were written.
 */
import type { MapTables } from '../../maps/rows.ts';

export function bpfNatList(tables: MapTables): string {
  let text = '';
  for (const [k, v] of tables.cilium_snat_v4_external ?? []) text += `${k} ${v}\n`;
  return `${text}\n`;
}
