/**
 * The cilium-config the flow runs under: a datapath mode (the engine's
 * presets), routing, the switches a class flips, and the Hubble and policy
 * knobs. Switches move the keys the agent needs moved with them; when the
 * agent still refuses, the reason shows here and the trace stays.
 */
import { MODE_PRESETS, settingsPairsText } from '../../engine/index.ts';
import type { MessageKey } from '../../i18n/index.ts';
import type { SettingKey } from '../../worker/summary.ts';
import { useApp, useServices, useT } from '../app/context.tsx';
import { currentMode, modeSettings, prune, ROUTING_CHOICES, routingChoice, withRouting, withSwitch, type RoutingChoice } from '../../state/settings-choices.ts';

const SWITCHES: SettingKey[] = ['enable-ip-masq-agent', 'kube-proxy-replacement', 'bpf-lb-sock', 'enable-host-legacy-routing'];
const SELECTS: { key: SettingKey; values: string[] }[] = [
  { key: 'monitor-aggregation', values: ['none', 'low', 'medium', 'maximum'] },
  { key: 'enable-policy', values: ['default', 'always', 'never'] },
];

export function SettingsBar() {
  const t = useT();
  const { actions } = useServices();
  const config = useApp((s) => s.summary?.config);
  const base = useApp((s) => s.summary?.base);
  const settings = useApp((s) => s.settings);
  if (!config || !base) return null;
  const mode = currentMode(settings, base);
  const routing = routingChoice(config);
  const apply = (next: typeof settings) => void actions.setSettings(prune(next, base));
  return (
    <div className="settings" role="group" aria-label={t('settings.title')} title={t('settings.title')}>
      <label className="setting">
        <span>{t('settings.mode')}</span>
        <select data-setting="mode" value={mode} onChange={(e) => apply(e.currentTarget.value === 'scenario' ? {} : modeSettings(e.currentTarget.value))}>
          <option value="scenario">{t('settings.mode.scenario')}</option>
          {MODE_PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {t(`mode.${p.id}` as MessageKey)}
            </option>
          ))}
          {mode === 'custom' && (
            <option value="custom" disabled>
              {t('settings.mode.custom', { pairs: settingsPairsText(settings, '=', ', ') })}
            </option>
          )}
        </select>
      </label>
      <label className="setting">
        <span>{t('settings.routing-mode')}</span>
        <select data-setting="routing-mode" value={routing} onChange={(e) => apply(withRouting(settings, e.currentTarget.value as RoutingChoice))}>
          {ROUTING_CHOICES.map((c) => (
            <option key={c} value={c}>
              {c === 'native' ? 'native' : `tunnel · ${c}`}
            </option>
          ))}
        </select>
      </label>
      {SWITCHES.map((key) => {
        const on = config[key] === 'true';
        return (
          <button
            key={key}
            type="button"
            role="switch"
            aria-checked={on}
            data-setting={key}
            className={on ? 'setting switch is-on' : 'setting switch'}
            title={key === 'kube-proxy-replacement' ? `${key}: ${config[key]}. ${t('settings.kprHint')}` : `${key}: ${config[key]}`}
            onClick={() => apply(withSwitch(settings, config, key, !on))}
          >
            <span className="switch-knob" aria-hidden="true" />
            {t(`settings.${key}`)}
          </button>
        );
      })}
      <details className="more-settings">
        <summary title={SELECTS.map((x) => `${x.key}: ${config[x.key]}`).join(', ')}>{t('settings.more')}</summary>
        <div className="more-settings-body">
          {SELECTS.map(({ key, values }) => (
            <label key={key} className="setting">
              <span>{t(`settings.${key}`)}</span>
              <select data-setting={key} value={config[key]} onChange={(e) => apply({ ...settings, [key]: e.currentTarget.value })}>
                {values.map((v) => (
                  <option key={v} value={v}>
                    {v}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </div>
      </details>
      {Object.keys(settings).length > 0 && (
        <button type="button" className="link" onClick={() => apply({})}>
          {t('settings.reset')}
        </button>
      )}
      <SettingsError />
    </div>
  );
}

function SettingsError() {
  const t = useT();
  const { store } = useServices();
  const error = useApp((s) => s.settingsError);
  if (!error) return null;
  return (
    <p className="settings-error" role="alert" data-testid="settings-error">
      {t('settings.refused', { message: error.message })}{' '}
      <button type="button" className="link" aria-label={t('notice.dismiss')} onClick={() => store.setState({ settingsError: undefined })}>
        ✕
      </button>
    </p>
  );
}
