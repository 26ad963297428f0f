/**
 * The player over a recorded trace (STYLE: algorithm-visualizer's cursor):
 * stepping is a cursor move, never a re-simulation. The clock is separate
 * from the step (STYLE: d3-force's stop()/tick()), so tests drive it by hand.
 */
import { compareRows, rowOfStep, sideStep } from './compare.ts';
import type { AppState, AppStore } from './store.ts';

export function lastStep(s: Pick<AppState, 'trace'>): number {
  return s.trace ? Math.max(0, s.trace.events.length - 1) : 0;
}

export function clampStep(s: Pick<AppState, 'trace'>, n: number): number {
  return Math.min(Math.max(0, Math.trunc(n)), lastStep(s));
}

type CursorState = Pick<AppState, 'trace' | 'compare' | 'step' | 'row'>;

/** Where the player stands: the aligned row in compare mode, side A's hop otherwise. */
export function cursorOf(s: CursorState): number {
  return compareRows(s) ? s.row : s.step;
}

export function lastCursor(s: CursorState): number {
  const rows = compareRows(s);
  return rows ? rows.length - 1 : lastStep(s);
}

/** The state change that puts the cursor at `n` (both sides follow in compare mode). */
export function moveTo(s: CursorState, n: number): Pick<AppState, 'step'> & Partial<Pick<AppState, 'row'>> {
  const rows = compareRows(s);
  if (!rows) return { step: clampStep(s, n) };
  const row = Math.min(Math.max(0, Math.trunc(n)), rows.length - 1);
  return { row, step: sideStep(rows, row, 'a') };
}

/** Puts side A at hop `n` (the hop list's clicks); in compare mode, at the row of that hop. */
export function setStep(store: AppStore, n: number): void {
  store.setState((s) => {
    const rows = compareRows(s);
    return rows ? moveTo(s, rowOfStep(rows, clampStep(s, n))) : { step: clampStep(s, n) };
  });
}

export function setCursor(store: AppStore, n: number): void {
  store.setState((s) => moveTo(s, n));
}

export function stepForward(store: AppStore): void {
  store.setState((s) => ({ ...moveTo(s, cursorOf(s) + 1), playing: false }));
}

export function stepBack(store: AppStore): void {
  store.setState((s) => ({ ...moveTo(s, cursorOf(s) - 1), playing: false }));
}

export function reset(store: AppStore): void {
  store.setState((s) => ({ ...moveTo(s, 0), playing: false }));
}

export function toEnd(store: AppStore): void {
  store.setState((s) => ({ ...moveTo(s, lastCursor(s)), playing: false }));
}

/**
 * A clicker's "next" (PageDown, N): the lesson's next stop inside a lesson
 * (the lesson driver, state/lesson.ts, opens it), the next hop outside one.
 */
export function nextStop(store: AppStore): void {
  const l = store.getState().lesson;
  if (!l) return stepForward(store);
  if (l.stop + 1 < l.stops) store.setState({ lesson: { ...l, stop: l.stop + 1 }, playing: false });
}

/** A clicker's "previous" (PageUp, B): the previous stop inside a lesson, the previous hop outside one. */
export function prevStop(store: AppStore): void {
  const l = store.getState().lesson;
  if (!l) return stepBack(store);
  if (l.stop > 0) store.setState({ lesson: { ...l, stop: l.stop - 1 }, playing: false });
}

/** Play from the start again when the cursor already sits on the last hop. */
export function play(store: AppStore): void {
  store.setState((s) => ({ playing: s.trace !== undefined, ...(cursorOf(s) >= lastCursor(s) ? moveTo(s, 0) : {}) }));
}

export function pause(store: AppStore): void {
  store.setState({ playing: false });
}

export function togglePlay(store: AppStore): void {
  if (store.getState().playing) pause(store);
  else play(store);
}

/** One tick of the clock: advance, or stop at the last hop. */
export function tick(store: AppStore): void {
  store.setState((s) => {
    if (!s.playing) return {};
    if (cursorOf(s) >= lastCursor(s)) return { playing: false };
    return moveTo(s, cursorOf(s) + 1);
  });
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Runs `tick` every 1000/speed ms while playing; returns the stop function. */
export function startClock(store: AppStore, timers: Timers): () => void {
  let handle: unknown;
  const arm = () => {
    timers.clearTimeout(handle);
    handle = undefined;
    const s = store.getState();
    if (!s.playing) return;
    handle = timers.setTimeout(() => {
      handle = undefined;
      tick(store);
      arm();
    }, 1000 / s.speed);
  };
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.playing !== prev.playing || s.speed !== prev.speed) arm();
  });
  arm();
  return () => {
    unsubscribe();
    timers.clearTimeout(handle);
  };
}
