/**
 * Predict mode's own keys, only while a question is open or predict mode is
 * on: 1-4 pick a choice, Enter reveals and then shows the hop (→, Space and
 * a clicker's PageDown go through the same steps: controls/keys.ts). Enter
 * on a focused choice picks that choice before revealing it; on another
 * focused control Enter stays that control's. Outside predict mode these
 * keys are left to the page.
 */
import { useEffect } from 'react';
import { pickChoice, predictForward, predicting } from '../../state/predict/player.ts';
import type { AppStore } from '../../state/store.ts';
import { isTextField } from '../controls/keys.ts';

export function usePredictKeys(store: AppStore): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || isTextField(e.target) || document.querySelector('dialog[open]')) return;
      const s = store.getState();
      if (!predicting(s)) return;
      const digit = /^[1-4]$/.test(e.key) ? Number(e.key) - 1 : undefined;
      if (digit !== undefined && s.predictAsk && !s.predictAsk.revealed) {
        e.preventDefault();
        pickChoice(store, digit);
      } else if (e.key === 'Enter') {
        const el = e.target instanceof HTMLElement ? e.target : null;
        const choice = el?.closest<HTMLElement>('[data-choice]');
        // Another focused control (a button, a link, a dropdown) keeps its Enter: a keyboard user presses it.
        if (!choice && el?.closest('button, a, select, summary, [role="switch"]')) return;
        e.preventDefault();
        if (choice) pickChoice(store, Number(choice.dataset.choice));
        predictForward(store);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
