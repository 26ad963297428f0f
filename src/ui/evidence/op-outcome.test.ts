import { describe, expect, it } from 'vitest';
import { opOutcome } from './op-outcome.ts';

describe('opOutcome', () => {
  it('calls an update that found no row an inserted row, never a miss', () => {
    expect(opOutcome({ op: 'update', hit: false })).toBe('inserted');
    expect(opOutcome({ op: 'update', hit: true })).toBe('updated');
    expect(opOutcome({ op: 'lookup', hit: false })).toBe('miss');
    expect(opOutcome({ op: 'lookup', hit: true })).toBe('hit');
  });
});
