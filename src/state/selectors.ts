/** Derived reads of the store, shared by components and tests. */
import type { HopEvent } from '../engine/trace.ts';
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
