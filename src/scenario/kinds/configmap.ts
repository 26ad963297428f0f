/**
 * The two ConfigMaps the agent reads: kube-system/cilium-config (its flags)
 * and kube-system/ip-masq-agent (`config`: the nonMasqueradeCIDRs list that
 * fills cilium_ipmasq_v4 when enable-ip-masq-agent is on).
 */
import { parse as parseYaml } from 'yaml';
import { checkCiliumConfig } from '../config.ts';
import type { Fields } from '../fields.ts';
import type { CiliumConfig } from '../model.ts';
import { parseCidr, type Cidr } from '../values.ts';
import { say } from '../issue-text.ts';

export const CILIUM_CONFIG = { namespace: 'kube-system', name: 'cilium-config' };
export const IP_MASQ_AGENT = { namespace: 'kube-system', name: 'ip-masq-agent' };

/** cilium-config's data as a CiliumConfig; each problem is located at its `data.<key>` line. */
export function readCiliumConfig(f: Fields): CiliumConfig {
  const raw = f.stringMap(['data']);
  const { config, problems } = checkCiliumConfig(raw);
  for (const p of problems) {
    const path = p.key ? ['data', p.key] : ['data'];
    if (p.severity === 'error') f.error(path, p.text);
    else f.warn(path, p.text);
  }
  return config;
}

/**
 * When the scenario's traffic happens (Hubble's timestamps, an HTTP Date header): annotation
 * flowlab.cilium.io/capture-start on cilium-config, RFC 3339 (`2024-11-01T14:01:20.633Z`), in µs since
 * the epoch. Absent: undefined, and the engine starts at the epoch (a neutral clock; `validate` says so).
 */
export const CAPTURE_START_ANNOTATION = 'flowlab.cilium.io/capture-start';

export function readCaptureStart(f: Fields): number | undefined {
  const path = ['metadata', 'annotations', CAPTURE_START_ANNOTATION];
  const text = f.str(path);
  if (text === undefined) return undefined;
  const ok = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$/.test(text);
  const ms = ok ? Date.parse(text) : NaN;
  if (Number.isNaN(ms)) return f.error(path, say('scenario.not_rfc3339', { value: text }));
  // Date.parse keeps milliseconds; the microsecond digits, when given, are added back.
  const micro = /\.\d{3}(\d{1,3})/.exec(text)?.[1] ?? '';
  return ms * 1000 + (micro ? Number(micro.padEnd(3, '0')) : 0);
}

/**
 * ip-masq-agent's `config` (YAML or JSON, as pkg/ipmasq reads it). Returns
 * undefined when there is no list, which means the agent's default list.
 */
export function readIpMasqAgent(f: Fields): Cidr[] | undefined {
  const path = ['data', 'config'];
  const text = f.str(path);
  if (text === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = parseYaml(text);
  } catch (err) {
    return f.error(path, say('scenario.ipmasq.yaml', { reason: (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? '' }));
  }
  if (parsed === null || parsed === undefined) return undefined;
  if (typeof parsed !== 'object' || Array.isArray(parsed)) return f.error(path, say('scenario.ipmasq.map'));
  const list = (parsed as Record<string, unknown>)['nonMasqueradeCIDRs'];
  if (list === undefined || list === null) return undefined;
  if (!Array.isArray(list)) return f.error(path, say('scenario.ipmasq.list'));
  const out: Cidr[] = [];
  for (const item of list) {
    const c = typeof item === 'string' ? parseCidr(item) : undefined;
    if (c) out.push(c);
    else if (!(typeof item === 'string' && item.includes(':'))) {
      f.error(path, say('scenario.ipmasq.cidr', { value: JSON.stringify(item) }));
    }
  }
  return out;
}
