/**
 * The model facts the page draws (topology, flow picker, settings), cut out
 * of the Datapath so only plain data crosses the worker boundary: the
 * Datapath itself holds functions and Maps and stays in the worker.
 */
import type { Datapath, InterfaceKind, Settings } from '../engine/index.ts';
import type { CiliumConfig, ScenarioIssue } from '../scenario/model.ts';

export interface SummaryIface {
  name: string;
  kind: InterfaceKind;
  ip?: string;
  mac: string;
  ifindex: number;
}

/** A Cilium endpoint (a pod, or the node's lxc_health) as the topology shows it. */
export interface SummaryPod {
  /** `namespace/name`; `health/<node>` for lxc_health. */
  key: string;
  namespace: string;
  name: string;
  node: string;
  ip: string;
  identity: number;
  endpointId: number;
  lxc: string;
  mac: string;
  isHealth: boolean;
}

export interface SummaryNode {
  name: string;
  ip: string;
  device: string;
  ciliumHostIp: string;
  healthIp: string;
  podCIDRs: string[];
  interfaces: SummaryIface[];
  /** Pods with their own endpoint, health endpoint excluded. */
  pods: SummaryPod[];
  /** The node's topology.kubernetes.io/zone label: the drawing folds untouched nodes by zone. */
  zone?: string;
}

export interface SummaryService {
  /** `namespace/name` */
  key: string;
  namespace: string;
  name: string;
  ip?: string;
  type: string;
  ports: { port: number; protocol: string; name?: string }[];
}

/** The switches the page offers, as cilium-config keys with their effective values. */
export const SETTING_KEYS = [
  'enable-ip-masq-agent',
  'routing-mode',
  'tunnel-protocol',
  'kube-proxy-replacement',
  'enable-bpf-masquerade',
  'bpf-lb-sock',
  'enable-host-legacy-routing',
  'monitor-aggregation',
  'enable-policy',
] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];

export interface ScenarioSummary {
  name: string;
  nodes: SummaryNode[];
  services: SummaryService[];
  /** Effective value of each switch after the overrides. */
  config: Record<SettingKey, string>;
  /** Each switch as the scenario's own cilium-config sets it (what "as in the scenario" means). */
  base: Record<SettingKey, string>;
  /** The overrides in force (what `--set` would carry). */
  settings: Settings;
  ignored: string[];
  warnings: ScenarioIssue[];
}

export function effectiveSwitches(c: CiliumConfig): Record<SettingKey, string> {
  return {
    'enable-ip-masq-agent': String(c.enableIpMasqAgent),
    'routing-mode': c.routingMode,
    'tunnel-protocol': c.tunnelProtocol,
    'kube-proxy-replacement': String(c.kubeProxyReplacement),
    'enable-bpf-masquerade': String(c.enableBpfMasquerade),
    'bpf-lb-sock': String(c.bpfLbSock),
    'enable-host-legacy-routing': String(c.enableHostLegacyRouting),
    'monitor-aggregation': c.monitorAggregation,
    // Not a CiliumConfig field: the agent's default when the key is absent.
    'enable-policy': c.raw['enable-policy'] ?? 'default',
  };
}

/** `base`: the scenario's own config, before the overrides (the datapath's is after them). */
export function summarize(dp: Datapath, settings: Settings, base: CiliumConfig = dp.config): ScenarioSummary {
  const zones = new Map(dp.model.nodes.map((m) => [m.name, m.labels['topology.kubernetes.io/zone']]));
  const nodes: SummaryNode[] = dp.nodes.map((n) => ({
    name: n.name,
    ip: n.ip,
    device: n.device,
    ciliumHostIp: n.ciliumHostIp,
    healthIp: n.healthIp,
    // Written out here so the page's bundle does not pull in the address parser.
    podCIDRs: n.podCIDRs.map((c) => `${c.base}/${c.bits}`),
    interfaces: n.interfaces.map((i) => ({
      name: i.name,
      kind: i.kind,
      ...(i.ip ? { ip: i.ip } : {}),
      mac: i.mac,
      ifindex: i.ifindex,
    })),
    pods: n.endpoints
      .filter((e) => !e.isHealth)
      .map((e) => ({
        key: e.key,
        namespace: e.namespace,
        name: e.name,
        node: e.node,
        ip: e.ip,
        identity: e.identity,
        endpointId: e.id,
        lxc: e.lxcName,
        mac: e.mac,
        isHealth: false,
      })),
    ...zoneOf(zones, n.name),
  }));
  const services: SummaryService[] = dp.model.services.map((s) => ({
    key: `${s.namespace}/${s.name}`,
    namespace: s.namespace,
    name: s.name,
    ...(s.clusterIP ? { ip: s.clusterIP } : {}),
    type: s.type,
    ports: s.ports.map((p) => ({ port: p.port, protocol: p.protocol, ...(p.name ? { name: p.name } : {}) })),
  }));
  return {
    name: dp.model.name,
    nodes,
    services,
    config: effectiveSwitches(dp.config),
    base: effectiveSwitches(base),
    settings: { ...settings },
    ignored: [...dp.model.ignored],
    warnings: [...dp.model.warnings],
  };
}

/** Only when labelled, so summaries of unzoned clusters stay as they were. */
function zoneOf(zones: Map<string, string | undefined>, node: string): { zone?: string } {
  const zone = zones.get(node);
  return zone ? { zone } : {};
}
