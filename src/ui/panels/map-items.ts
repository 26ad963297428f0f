/**
 * The rows of a map tab as one flat list for the virtualised panel: a head
 * per map (its name and row count), then its rows that pass the filter. Pure,
 * so the filter and the index of the lit rows are tested without a DOM.
 */
import type { MapName } from '../../engine/index.ts';
import type { MapRow } from '../../worker/protocol.ts';

export type MapItem =
  | { kind: 'head'; map: MapName; total: number; shown: number }
  | { kind: 'row'; map: MapName; row: MapRow }
  | { kind: 'empty'; map: MapName };

/** Lower-cased words of a filter; a row matches when its key or value holds every word. */
export const filterWords = (text: string): string[] => text.toLowerCase().split(/\s+/).filter(Boolean);

function matches(row: MapRow, words: readonly string[]): boolean {
  if (words.length === 0) return true;
  const key = row.key.toLowerCase();
  const value = row.value.toLowerCase();
  return words.every((w) => key.includes(w) || value.includes(w));
}

/**
 * Flattens `maps` (in tab order) into items. Lit rows always pass the filter:
 * the hop's proof never disappears behind a word typed earlier.
 */
export function mapItems(
  maps: readonly { map: MapName; rows: readonly MapRow[] | undefined }[],
  filter: string,
  lit: (map: MapName, key: string) => boolean,
): MapItem[] {
  const words = filterWords(filter);
  const out: MapItem[] = [];
  for (const { map, rows } of maps) {
    const head: MapItem = { kind: 'head', map, total: rows?.length ?? 0, shown: 0 };
    out.push(head);
    let shown = 0;
    for (const row of rows ?? []) {
      if (!matches(row, words) && !lit(map, row.key)) continue;
      out.push({ kind: 'row', map, row });
      shown++;
    }
    head.shown = shown;
    if (shown === 0) out.push({ kind: 'empty', map });
  }
  return out;
}

/** Index of the first item that is a lit row, or -1. */
export function firstLit(items: readonly MapItem[], lit: (map: MapName, key: string) => boolean): number {
  return items.findIndex((it) => it.kind === 'row' && lit(it.map, it.row.key));
}

/** The next row item from `from` in direction `d` (skipping heads), or `from` when there is none. */
export function nextRow(items: readonly MapItem[], from: number, d: 1 | -1): number {
  for (let i = from + d; i >= 0 && i < items.length; i += d) if (items[i]?.kind === 'row') return i;
  return from;
}
