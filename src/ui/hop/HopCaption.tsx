/**
 * The current hop's one sentence, large: what the room reads. Its pane has a
 * fixed height (the drawing below never moves): a sentence too long for it
 * is set a step smaller, up to three steps, rather than growing the pane.
 */
import { useLayoutEffect, useRef, useState } from 'react';
import { hopDirection } from '../../engine/index.ts';
import { explainHop, explainOutcome, kindName } from '../../i18n/index.ts';
import { lastStep } from '../../state/player.ts';
import { isDropped, selectCurrentEvent } from '../../state/selectors.ts';
import { useApp, useT } from '../app/context.tsx';
import { policyText } from './policy-text.ts';

export function HopCaption() {
  const t = useT();
  const ev = useApp(selectCurrentEvent);
  const lang = useApp((s) => s.lang);
  const step = useApp((s) => s.step);
  const last = useApp(lastStep);
  const outcome = useApp((s) => s.trace?.outcome);
  const error = useApp((s) => s.traceError);
  const presenter = useApp((s) => s.presenter);
  const fit = useFit([ev, lang, step, presenter, outcome]);
  if (error) {
    return (
      <div className="caption is-error" role="alert">
        <p className="caption-text">{t('flow.error', { message: error.message })}</p>
        {error.known.length > 0 && <p className="caption-known">{t('flow.known', { names: error.known.join(', ') })}</p>}
      </div>
    );
  }
  if (!ev) return <div className="caption"><p className="caption-text">{t('inspector.empty')}</p></div>;
  const dropped = isDropped(ev);
  const policy = policyText(t, lang, ev);
  return (
    <div
      ref={fit.ref}
      className={`caption dir-${hopDirection(ev)}${dropped ? ' is-drop' : ''}${fit.level ? ` fit-${fit.level}` : ''}`}
      data-testid="hop-caption"
    >
      <div className="caption-meta">
        <span className="caption-step">{t('playback.hopOf', { n: step + 1, total: last + 1 })}</span>
        <span className={`dir-chip dir-${hopDirection(ev)}`}>{t(hopDirection(ev) === 'reply' ? 'dir.reply' : 'dir.request')}</span>
        <span className="caption-kind" title={ev.kind}>
          {kindName(lang, ev.kind)}
        </span>
        <span className="caption-where">
          {ev.node} · {ev.iface} · {ev.hook}
        </span>
      </div>
      <p className="caption-text" lang={lang}>
        {explainHop(lang, ev)}
      </p>
      {policy && (
        <p className={`policy-line ${policy.allowed ? 'is-allow' : 'is-deny'}`} data-testid="policy-line">
          {policy.allowed ? '✔' : '✕'} {policy.verdict}
          <span className="policy-rule">
            {policy.policy && !policy.rule.includes(policy.policy) ? `${policy.policy}: ` : ''}
            {policy.rule}
          </span>
        </p>
      )}
      {step === last && outcome && <p className={`caption-outcome outcome-${outcome.status}`}>{explainOutcome(lang, outcome)}</p>}
    </div>
  );
}

/**
 * The smallest step (0..3) at which the caption fits its pane. Measured
 * before paint on every change of what it shows, starting again from 0.
 */
function useFit(deps: readonly unknown[]) {
  const ref = useRef<HTMLDivElement>(null);
  const [level, setLevel] = useState(0);
  const [key, setKey] = useState(deps);
  if (deps.some((d, i) => d !== key[i])) {
    setKey(deps);
    setLevel(0);
  }
  useLayoutEffect(() => {
    const el = ref.current;
    const pane = el?.parentElement?.closest('section');
    if (!el || !pane || level >= 3) return;
    if (el.scrollHeight > pane.clientHeight + 1) setLevel(level + 1);
  });
  return { ref, level };
}
