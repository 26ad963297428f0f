/**
 * The hop sentence for screen readers: a polite live region, off screen,
 * whose text changes once per hop (when the cursor, the trace or the
 * language changes), never per animation frame. While the player runs or
 * the scrubber is dragged, only the hop it settles on for a moment is read,
 * so a fast Play does not queue a backlog of sentences.
 */
import { useEffect, useState } from 'react';
import { explainHop, explainOutcome } from '../../i18n/index.ts';
import { lastStep } from '../../state/player.ts';
import { selectCurrentEvent } from '../../state/selectors.ts';
import { useApp, useT } from '../app/context.tsx';

/** How long a hop must stay current before it is read (ms): longer than a scrubber drag's steps. */
export const SETTLE_MS = 250;

function useSentence(): string {
  const t = useT();
  const ev = useApp(selectCurrentEvent);
  const lang = useApp((s) => s.lang);
  const step = useApp((s) => s.step);
  const last = useApp(lastStep);
  const outcome = useApp((s) => s.trace?.outcome);
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
