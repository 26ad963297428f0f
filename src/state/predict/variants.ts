/**
 * The other configurations predict mode traces the same flow under: each
 * choice the settings bar offers (src/state/settings-choices.ts), one
 * change at a time from the settings in force, so a wrong choice is "what
 * Cilium would do if only this were different". Pure; deduplicated by the
 * configuration they end up with, so two names for one datapath trace once.
 */
import { MODE_PRESETS, settingsPairsText, type Settings } from '../../engine/index.ts';
import { ROUTING_CHOICES, routingChoice, withRouting, withSwitch, type RoutingChoice } from '../settings-choices.ts';
import type { SettingKey } from '../../worker/summary.ts';

/** How the reveal names a configuration (rendered from the UI catalog). */
export type VariantLabel =
  | { kind: 'routing'; choice: RoutingChoice }
  | { kind: 'switch'; key: SettingKey; on: boolean }
  | { kind: 'mode'; id: string }
  | { kind: 'policy'; value: string };

export interface Variant {
  /** Stable id (`routing:vxlan`, `switch:bpf-lb-sock:off`, `mode:kube-proxy`, `policy:always`). */
  id: string;
  label: VariantLabel;
  /** The full overrides to trace under (the settings in force with the one change). */
  settings: Settings;
}

/** The switches of the settings bar (SettingsBar.tsx SWITCHES), in its order. */
export const PREDICT_SWITCHES: readonly SettingKey[] = ['enable-ip-masq-agent', 'kube-proxy-replacement', 'bpf-lb-sock', 'enable-host-legacy-routing'];
const POLICY_VALUES = ['default', 'always', 'never'] as const;

/** The settings bar's other choices from here; monitor-aggregation is left out (it changes only Hubble's output). */
export function predictVariants(settings: Settings, config: Record<SettingKey, string>): Variant[] {
  const out: Variant[] = [];
  const routing = routingChoice(config);
  for (const choice of ROUTING_CHOICES) {
    if (choice !== routing) out.push({ id: `routing:${choice}`, label: { kind: 'routing', choice }, settings: withRouting(settings, choice) });
  }
  for (const key of PREDICT_SWITCHES) {
    const on = config[key] !== 'true';
    out.push({ id: `switch:${key}:${on ? 'on' : 'off'}`, label: { kind: 'switch', key, on }, settings: withSwitch(settings, config, key, on) });
  }
  for (const p of MODE_PRESETS) out.push({ id: `mode:${p.id}`, label: { kind: 'mode', id: p.id }, settings: { ...settings, ...p.settings } });
  for (const value of POLICY_VALUES) {
    if (value !== config['enable-policy']) out.push({ id: `policy:${value}`, label: { kind: 'policy', value }, settings: { ...settings, 'enable-policy': value } });
  }
  // The configuration each ends up with: the switches in force with the variant's overrides on top.
  const effective = (s: Settings) => settingsPairsText({ ...config, ...s });
  const seen = new Set([effective(settings)]);
  return out.filter((v) => {
    const key = effective(v.settings);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
