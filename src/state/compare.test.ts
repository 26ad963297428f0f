import { describe, expect, it } from 'vitest';
import type { AlignedRow } from '../engine/index.ts';
import { rowOfStep, sideBSettings, sideIdle, sideStep, specPairs } from './compare.ts';

// A: 0 1 2 . 3   B: 0 1 . 2 3 4  (row 2 only A, row 3 only B)
const rows: AlignedRow[] = [
  { a: 0, b: 0, same: true },
  { a: 1, b: 1, same: true },
  { a: 2, same: false },
  { b: 2, same: false },
  { a: 3, b: 3, same: true },
  { b: 4, same: false },
];

describe('compare spec', () => {
  it('puts the compared keys on top of side A settings, or says which pair is wrong', () => {
    expect(sideBSettings({ 'enable-ip-masq-agent': 'false', 'bpf-lb-sock': 'true' }, 'socket-lb-off')).toEqual({
      ok: true, settings: { 'enable-ip-masq-agent': 'false', 'bpf-lb-sock': 'false' },
    });
    expect(sideBSettings({}, 'routing-mode:tunnel,??')).toMatchObject({ ok: false, error: expect.stringContaining('"??" is not key=value') });
  });

  it('prints a spec as key=value pairs', () => {
    expect(specPairs('tunnel-geneve')).toBe('routing-mode=tunnel, tunnel-protocol=geneve');
    expect(specPairs('bpf-lb-sock:false')).toBe('bpf-lb-sock=false');
  });
});

describe('the shared cursor', () => {
  it('shows each side its own hop, or its last one while the other side moves on', () => {
    expect([0, 1, 2, 3, 4, 5].map((r) => sideStep(rows, r, 'a'))).toEqual([0, 1, 2, 2, 3, 3]);
    expect([0, 1, 2, 3, 4, 5].map((r) => sideStep(rows, r, 'b'))).toEqual([0, 1, 1, 2, 3, 4]);
    expect([0, 1, 2, 3, 4, 5].map((r) => sideIdle(rows, r, 'a'))).toEqual([false, false, false, true, false, true]);
    expect(sideStep([{ b: 0, same: false }, { a: 0, b: 1, same: true }], 0, 'a')).toBe(0);
  });

  it('finds the row of side A hop, for entering the view in place', () => {
    expect(rowOfStep(rows, 0)).toBe(0);
    expect(rowOfStep(rows, 3)).toBe(4);
    expect(rowOfStep(rows, 9)).toBe(5);
  });
});
