import { describe, expect, it } from 'vitest';
import type { TableRows } from '../../worker/protocol.ts';
import { keepUnchanged } from './use-tables.ts';

describe('keepUnchanged', () => {
  const a: TableRows = { map: 'cilium_ipcache', rows: [{ map: 'cilium_ipcache', key: '0.0.0.0/0', value: 'identity=2' }] };
  const b: TableRows = { map: 'cilium_ct4_global', rows: [] };

  it('reuses the previous objects when nothing changed', () => {
    const prev = [a, b];
    expect(keepUnchanged(prev, [{ ...a, rows: [...a.rows] }, { ...b }])).toBe(prev);
  });

  it('replaces only the maps whose rows changed', () => {
    const next: TableRows[] = [{ ...a, rows: [...a.rows] }, { map: 'cilium_ct4_global', rows: [{ map: 'cilium_ct4_global', key: 'TCP OUT x', value: 'y' }] }];
    const out = keepUnchanged([a, b], next);
    expect(out[0]).toBe(a);
    expect(out[1]).toBe(next[1]);
  });
});
