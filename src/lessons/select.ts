/** Finds a stop's hop in a trace by what it is (lesson model's HopSelector); pure. */
import { hopDirection, type HopEvent } from '../engine/index.ts';
import type { HopSelector } from './model.ts';

export function matchesHop(e: HopEvent, s: HopSelector): boolean {
  return (
    (s.kind === undefined || e.kind === s.kind) &&
    (s.program === undefined || e.program === s.program) &&
    (s.message === undefined || e.explain.id === s.message) &&
    (s.node === undefined || e.node === s.node) &&
    (s.iface === undefined || e.iface === s.iface) &&
    (s.direction === undefined || hopDirection(e) === s.direction)
  );
}

/** Index of the nth (from 1) hop that matches, or undefined. */
export function findHop(events: readonly HopEvent[], s: HopSelector): number | undefined {
  let seen = 0;
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    if (e && matchesHop(e, s) && ++seen === s.nth) return i;
  }
  return undefined;
}

/** The selector in the words a teacher wrote it: `socket-lb-rewrite #1`. */
export function selectorText(s: HopSelector): string {
  const what = [s.kind, s.program, s.message, s.node && `on ${s.node}`, s.iface && `at ${s.iface}`, s.direction].filter(Boolean).join(' ');
  return `${what} #${s.nth}`;
}
