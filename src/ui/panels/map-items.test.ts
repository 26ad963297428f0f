import { describe, expect, it } from 'vitest';
import type { MapRow } from '../../worker/protocol.ts';
import { firstLit, mapItems, nextRow } from './map-items.ts';

const rows = (n: number): MapRow[] =>
  Array.from({ length: n }, (_, i) => ({ map: 'cilium_ipcache', key: `10.0.${i >> 8}.${i & 255}/32`, value: `identity=${1000 + i}` }));

describe('mapItems: the virtual list of a map tab', () => {
  const ipcache = rows(5000);
  const lit = (_m: string, k: string) => k === '10.0.19.135/32';

  it('keeps every row without a filter, a head first', () => {
    const items = mapItems([{ map: 'cilium_ipcache', rows: ipcache }], '', lit);
    expect(items).toHaveLength(5001);
    expect(items[0]).toEqual({ kind: 'head', map: 'cilium_ipcache', total: 5000, shown: 5000 });
    expect(firstLit(items, lit)).toBe(1 + 19 * 256 + 135);
  });

  it('filters on every word in key or value, and the lit row stays', () => {
    const items = mapItems([{ map: 'cilium_ipcache', rows: ipcache }], 'identity=1007', lit);
    const keys = items.flatMap((it) => (it.kind === 'row' ? [it.row.key] : []));
    // Identities run 1000..5999, so only 1007 matches; the lit row stays although it does not match.
    expect(keys).toEqual(['10.0.0.7/32', '10.0.19.135/32']);
    expect(items[0]).toMatchObject({ total: 5000, shown: 2 });
    const none = mapItems([{ map: 'cilium_ipcache', rows: ipcache }], 'nothing-matches', () => false);
    expect(none.map((i) => i.kind)).toEqual(['head', 'empty']);
  });

  it('moves between rows, skipping heads, and stays at the ends', () => {
    const items = mapItems([{ map: 'cilium_lb4_services_v2', rows: rows(2) }, { map: 'cilium_lb4_backends_v3', rows: rows(1) }], '', () => false);
    expect(items.map((i) => i.kind)).toEqual(['head', 'row', 'row', 'head', 'row']);
    expect(nextRow(items, 2, 1)).toBe(4);
    expect(nextRow(items, 4, 1)).toBe(4);
    expect(nextRow(items, 1, -1)).toBe(1);
  });
});
