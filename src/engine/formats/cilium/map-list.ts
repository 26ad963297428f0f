/**
 * `cilium map list` (cilium-dbg/cmd/map_list.go): name, entry count, error
 * count and "Cache enabled" per map the agent has open. The agent's model
 * always carries a (possibly empty) entry list, so the last column is `true`.
 */
import type { Datapath } from '../../derive/types.ts';
import type { MapTables } from '../../maps/rows.ts';
import { tabwrite } from '../tabwriter.ts';
import { MAP_NAMES, mapRows } from './map-get.ts';

export function mapList(dp: Datapath, tables: MapTables, node: string): string {
  let text = 'Name\tNum entries\tNum errors\tCache enabled\n';
  for (const name of MAP_NAMES) text += `${name}\t${mapRows(dp, tables, node, name)?.size ?? 0}\t0\ttrue\n`;
  return tabwrite(text);
}
