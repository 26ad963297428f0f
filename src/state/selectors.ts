/** Derived reads of the store, shared by components and tests. */
import type { HopEvent, Trace } from '../engine/trace.ts';
import type { ScenarioSummary } from '../worker/summary.ts';
import { sideIdle, sideStep, type Side } from './compare.ts';
import type { AppState } from './store.ts';

const NO_EVENTS: HopEvent[] = [];

/** The trace's events; one shared empty array when there is none (a stable selector result). */
export const selectEvents = (s: AppState): HopEvent[] => s.trace?.events ?? NO_EVENTS;

export const selectCurrentEvent = (s: AppState): HopEvent | undefined => s.trace?.events[s.step];

/** Node whose maps the panel shows: the chosen one, else the current hop's node. */
export function selectPanelNode(s: AppState): string | undefined {
  if (s.panelNode && s.summary?.nodes.some((n) => n.name === s.panelNode)) return s.panelNode;
  return selectCurrentEvent(s)?.node ?? s.summary?.nodes[0]?.name;
}

/** Map rows written by the flow in events 0..step (the "new" marks), per `node map key`. */
export function writtenKeys(events: HopEvent[], step: number, node: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i <= step && i < events.length; i++) {
    for (const op of events[i]?.maps ?? []) {
      if (op.node !== node) continue;
      const id = `${op.map} ${op.key}`;
      if (op.op === 'update') out.add(id);
      else if (op.op === 'delete') out.delete(id);
    }
  }
  return out;
}

/** Rows the current hop read or wrote on `node`, as `map key`. */
export function touchedKeys(ev: HopEvent | undefined, node: string): Set<string> {
  return new Set((ev?.maps ?? []).filter((op) => op.node === node).map((op) => `${op.map} ${op.key}`));
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

function activeRows(s: AppState) {
  return s.compare?.trace && s.compare.rows.length > 0 ? s.compare.rows : undefined;
}

function sideSelectors(side: Side): SideSelectors {
  const trace = side === 'a' ? (s: AppState) => s.trace : (s: AppState) => s.compare?.trace;
  const step = (s: AppState) => {
    const rows = activeRows(s);
    return rows ? sideStep(rows, s.row, side) : side === 'a' ? s.step : 0;
  };
  return {
    summary: side === 'a' ? (s) => s.summary : (s) => s.compare?.summary ?? s.summary,
    trace,
    step,
    event: (s) => trace(s)?.events[step(s)],
    idle: (s) => {
      const rows = activeRows(s);
      return rows ? sideIdle(rows, s.row, side) : false;
    },
  };
}

export const SIDES: Record<Side, SideSelectors> = { a: sideSelectors('a'), b: sideSelectors('b') };
