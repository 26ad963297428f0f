/**
 * Record, then replay (DESIGN §4, §8): a node's tables at step i are its
 * initial tables with the updates and deletes of events 0..i applied. Pure,
 * so the page replays a trace it already holds (stepping asks the worker
 * nothing) and `tablesAt` in the worker gives the same rows.
 */
import { policyKeyEndpoint, policyKeyEntry } from '../policy/format.ts';
import type { HopEvent, MapName, MapOp } from '../trace.ts';
import type { Message } from '../messages.ts';
import type { MapRow, MapTables, MapWords, TableRows } from './rows.ts';

export function mapRow(map: MapName, key: string, value: string, words?: Message): MapRow {
  const row: MapRow = { map, key, value };
  if (map !== 'cilium_policy') return row;
  const endpointId = policyKeyEndpoint(key);
  if (endpointId !== undefined) row.endpointId = endpointId;
  if (words) row.words = words;
  return row;
}

/** The row an operation read or wrote (a lookup's value is what it found), with the op's words. */
export const rowOfOp = (op: MapOp): MapRow => mapRow(op.map, op.key, op.value ?? '', op.words);

/** A node's tables as typed rows, maps in panel order; `words` (initialWords) gives rows their words. */
export function tableRows(tables: MapTables, words?: MapWords): TableRows[] {
  const out: TableRows[] = [];
  for (const [name, rows] of Object.entries(tables)) {
    if (!rows) continue;
    // MapTables is keyed by the MapName of NODE_MAPS or of a MapOp.
    const map = name as MapName;
    const said = words?.[name];
    out.push({ map, rows: [...rows].map(([key, value]) => mapRow(map, key, value, said?.get(key))) });
  }
  return out;
}

/** The writes (updates, deletes) on `node` of events 0..step, in order: what turns initial tables into those at a step. */
export function writesOn(events: readonly HopEvent[], step: number, node: string): MapOp[] {
  const out: MapOp[] = [];
  for (const ev of events.slice(0, Math.max(0, step + 1))) {
    for (const op of ev.maps) if (op.node === node && op.op !== 'lookup') out.push(op);
  }
  return out;
}

/**
 * `initial` with the writes on `node` of events 0..step applied (step < 0:
 * the initial tables). Maps no event wrote keep their object, so a memoised
 * view of them does not render again.
 */
export function replayTables(initial: readonly TableRows[], events: readonly HopEvent[], step: number, node: string): TableRows[] {
  let written: Map<MapName, Map<string, MapRow>> | undefined;
  for (const op of writesOn(events, step, node)) {
    written ??= new Map();
    let rows = written.get(op.map);
    if (!rows) {
      const init = initial.find((t) => t.map === op.map);
      rows = new Map(init?.rows.map((r) => [r.key, r]));
      written.set(op.map, rows);
    }
    if (op.op === 'delete') rows.delete(op.key);
    else rows.set(op.key, rowOfOp(op));
  }
  if (!written) return [...initial];
  const out = initial.map((t) => {
    const rows = written.get(t.map);
    return rows ? { map: t.map, rows: [...rows.values()] } : t;
  });
  // A map the agent did not program is listed after the others, as tablesAt lists it.
  for (const [map, rows] of written) if (!initial.some((t) => t.map === map)) out.push({ map, rows: [...rows.values()] });
  return out;
}

/** The key as the panel prints it: a policy row without its map name (the endpoint is chosen above). */
export function rowKeyText(row: MapRow): string {
  return row.endpointId === undefined ? row.key : policyKeyEntry(row.key);
}
