/** One side's current hop in the compare view: which side, its hop, its sentence. */
import { hopDirection, MODE_PRESETS } from '../../engine/index.ts';
import { explainHop, explainOutcome, kindName, type MessageKey } from '../../i18n/index.ts';
import { specPairs, type Side } from '../../state/compare.ts';
import { isDropped, SIDES } from '../../state/selectors.ts';
import { useApp, useT } from '../app/context.tsx';
import type { T } from '../app/context.tsx';

/** Side B's name: the preset's translated label, or its key=value pairs. */
export function sideBName(t: T, spec: string): string {
  return MODE_PRESETS.some((p) => p.id === spec) ? t(`mode.${spec}` as MessageKey) : specPairs(spec);
}

export function SideCaption({ side }: { side: Side }) {
  const t = useT();
  const sel = SIDES[side];
  const ev = useApp(sel.event);
  const step = useApp(sel.step);
  const idle = useApp(sel.idle);
  const total = useApp((s) => sel.trace(s)?.events.length ?? 0);
  const outcome = useApp((s) => sel.trace(s)?.outcome);
  const lang = useApp((s) => s.lang);
  const spec = useApp((s) => s.compare?.spec ?? '');
  // The aligned packet this side's hop belongs to (the e2e checks the two sides stay within one).
  const group = useApp((s) => s.compare?.rows.find((r) => r[side] === step)?.group);
  const title = side === 'a' ? t('compare.sideA') : t('compare.sideB', { what: sideBName(t, spec) });
  const dropped = ev !== undefined && isDropped(ev);
  return (
    <div className={`side-caption side-${side}${ev ? ` dir-${hopDirection(ev)}` : ''}${dropped ? ' is-drop' : ''}${idle ? ' is-idle' : ''}`} data-testid={`caption-${side}`} data-packet={group}>
      <div className="caption-meta">
        <span className={`side-tag side-tag-${side}`}>{title}</span>
        {ev && <span className="caption-step">{t('playback.hopOf', { n: step + 1, total })}</span>}
        {ev && (
          <span className="caption-kind" title={ev.kind}>
            {kindName(lang, ev.kind)}
          </span>
        )}
        {ev && (
          <span className="caption-where">
            {ev.node} · {ev.iface}
          </span>
        )}
      </div>
      {ev && (
        <p className="side-text" lang={lang}>
          {idle ? t('compare.waiting') : explainHop(lang, ev)}
        </p>
      )}
      {ev && step === total - 1 && outcome && <p className={`caption-outcome outcome-${outcome.status}`}>{explainOutcome(lang, outcome)}</p>}
    </div>
  );
}
