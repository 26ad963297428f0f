/**
 * The cilium-config switches the engine models. Each shows its effective
 * value; changing one re-derives the datapath and re-traces the flow at the
 * same hop when it still exists.
 */
import { SETTING_KEYS, type SettingKey } from '../../worker/summary.ts';
import { useApp, useServices, useT } from '../app/context.tsx';

const CHOICES: Partial<Record<SettingKey, string[]>> = { 'routing-mode': ['native', 'tunnel'] };

export function SettingsBar() {
  const t = useT();
  const { actions } = useServices();
  const config = useApp((s) => s.summary?.config);
  const overridden = useApp((s) => Object.keys(s.settings).length > 0);
  if (!config) return null;
  return (
    <div className="settings" role="group" aria-label={t('settings.title')}>
      <span className="settings-title">{t('settings.title')}</span>
      {SETTING_KEYS.map((key) => {
        const value = config[key];
        const choices = CHOICES[key];
        if (choices) {
          return (
            <label key={key} className="setting">
              <span>{t(`settings.${key}`)}</span>
              <select data-setting={key} value={value} onChange={(e) => void actions.setSetting(key, e.currentTarget.value)}>
                {choices.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            </label>
          );
        }
        const on = value === 'true';
        return (
          <button
            key={key}
            type="button"
            role="switch"
            aria-checked={on}
            data-setting={key}
            className={on ? 'setting switch is-on' : 'setting switch'}
            title={`${key}: ${value}`}
            onClick={() => void actions.setSetting(key, on ? 'false' : 'true')}
          >
            <span className="switch-knob" aria-hidden="true" />
            {t(`settings.${key}`)}
          </button>
        );
      })}
      {overridden && (
        <button type="button" className="link" onClick={() => void actions.setSettings({})}>
          {t('settings.reset')}
        </button>
      )}
    </div>
  );
}
