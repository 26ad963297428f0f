import { describe, expect, it } from 'vitest';
import { loadPercent } from './load-percent.ts';

describe('loadPercent', () => {
  const at = { bytes: 10, totalBytes: 10, objects: 5, totalObjects: 5 };
  it('moves through deriving as the engine reports its share', () => {
    expect(loadPercent({ ...at, phase: 'derive' })).toBe(85);
    expect(loadPercent({ ...at, phase: 'derive', derived: 0.5 })).toBe(93);
    expect(loadPercent({ ...at, phase: 'derive', derived: 1 })).toBe(100);
  });
});
