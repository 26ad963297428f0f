/**
 * Map rows, typed. The engine records every map operation with the key and
 * value as the cilium CLI prints them (so the map panel, the CLI and the hop
 * inspector show one text for one row); a row adds which map it is in and,
 * for the per-endpoint policy maps, the endpoint as a field.
 */
import type { Message } from '../messages.ts';
import type { MapName } from '../trace.ts';

/** Map contents per map name for one node (insertion-ordered), key → value text. */
export type MapTables = Partial<Record<string, Map<string, string>>>;

/**
 * Words for some rows of MapTables, per map name then key: what a value's
 * English tail says (a cilium_policy row's origin), for the page to render
 * in its language. The CLI prints the value text and never reads these.
 */
export type MapWords = Partial<Record<string, Map<string, Message>>>;

/** One row of a node's map. */
export interface MapRow {
  map: MapName;
  /** The key as `cilium map get` prints it; with `map`, the row's identity. */
  key: string;
  /** The value as `cilium map get` prints it. */
  value: string;
  /** cilium_policy only: the endpoint whose `cilium_policy_<EPID>` map holds the row. */
  endpointId?: number;
  /**
   * cilium_policy only: where the entry came from, as words (the value's
   * parenthetical, which the page shows in its language beside the Cilium part).
   */
  words?: Message;
}

/** One map's rows as of a step, in insertion order. */
export interface TableRows {
  map: MapName;
  rows: MapRow[];
}
