/**
 * The classroom keys: Space play/pause, Right/Left step, Home/End,
 * PageDown/PageUp and N/B (what presentation clickers send) the next and
 * previous stop, P the hop's map rows into view, F presenter mode, ? the legend. They work wherever focus is
 * except a text field (the terminal, the "to" field, the port), so a focused
 * dropdown or button never eats them: a dropdown would otherwise turn → into
 * "next option" and load another scenario or change a setting. Choosing in a
 * dropdown also hands focus back to the page (see useSelectReturnsFocus).
 */
import { useEffect } from 'react';
import { nextStop, pause, prevStop, reset, stepBack, stepForward, toEnd, togglePlay } from '../../state/player.ts';
import type { AppStore } from '../../state/store.ts';
import { revealHopRows } from '../../state/evidence.ts';
import { tabOfMap } from '../panels/map-tabs.ts';
import { togglePresenter } from './presenter.ts';
import { orPredict, orPredictBack, orPredictStop, unlessPredicting } from '../../state/predict/player.ts';

/** A field where letters and arrows edit text: the keys belong to it. */
export function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement) return true;
  if (target instanceof HTMLInputElement) return !['range', 'checkbox', 'radio', 'button', 'submit', 'reset', 'color'].includes(target.type);
  return false;
}

export type KeyAction = (store: AppStore) => void;

/** Key → action; exported so the README's list and the legend can be checked against it. */
export const KEYS: Readonly<Record<string, KeyAction>> = {
  // In predict mode the "next" keys ask, reveal, then show the next hop (state/predict/player.ts).
  ' ': orPredict(togglePlay),
  ArrowRight: orPredict(stepForward),
  ArrowLeft: orPredictBack(stepBack),
  Home: reset,
  // End would show every hop at once: not while the class is predicting them.
  End: unlessPredicting(toEnd),
  // Inside a lesson the clicker's next goes from stop to stop, revealing an open question first.
  PageDown: orPredictStop(nextStop),
  PageUp: orPredictBack(prevStop),
  n: orPredictStop(nextStop),
  N: orPredictStop(nextStop),
  b: orPredictBack(prevStop),
  B: orPredictBack(prevStop),
  // P: the proof. The map panel opens the hop's tab and scrolls its rows into view (issue #7 point 3).
  p: (store) => revealHopRows(store, tabOfMap),
  P: (store) => revealHopRows(store, tabOfMap),
  // F ("full screen"): P is the key for the hop's rows (#7), so presenter mode moved here.
  f: togglePresenter,
  F: togglePresenter,
  '?': (store) => store.setState((s) => ({ legend: !s.legend })),
  Escape: (store) => {
    pause(store);
    store.setState({ pick: undefined });
  },
};

export function useKeyboard(store: AppStore): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || isTextField(e.target)) return;
      const f = KEYS[e.key];
      if (!f) return;
      // A modal dialog (open a scenario) keeps its keys; the legend closes with ? as well as Escape.
      const dialog = document.querySelector('dialog[open]');
      if (dialog && !(e.key === '?' && dialog.classList.contains('legend'))) return;
      // Space opens a focused dropdown: the one key a keyboard user needs to choose in it.
      if (e.key === ' ' && e.target instanceof HTMLSelectElement) return;
      // The scrubber would move twice, a dropdown would change, a focused button would click.
      e.preventDefault();
      f(store);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
  useSelectReturnsFocus();
}

/**
 * After a choice in a dropdown, focus goes back to the page, so the next →
 * steps the hop instead of moving the dropdown to its next option. Arrow
 * keys on a closed dropdown (↑/↓ change it option by option) keep focus, so a
 * keyboard user can still walk the options.
 */
export function useSelectReturnsFocus(): void {
  useEffect(() => {
    let lastKey = '';
    const onKey = (e: KeyboardEvent) => {
      lastKey = e.key;
    };
    const onPointer = () => {
      lastKey = '';
    };
    const onChange = (e: Event) => {
      const el = e.target;
      if (!(el instanceof HTMLSelectElement)) return;
      if (lastKey === 'ArrowUp' || lastKey === 'ArrowDown') return;
      el.blur();
    };
    document.addEventListener('keydown', onKey, true);
    document.addEventListener('pointerdown', onPointer, true);
    document.addEventListener('change', onChange, true);
    return () => {
      document.removeEventListener('keydown', onKey, true);
      document.removeEventListener('pointerdown', onPointer, true);
      document.removeEventListener('change', onChange, true);
    };
  }, []);
}
