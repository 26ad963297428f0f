import { describe, expect, it } from 'vitest';
import { keepUnchanged } from './useTables.ts';

describe('keepUnchanged', () => {
  const a = { map: 'cilium_ipcache', rows: [{ key: '0.0.0.0/0', value: 'identity=2' }] };
  const b = { map: 'cilium_ct4_global', rows: [] };

  it('reuses the previous objects when nothing changed', () => {
    const prev = [a, b];
    expect(keepUnchanged(prev, [{ ...a, rows: [...a.rows] }, { ...b }])).toBe(prev);
  });

  it('replaces only the maps whose rows changed', () => {
    const next = [{ ...a, rows: [...a.rows] }, { map: 'cilium_ct4_global', rows: [{ key: 'TCP OUT x', value: 'y' }] }];
    const out = keepUnchanged([a, b], next);
    expect(out[0]).toBe(a);
    expect(out[1]).toBe(next[1]);
  });
});
