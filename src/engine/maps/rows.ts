/**
 * Map rows, typed. The engine records every map operation with the key and
 * value as the cilium CLI prints them (so the map panel, the CLI and the hop
 * inspector show one text for one row); a row adds which map it is in and,
 * for the per-endpoint policy maps, the endpoint as a field.
 */
import type { MapName } from '../trace.ts';

/** Map contents per map name for one node (insertion-ordered), key → value text. */
export type MapTables = Partial<Record<string, Map<string, string>>>;

/** One row of a node's map. */
export interface MapRow {
  map: MapName;
  /** The key as `cilium map get` prints it; with `map`, the row's identity. */
  key: string;
  /** The value as `cilium map get` prints it. */
  value: string;
  /** cilium_policy only: the endpoint whose `cilium_policy_<EPID>` map holds the row. */
  endpointId?: number;
}

/** One map's rows as of a step, in insertion order. */
export interface TableRows {
  map: MapName;
  rows: MapRow[];
}
