/**
 * The hop sentence for screen readers: a polite live region, off screen,
 * whose text changes once per hop (when the cursor, the trace or the
 * language changes), never per animation frame. While the player runs or
 * the scrubber is dragged, only the hop it settles on for a moment is read,
 * so a fast Play does not queue a backlog of sentences. In the compare view
 * it reads the row and the sentence of each side that moved on it.
 */
import { useEffect, useState } from 'react';
import { explainHop, explainOutcome } from '../../i18n/index.ts';
import { lastStep } from '../../state/player.ts';
import { compareRows } from '../../state/compare.ts';
import { SIDES, selectCurrentEvent } from '../../state/selectors.ts';
import { useApp, useT } from '../app/context.tsx';

/** How long a hop must stay current before it is read (ms): longer than a scrubber drag's steps. */
export const SETTLE_MS = 250;

/** In the compare view: the row, then each side that moved on it (a waiting side is not read). */
function useCompareSentence(): string | undefined {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const rows = useApp((s) => compareRows(s)?.length);
  const row = useApp((s) => s.row);
  const a = useApp(SIDES.a.event);
  const b = useApp(SIDES.b.event);
  const idleA = useApp(SIDES.a.idle);
  const idleB = useApp(SIDES.b.idle);
  if (rows === undefined) return undefined;
  const sides = [
    a && !idleA ? `A: ${explainHop(lang, a)}` : '',
    b && !idleB ? `B: ${explainHop(lang, b)}` : '',
  ].filter(Boolean);
  return [`${t('compare.row', { n: row + 1, total: rows })}:`, ...sides].join(' ');
}

function useSentence(): string {
  const t = useT();
  const compare = useCompareSentence();
  const ev = useApp(selectCurrentEvent);
  const lang = useApp((s) => s.lang);
  const step = useApp((s) => s.step);
  const last = useApp(lastStep);
  const outcome = useApp((s) => s.trace?.outcome);
  if (compare !== undefined) return compare;
  if (!ev) return '';
  const end = step === last && outcome ? ` ${explainOutcome(lang, outcome)}` : '';
  return `${t('playback.hopOf', { n: step + 1, total: last + 1 })}: ${explainHop(lang, ev)}${end}`;
}

export function HopAnnouncer() {
  const sentence = useSentence();
  const [said, setSaid] = useState('');
  useEffect(() => {
    const id = setTimeout(() => setSaid(sentence), SETTLE_MS);
    return () => clearTimeout(id);
  }, [sentence]);
  return (
    <div className="sr-only" aria-live="polite" aria-atomic="true" data-testid="hop-announcer">
      {said}
    </div>
  );
}
