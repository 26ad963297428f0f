/**
 * cilium-config (the agent's ConfigMap) as a typed CiliumConfig, with Cilium
 * 1.16's defaults for absent keys and its parsing rules for present ones
 * (booleans as Go's strconv.ParseBool, monitor levels as pkg/option/monitor.go).
 */
import type { CiliumConfig, ClusterModel, LoadResult, MonitorAggregation, ScenarioIssue } from './model.ts';
import { shown } from './fields.ts';
import { parseCidr, type Cidr } from './values.ts';
import { CT_TIMEOUT_KEYS, readCtTimeouts } from './config-ct.ts';
import { issueOf } from './issue-of.ts';
import { say, type IssueText } from './issue-text.ts';

/** The keys the engine models; every other key is kept in `raw` and shown, not used. */
export const CILIUM_CONFIG_KEYS = [
  'routing-mode',
  'tunnel-protocol',
  'kube-proxy-replacement',
  'enable-bpf-masquerade',
  'enable-ipv4-masquerade',
  'enable-host-legacy-routing',
  'ipv4-native-routing-cidr',
  'auto-direct-node-routes',
  'enable-endpoint-routes',
  'enable-ip-masq-agent',
  'bpf-lb-sock',
  'monitor-aggregation',
  'enable-policy',
  'enable-node-port',
  'enable-health-check-nodeport',
  'enable-k8s-terminating-endpoint',
  'enable-ipv6',
  'enable-tcx',
  'datapath-mode',
  'mtu',
  ...CT_TIMEOUT_KEYS,
] as const;

export type CiliumConfigKey = (typeof CILIUM_CONFIG_KEYS)[number];

/** The object the settings come from, as messages name it. */
export const CILIUM_CONFIG_OBJECT = 'ConfigMap kube-system/cilium-config';

/** One problem in the config: the key it is about (when one), and what is wrong. */
export interface ConfigProblem {
  severity: ScenarioIssue['severity'];
  key?: CiliumConfigKey;
  /** Other keys the problem is about (a combination): a `--set` of any of them caused it too. */
  also?: CiliumConfigKey[];
  text: IssueText;
}

const GO_TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const GO_FALSE = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False']);

/** pkg/option/monitor.go monitorAggregationOption (case-insensitive), plus its numeric levels. */
const MONITOR_LEVELS: Record<string, MonitorAggregation> = {
  '': 'none', none: 'none', disabled: 'none', lowest: 'low', low: 'low', medium: 'medium', max: 'maximum',
  maximum: 'maximum', '0': 'none', '1': 'low', '2': 'low', '3': 'medium', '4': 'maximum',
};

export function checkCiliumConfig(raw: Record<string, string>): { config: CiliumConfig; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const bad = (key: CiliumConfigKey, text: IssueText) => problems.push({ severity: 'error', key, text });
  const value = (key: CiliumConfigKey): string | undefined => {
    const v = raw[key];
    return v === undefined || v.trim() === '' ? undefined : v.trim();
  };
  const bool = (key: CiliumConfigKey, fallback: boolean): boolean => {
    const v = value(key);
    if (v === undefined) return fallback;
    if (GO_TRUE.has(v)) return true;
    if (GO_FALSE.has(v)) return false;
    bad(key, say('scenario.config.not_bool', { value: shown(v) }));
    return fallback;
  };
  const oneOf = <T extends string>(key: CiliumConfigKey, allowed: readonly T[], fallback: T): T => {
    const v = value(key);
    if (v === undefined) return fallback;
    if ((allowed as readonly string[]).includes(v)) return v as T;
    bad(key, say('scenario.config.not_one_of', { value: shown(v), allowed: allowed.join(', ') }));
    return fallback;
  };

  const routingMode = oneOf('routing-mode', ['native', 'tunnel'] as const, 'tunnel');
  const tunnelProtocol = oneOf('tunnel-protocol', ['vxlan', 'geneve'] as const, 'vxlan');
  const kubeProxyReplacement = kprValue(value('kube-proxy-replacement'), problems);
  const cidrText = value('ipv4-native-routing-cidr');
  let ipv4NativeRoutingCIDR: Cidr | undefined;
  if (cidrText !== undefined) {
    ipv4NativeRoutingCIDR = parseCidr(cidrText);
    if (ipv4NativeRoutingCIDR === undefined) bad('ipv4-native-routing-cidr', say('scenario.not_cidr', { value: shown(cidrText) }));
  }
  // Policy enforcement mode; the policy compiler reads it from raw (src/engine/policy/compile.ts).
  oneOf('enable-policy', ['default', 'always', 'never'] as const, 'default');
  const monitorText = value('monitor-aggregation') ?? 'medium';
  const level = monitorText.toLowerCase();
  const monitorAggregation = Object.hasOwn(MONITOR_LEVELS, level) ? MONITOR_LEVELS[level] : undefined;
  if (monitorAggregation === undefined) {
    bad('monitor-aggregation', say('scenario.config.monitor', { value: shown(monitorText) }));
  }

  const config: CiliumConfig = {
    routingMode,
    tunnelProtocol,
    kubeProxyReplacement,
    enableBpfMasquerade: bool('enable-bpf-masquerade', false),
    enableIpv4Masquerade: bool('enable-ipv4-masquerade', true),
    enableHostLegacyRouting: bool('enable-host-legacy-routing', false),
    ipv4NativeRoutingCIDR,
    autoDirectNodeRoutes: bool('auto-direct-node-routes', false),
    enableEndpointRoutes: bool('enable-endpoint-routes', false),
    enableIpMasqAgent: bool('enable-ip-masq-agent', false),
    // Socket LB follows kube-proxy replacement unless set on its own (daemon/cmd/kube_proxy_replacement.go).
    bpfLbSock: bool('bpf-lb-sock', kubeProxyReplacement),
    monitorAggregation: monitorAggregation ?? 'medium',
    // kube-proxy-replacement turns NodePort on (daemon/cmd/kube_proxy_replacement.go); the others are 1.16 defaults.
    enableNodePort: bool('enable-node-port', kubeProxyReplacement),
    enableHealthCheckNodePort: bool('enable-health-check-nodeport', true),
    enableK8sTerminatingEndpoint: bool('enable-k8s-terminating-endpoint', true),
    enableIpv6: bool('enable-ipv6', false),
    // pkg/option/config.go: EnableTCX defaults to true in 1.16 (helm bpf.enableTCX); datapath-mode defaults to veth.
    enableTcx: bool('enable-tcx', true),
    datapathMode: oneOf('datapath-mode', ['veth', 'netkit'] as const, 'veth'),
    mtu: mtuValue(value('mtu'), (text) => bad('mtu', text)),
    ctTimeouts: readCtTimeouts((key) => value(key), (key, text) => bad(key, text)),
    raw: { ...raw },
  };
  problems.push(...agentRefusals(config));
  return { config, problems };
}

/** `mtu`: the agent's MTU option (0, the default, means detect it from the device). */
function mtuValue(v: string | undefined, bad: (text: IssueText) => void): number {
  if (v === undefined) return 0;
  const n = /^\d+$/.test(v) ? Number(v) : NaN;
  if (n === 0 || (n >= 576 && n <= 65535)) return n;
  bad(say('scenario.config.mtu', { value: v }));
  return 0;
}

/** Keys the loader reads once, at load time (they shape the nodes), not through --set. */
export const LOAD_TIME_KEYS = ['devices'] as const;

function kprValue(v: string | undefined, problems: ConfigProblem[]): boolean {
  if (v === undefined || v === 'false') return false;
  if (v === 'true') return true;
  const key = 'kube-proxy-replacement';
  if (v === 'strict' || v === 'partial') {
    problems.push({ severity: 'warning', key, text: say('scenario.config.kpr_removed', { value: shown(v), now: String(v === 'strict') }) });
    return v === 'strict';
  }
  problems.push({ severity: 'error', key, text: say('scenario.config.kpr', { value: shown(v) }) });
  return false;
}

/**
 * Combinations the 1.16 agent refuses at start-up. The first two are errors:
 * the engine cannot model a datapath the agent never programs (the same rules
 * as derive's agentStartError, checked here so `validate` and the page's load
 * find them at the ConfigMap's keys). The others are warnings: a classroom
 * toggle (`--set routing-mode=tunnel`) should still show a path.
 */
function agentRefusals(c: CiliumConfig): ConfigProblem[] {
  const out: ConfigProblem[] = [];
  if (!c.kubeProxyReplacement && c.enableBpfMasquerade) {
    out.push({
      severity: 'error',
      key: 'enable-bpf-masquerade',
      also: ['kube-proxy-replacement'],
      text: say('scenario.config.bpf_masq_kpr'),
    });
  }
  if (c.enableIpMasqAgent && !c.enableBpfMasquerade) {
    out.push({
      severity: 'error',
      key: 'enable-ip-masq-agent',
      also: ['enable-bpf-masquerade'],
      text: say('scenario.config.ipmasq_bpf'),
    });
  }
  if (c.routingMode === 'tunnel' && c.autoDirectNodeRoutes) {
    out.push({
      severity: 'warning',
      key: 'auto-direct-node-routes',
      text: say('scenario.config.adnr_tunnel'),
    });
  }
  if (c.routingMode === 'native' && c.enableIpv4Masquerade && !c.enableIpMasqAgent && !c.ipv4NativeRoutingCIDR) {
    out.push({
      severity: 'warning',
      key: 'ipv4-native-routing-cidr',
      text: say('scenario.config.native_cidr'),
    });
  }
  return out;
}

const clip = (v: string) => (v.length > 60 ? `${v.slice(0, 57)}...` : v);

/** parseCiliumConfig(raw): issues name the key (`field`) but no line; the loader adds where the key is. */
export function parseCiliumConfig(raw: Record<string, string>): { config: CiliumConfig; issues: ScenarioIssue[] } {
  const { config, problems } = checkCiliumConfig(raw);
  const issues = problems.map((p) => issueOf(p.severity, say('scenario.head', { head: p.key ? `cilium-config ${p.key}` : 'cilium-config', text: p.text }), {
    object: CILIUM_CONFIG_OBJECT,
    field: p.key,
  }));
  return { config, issues };
}

/**
 * The model with cilium-config keys overridden (`--set key=value`, the UI's
 * toggles). Unknown keys and bad values are errors naming the `--set`.
 * The agent's own warnings about the config are replaced by the new ones.
 */
export function applySettings(model: ClusterModel, settings: Record<string, string>): LoadResult {
  const errors: ScenarioIssue[] = [];
  const known = new Set<string>(CILIUM_CONFIG_KEYS);
  for (const key of Object.keys(settings)) {
    if (!known.has(key)) {
      const text = say('scenario.head', { head: `--set ${clip(key)}`, text: say('scenario.config.unknown_key', { known: CILIUM_CONFIG_KEYS.join(', ') }) });
      errors.push(issueOf('error', text, { field: key }));
    }
  }
  const { config, problems } = checkCiliumConfig({ ...model.config.raw, ...settings });
  const warnings = model.warnings.filter((w) => w.object !== CILIUM_CONFIG_OBJECT);
  for (const p of problems) {
    // `--set` is named only when one of the keys the problem is about was set; else the ConfigMap's key is.
    const set = [p.key, ...(p.also ?? [])].filter((k): k is CiliumConfigKey => k !== undefined && k in settings);
    const pairs = set.map((k) => `${k}=${clip(settings[k] ?? '')}`).join(',');
    const head = set.length > 0 ? `--set ${pairs}` : `${CILIUM_CONFIG_OBJECT}${p.key ? `, data.${p.key}` : ''}`;
    const issue = issueOf(p.severity, say('scenario.head', { head, text: p.text }), { object: CILIUM_CONFIG_OBJECT, field: p.key });
    (p.severity === 'error' ? errors : warnings).push(issue);
  }
  if (errors.length > 0) return { ok: false, errors };
  config.nonMasqueradeCIDRs = model.config.nonMasqueradeCIDRs;
  return { ok: true, model: { ...model, config, warnings } };
}
