import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../state/store.ts';
import { fixtureTrace } from '../../worker/fixture.test-helper.ts';
import { KEYS } from './keys.ts';

const trace = fixtureTrace({ from: 'client', to: 'server', proto: 'icmp' });

describe('the classroom keys', () => {
  it('step hops with a clicker\'s PageDown/PageUp and with N/B, as with the arrows (no lessons yet)', () => {
    const store = createAppStore({ trace });
    for (const k of ['PageDown', 'n', 'N', 'ArrowRight']) KEYS[k]?.(store);
    expect(store.getState().step).toBe(4);
    for (const k of ['PageUp', 'b', 'B']) KEYS[k]?.(store);
    expect(store.getState().step).toBe(1);
    KEYS.End?.(store);
    expect(store.getState().step).toBe(trace.events.length - 1);
    KEYS.Home?.(store);
    expect(store.getState().step).toBe(0);
  });

  it('open and close the legend with ?, and Escape cancels a pod picked as the source', () => {
    const store = createAppStore({ trace, pick: 'netpod' });
    KEYS['?']?.(store);
    expect(store.getState().legend).toBe(true);
    KEYS['?']?.(store);
    expect(store.getState().legend).toBe(false);
    KEYS.Escape?.(store);
    expect(store.getState().pick).toBeUndefined();
  });
});

describe('P and F', () => {
  it('P brings the hop\'s map rows into view (issue #7), F toggles presenter mode', async () => {
    const { togglePresenter } = await import('./presenter.ts');
    const store = createAppStore();
    const before = store.getState().reveal;
    KEYS.p?.(store);
    expect(store.getState().reveal).toBe(before + 1);
    KEYS.P?.(store);
    expect(store.getState().reveal).toBe(before + 2);
    expect(KEYS.f).toBe(togglePresenter);
    expect(KEYS.F).toBe(togglePresenter);
  });
});
