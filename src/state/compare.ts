/**
 * The compare view's pure parts: what `compare=` in the URL means, the
 * settings of side B, and how the one shared cursor (a row of the aligned
 * hop lists) maps to each side's hop. Where a row has no hop on one side,
 * that side stays on its previous hop, so its marker waits for the other.
 */
import { parseSettingsSpec, settingsPairsText, type Settings, type AlignedRow, type SettingsParse } from '../engine/index.ts';
import type { CompareState } from './store.ts';

export type Side = 'a' | 'b';

/** Side B with nothing traced (yet, or any more): the part of CompareState a new spec or a failure resets. */
export const NO_COMPARISON: Readonly<Pick<CompareState, 'trace' | 'summary' | 'rows' | 'hopsA' | 'hopsB' | 'differing' | 'differences'>> = {
  trace: undefined,
  summary: undefined,
  rows: [],
  hopsA: 0,
  hopsB: 0,
  differing: 0,
  differences: { a: [], b: [] },
};

/** The aligned rows when the compare view steps both sides (side B is traced), else undefined. */
export function compareRows(s: { compare: CompareState | undefined }): readonly AlignedRow[] | undefined {
  const rows = s.compare?.trace ? s.compare.rows : undefined;
  return rows && rows.length > 0 ? rows : undefined;
}

/** Side B's overrides: side A's, with the compared ones (a preset id or pairs, engine/settings-pairs.ts) on top. */
export function sideBSettings(current: Settings, spec: string): SettingsParse {
  const extra = parseSettingsSpec(spec);
  return extra.ok ? { ok: true, settings: { ...current, ...extra.settings } } : extra;
}

/** The spec as a person reads it: a preset's pairs, or its own, as `key=value, key=value`. */
export function specPairs(spec: string): string {
  const r = parseSettingsSpec(spec);
  return r.ok ? settingsPairsText(r.settings, '=', ', ') : spec;
}

/** The hop of `side` to show at `row`: its own, else its last one before, else its first. */
export function sideStep(rows: readonly AlignedRow[], row: number, side: Side): number {
  for (let i = Math.min(row, rows.length - 1); i >= 0; i--) {
    const n = rows[i]?.[side];
    if (n !== undefined) return n;
  }
  for (const r of rows) if (r[side] !== undefined) return r[side];
  return 0;
}

/** True when `side` has no hop of its own at `row` (its marker waits). */
export function sideIdle(rows: readonly AlignedRow[], row: number, side: Side): boolean {
  return rows[row]?.[side] === undefined;
}

/** The row showing side A's hop `step` (to enter or leave compare mode in place). */
export function rowOfStep(rows: readonly AlignedRow[], step: number): number {
  const i = rows.findIndex((r) => r.a !== undefined && r.a >= step);
  return i < 0 ? Math.max(0, rows.length - 1) : i;
}
