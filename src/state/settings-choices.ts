/**
 * The settings bar's choices as coherent bundles of cilium-config keys
 * (pure, tested in Node). The agent refuses some single switches (kube-proxy
 * mode with BPF masquerade on, ip-masq-agent without BPF masquerade), so a
 * switch here changes the keys that must move with it.
 */
import { MODE_PRESETS, type Settings } from '../engine/index.ts';
import type { SettingKey } from '../worker/summary.ts';

/** Keys the kube-proxy preset turns off together. */
const KUBE_PROXY = MODE_PRESETS.find((p) => p.id === 'kube-proxy')?.settings ?? {};

const same = (a: Settings, b: Settings) => {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
};

/**
 * The mode preset whose overrides are exactly `settings` (once what the
 * scenario already says is dropped from both); 'scenario' for none; 'custom' otherwise.
 */
export function currentMode(settings: Settings, base?: Record<SettingKey, string>): string {
  if (Object.keys(settings).length === 0) return 'scenario';
  const norm = (x: Settings) => (base ? prune(x, base) : x);
  return MODE_PRESETS.find((p) => same(norm(p.settings), norm(settings)))?.id ?? 'custom';
}

export function modeSettings(id: string): Settings {
  return { ...(MODE_PRESETS.find((p) => p.id === id)?.settings ?? {}) };
}

function without(settings: Settings, keys: string[]): Settings {
  const out = { ...settings };
  for (const k of keys) delete out[k];
  return out;
}

/**
 * Drops overrides that say what the scenario already says, so "as in the
 * scenario" and the mode presets are recognised and links stay short.
 * Keys the summary does not describe are kept.
 */
export function prune(settings: Settings, base: Record<SettingKey, string>): Settings {
  const out: Settings = {};
  for (const [k, v] of Object.entries(settings)) {
    if ((base as Record<string, string>)[k] !== v) out[k] = v;
  }
  return out;
}

/** routing-mode and tunnel-protocol as one choice: native, tunnel/vxlan, tunnel/geneve. */
export const ROUTING_CHOICES = ['native', 'vxlan', 'geneve'] as const;
export type RoutingChoice = (typeof ROUTING_CHOICES)[number];

export function routingChoice(config: Record<SettingKey, string>): RoutingChoice {
  if (config['routing-mode'] !== 'tunnel') return 'native';
  return config['tunnel-protocol'] === 'geneve' ? 'geneve' : 'vxlan';
}

export function withRouting(settings: Settings, choice: RoutingChoice): Settings {
  const rest = without(settings, ['routing-mode', 'tunnel-protocol']);
  return choice === 'native' ? { ...rest, 'routing-mode': 'native' } : { ...rest, 'routing-mode': 'tunnel', 'tunnel-protocol': choice };
}

/** A switch flipped to `on`, with the keys the agent needs to move along with it. */
export function withSwitch(settings: Settings, config: Record<SettingKey, string>, key: SettingKey, on: boolean): Settings {
  const value = on ? 'true' : 'false';
  if (key === 'kube-proxy-replacement') {
    if (!on) return { ...settings, ...KUBE_PROXY };
    // Back to the scenario's own values for the bundle, with the replacement on (pruned when the scenario has it on).
    return { ...without(settings, Object.keys(KUBE_PROXY)), 'kube-proxy-replacement': 'true' };
  }
  if (key === 'enable-ip-masq-agent' && on && config['enable-bpf-masquerade'] !== 'true') {
    return { ...settings, 'enable-ip-masq-agent': 'true', 'enable-bpf-masquerade': 'true' };
  }
  return { ...settings, [key]: value };
}
