/**
 * The P key: bring the current hop's map rows into view. The map panel owns
 * how (which tab, which rows, the answer rows of a lookup); it listens for
 * SHOW_HOP_ROWS with onShowHopRows and calls preventDefault() on the event
 * when it handled it. Unhandled, the first row the hop read or wrote in the
 * visible map table (aria-current) is scrolled into view, so P always does
 * something sensible.
 */
export const SHOW_HOP_ROWS = 'flowlab:show-hop-rows';

export function showHopRows(): void {
  const e = new Event(SHOW_HOP_ROWS, { cancelable: true });
  if (!window.dispatchEvent(e)) return;
  document.querySelector('.maps-pane tr[aria-current="true"]')?.scrollIntoView({ block: 'nearest' });
}

/** Subscribes the map panel to P; returns the unsubscribe for a useEffect. */
export function onShowHopRows(handler: (e: Event) => void): () => void {
  window.addEventListener(SHOW_HOP_ROWS, handler);
  return () => window.removeEventListener(SHOW_HOP_ROWS, handler);
}
