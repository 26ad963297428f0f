/**
 * Presenter mode: larger type, high contrast, secondary panels folded, and
 * fullscreen when the browser allows it (it needs a user gesture; refusing is fine).
 */
import type { AppStore } from '../../state/store.ts';

export function togglePresenter(store: AppStore): void {
  const on = !store.getState().presenter;
  store.setState({ presenter: on });
  const doc = document;
  try {
    if (on && !doc.fullscreenElement && doc.fullscreenEnabled) void doc.documentElement.requestFullscreen().catch(() => undefined);
    if (!on && doc.fullscreenElement) void doc.exitFullscreen().catch(() => undefined);
  } catch {
    // Fullscreen is a nicety; the mode works without it.
  }
}
