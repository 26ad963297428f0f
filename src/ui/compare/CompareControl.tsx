/**
 * "Compare with": opens the side-by-side view of the same flow under a mode
 * preset (side B) next to the current settings (side A), or closes it.
 */
import { MODE_PRESETS } from '../../engine/index.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { useApp, useServices, useT } from '../app/context.tsx';

export function CompareControl() {
  const t = useT();
  const { actions } = useServices();
  const spec = useApp((s) => s.compare?.spec);
  const has = useApp((s) => s.trace !== undefined);
  const known = spec === undefined || MODE_PRESETS.some((p) => p.id === spec);
  return (
    <div className="compare-control">
      <label className="setting">
        <span>{t('compare.with')}</span>
        <select
          data-testid="compare-select"
          value={spec ?? ''}
          disabled={!has && spec === undefined}
          onChange={(e) => void actions.setCompare(e.currentTarget.value || undefined)}
        >
          <option value="">{t('compare.none')}</option>
          {MODE_PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {t(`mode.${p.id}` as MessageKey)}
            </option>
          ))}
          {!known && spec && <option value={spec}>{spec}</option>}
        </select>
      </label>
      {spec !== undefined && (
        <button type="button" className="icon" aria-label={t('compare.close')} title={t('compare.close')} onClick={() => void actions.setCompare(undefined)}>
          ✕
        </button>
      )}
    </div>
  );
}
