/**
 * The classroom keys: Space play/pause, Right/Left step, Home/End, P
 * presenter mode. Ignored while typing in a field, so the terminal and the
 * flow picker keep their keys.
 */
import { useEffect } from 'react';
import { pause, reset, stepBack, stepForward, toEnd, togglePlay } from '../../state/player.ts';
import type { AppStore } from '../../state/store.ts';
import { togglePresenter } from './presenter.ts';

export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return target.type !== 'range' && target.type !== 'checkbox' && target.type !== 'button';
  return false;
}

export function useKeyboard(store: AppStore): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || isTyping(e.target)) return;
      if (document.querySelector('dialog[open]')) return;
      const act: Record<string, () => void> = {
        ' ': () => togglePlay(store),
        ArrowRight: () => stepForward(store),
        ArrowLeft: () => stepBack(store),
        Home: () => reset(store),
        End: () => toEnd(store),
        p: () => togglePresenter(store),
        P: () => togglePresenter(store),
        Escape: () => pause(store),
      };
      const f = act[e.key];
      if (!f) return;
      // The scrubber would move twice (native + ours) and a focused button would click.
      e.preventDefault();
      f();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
