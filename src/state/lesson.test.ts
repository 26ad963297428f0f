/** The lesson seam of the state: the URL's lesson=&stop=, and the clicker keys inside and outside a lesson. */
import { describe, expect, it } from 'vitest';
import { nextStop, prevStop } from './player.ts';
import { createAppStore, initialState } from './store.ts';
import { readUrl, writeUrl } from './url.ts';
import type { Trace } from '../engine/index.ts';

const trace = { events: [{}, {}, {}, {}] } as unknown as Trace;

describe('lessons in the state', () => {
  it('reads lesson= and stop= (from 1) and handout=1', () => {
    expect(readUrl('?lesson=socket-lb&stop=3&handout=1')).toEqual({ lesson: 'socket-lb', stop: 3, handout: true });
    expect(readUrl('?lesson=socket-lb&stop=0')).toEqual({ lesson: 'socket-lb' });
  });

  it('writes the lesson and its stop, counted from 1, only inside a lesson', () => {
    expect(writeUrl(initialState({ lesson: { id: 'socket-lb', stop: 1, stops: 4 } }))).toMatch(/&lesson=socket-lb&stop=2$/);
    expect(writeUrl(initialState())).not.toMatch(/lesson=/);
  });

  it('PageDown/PageUp (nextStop/prevStop) move the stop inside a lesson, clamped, and leave the hop to the lesson', () => {
    const store = createAppStore({ trace, lesson: { id: 'x', stop: 0, stops: 2 } });
    nextStop(store);
    expect(store.getState()).toMatchObject({ lesson: { stop: 1 }, step: 0 });
    nextStop(store);
    expect(store.getState().lesson?.stop).toBe(1);
    prevStop(store);
    prevStop(store);
    expect(store.getState().lesson?.stop).toBe(0);
  });

  it('step hops outside a lesson', () => {
    const store = createAppStore({ trace });
    nextStop(store);
    nextStop(store);
    expect(store.getState().step).toBe(2);
    prevStop(store);
    expect(store.getState().step).toBe(1);
  });
});
