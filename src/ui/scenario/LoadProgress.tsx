/**
 * The progress bar of a running load (bytes, objects, phase, as the worker
 * reports them every 100 ms) and its Cancel, which ends the load and keeps
 * the scenario that was loaded before.
 */
import { useApp, useServices, useT } from '../app/context.tsx';
import { loadPercent, sizeText } from './load-percent.ts';

export function LoadProgressBar() {
  const t = useT();
  const { client } = useServices();
  const busy = useApp((s) => s.busy);
  const p = useApp((s) => s.loadProgress);
  if (!busy || !p) return null;
  const percent = loadPercent(p);
  const phase = t(`load.${p.phase}`);
  const bytes = t('load.bytes', { done: sizeText(p.bytes), total: sizeText(p.totalBytes) });
  const objects = p.objects > 0 ? ` · ${t('load.objects', { count: p.objects.toLocaleString() })}` : '';
  return (
    <div className="load-progress">
      <div
        role="progressbar"
        aria-label={t('load.progress', { phase })}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${phase}: ${percent}%`}
        className="load-bar"
      >
        <div className="load-bar-fill" style={{ width: `${percent}%` }} />
      </div>
      <span className="load-text" data-phase={p.phase}>
        {phase} · {bytes}{objects}
      </span>
      <button type="button" onClick={() => client.cancel()}>
        {t('app.cancel')}
      </button>
    </div>
  );
}
