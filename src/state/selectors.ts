/** Derived reads of the store, shared by components and tests. */
import type { HopEvent, MapName, Trace } from '../engine/index.ts';
import type { ScenarioSummary } from '../worker/summary.ts';
import { compareRows, sideIdle, sideStep, type Side } from './compare.ts';
import type { AppState } from './store.ts';

const NO_EVENTS: HopEvent[] = [];

/** The trace's events; one shared empty array when there is none (a stable selector result). */
export const selectEvents = (s: AppState): HopEvent[] => s.trace?.events ?? NO_EVENTS;

export const selectCurrentEvent = (s: AppState): HopEvent | undefined => s.trace?.events[s.step];

/**
 * Node whose maps the panel shows: the chosen one, else the current hop's node; at a hop outside the
 * cluster (the world on the wire) the last cluster node the flow was on, whose maps it just wrote.
 */
export function selectPanelNode(s: AppState): string | undefined {
  const known = (n: string | undefined) => n !== undefined && (s.summary?.nodes.some((x) => x.name === n) ?? false);
  if (s.panelNode && known(s.panelNode)) return s.panelNode;
  const events = s.trace?.events ?? [];
  for (let i = Math.min(s.step, events.length - 1); i >= 0; i--) {
    const n = events[i]?.node;
    if (known(n)) return n;
  }
  return selectCurrentEvent(s)?.node ?? s.summary?.nodes[0]?.name;
}

/** A hop that ends its packet: a drop, or any hop whose verdict is DROPPED. */
export const isDropped = (ev: HopEvent): boolean => ev.kind === 'drop' || ev.verdict === 'DROPPED';

/** Rows as a structured identity: the keys of each map (a row is a map and a key). */
export type RowKeys = ReadonlyMap<MapName, ReadonlySet<string>>;

function addRow(rows: Map<MapName, Set<string>>, map: MapName, key: string): void {
  let keys = rows.get(map);
  if (!keys) rows.set(map, (keys = new Set()));
  keys.add(key);
}

/** Map rows written by the flow in events 0..step on `node` (the "new" marks). */
export function writtenRows(events: readonly HopEvent[], step: number, node: string): RowKeys {
  const out = new Map<MapName, Set<string>>();
  for (let i = 0; i <= step && i < events.length; i++) {
    for (const op of events[i]?.maps ?? []) {
      if (op.node !== node) continue;
      if (op.op === 'update') addRow(out, op.map, op.key);
      else if (op.op === 'delete') out.get(op.map)?.delete(op.key);
    }
  }
  return out;
}

/** Rows the hop read or wrote on `node`. */
export function touchedRows(ev: HopEvent | undefined, node: string): RowKeys {
  const out = new Map<MapName, Set<string>>();
  for (const op of ev?.maps ?? []) if (op.node === node) addRow(out, op.map, op.key);
  return out;
}

/**
 * Per-side reads for the compare view. Side A is the page's own trace; side
 * B is the compare state's. Each is a stable function (one per side), so
 * components can pass them to useApp without re-creating selectors.
 */
export interface SideSelectors {
  summary: (s: AppState) => ScenarioSummary | undefined;
  trace: (s: AppState) => Trace | undefined;
  step: (s: AppState) => number;
  event: (s: AppState) => HopEvent | undefined;
  /** This side has no hop of its own on the current row. */
  idle: (s: AppState) => boolean;
}

function sideSelectors(side: Side): SideSelectors {
  const trace = side === 'a' ? (s: AppState) => s.trace : (s: AppState) => s.compare?.trace;
  const step = (s: AppState) => {
    const rows = compareRows(s);
    return rows ? sideStep(rows, s.row, side) : side === 'a' ? s.step : 0;
  };
  return {
    summary: side === 'a' ? (s) => s.summary : (s) => s.compare?.summary ?? s.summary,
    trace,
    step,
    event: (s) => trace(s)?.events[step(s)],
    idle: (s) => {
      const rows = compareRows(s);
      return rows ? sideIdle(rows, s.row, side) : false;
    },
  };
}

export const SIDES: Record<Side, SideSelectors> = { a: sideSelectors('a'), b: sideSelectors('b') };
