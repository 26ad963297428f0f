import { describe, expect, it } from 'vitest';
import { LISTED_PODS, listedPods } from './FlowPicker.tsx';

describe('the flow picker lists a bounded number of pods', () => {
  it('lists every pod of a lab-sized cluster, and the first LISTED_PODS of a big one', () => {
    const lab = ['a', 'b', 'c'];
    expect(listedPods(lab)).toBe(lab);
    const big = Array.from({ length: 101_000 }, (_, i) => `pod-${i}`);
    const listed = listedPods(big);
    expect(listed).toHaveLength(LISTED_PODS);
    expect(listed[0]).toBe('pod-0');
  });
});
