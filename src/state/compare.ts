/**
 * The compare view's pure parts: what `compare=` in the URL means, the
 * settings of side B, and how the one shared cursor (a row of the aligned
 * hop lists) maps to each side's hop. Where a row has no hop on one side,
 * that side stays on its previous hop, so its marker waits for the other.
 */
import type { Settings } from '../engine/api.ts';
import type { AlignedRow } from '../engine/compare.ts';
import { MODE_PRESETS } from '../engine/modes.ts';
import type { CompareState } from './store.ts';

export type Side = 'a' | 'b';

/** Side B with nothing traced (yet, or any more): the part of CompareState a new spec or a failure resets. */
export const NO_COMPARISON: Readonly<Pick<CompareState, 'trace' | 'summary' | 'rows' | 'hopsA' | 'hopsB' | 'differing'>> = {
  trace: undefined,
  summary: undefined,
  rows: [],
  hopsA: 0,
  hopsB: 0,
  differing: 0,
};

/** The aligned rows when the compare view steps both sides (side B is traced), else undefined. */
export function compareRows(s: { compare: CompareState | undefined }): readonly AlignedRow[] | undefined {
  const rows = s.compare?.trace ? s.compare.rows : undefined;
  return rows && rows.length > 0 ? rows : undefined;
}

/** Settings named by a preset id (`tunnel-vxlan`) or `key:value,key=value`; undefined when it is neither. */
export function parseCompareSpec(spec: string): Settings | undefined {
  const text = spec.trim();
  if (!text) return undefined;
  const preset = MODE_PRESETS.find((p) => p.id === text);
  if (preset) return { ...preset.settings };
  const out: Settings = {};
  for (const pair of text.split(',')) {
    const i = pair.search(/[:=]/);
    if (i <= 0) return undefined;
    const value = pair.slice(i + 1).trim();
    if (!value) return undefined;
    out[pair.slice(0, i).trim()] = value;
  }
  return out;
}

/** Side B's overrides: side A's, with the compared ones on top. */
export function sideBSettings(current: Settings, spec: string): Settings | undefined {
  const extra = parseCompareSpec(spec);
  return extra ? { ...current, ...extra } : undefined;
}

/** The spec as a person reads it: a preset's id, or its pairs as `key=value`. */
export function specPairs(spec: string): string {
  const preset = MODE_PRESETS.find((p) => p.id === spec);
  if (preset) return Object.entries(preset.settings).map(([k, v]) => `${k}=${v}`).join(', ');
  return spec.replaceAll(':', '=').replaceAll(',', ', ');
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
