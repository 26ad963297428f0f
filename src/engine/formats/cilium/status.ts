/**
 * `cilium-dbg status [--verbose]` on a node (cilium-dbg/cmd/status.go,
 * pkg/command/status FormatStatusResponse): what the model decides is
 * derived (KubeProxyReplacement and its devices, routing, attach and device
 * mode, masquerading, IPAM, the endpoints' controllers); what only a running
 * agent knows (timings, CPU count, flow counters, BPF map sizes computed from
 * the node's memory) is a fixed, plausible value, the same on every run.
 */
import { cidrToString } from '../../../scenario/values.ts';
import type { Datapath, EndpointInfo, NodeDatapath } from '../../derive/types.ts';
import { netdevOf } from '../../derive/lookups.ts';
import { hash53 } from '../../util/hash.ts';
import { linkLocal } from '../../util/link-local.ts';
import { modulesHealth } from './modules-health.ts';

const KUBERNETES_APIS = [
  'EndpointSliceOrEndpoint', 'cilium/v2::CiliumClusterwideNetworkPolicy', 'cilium/v2::CiliumEndpoint',
  'cilium/v2::CiliumNetworkPolicy', 'cilium/v2::CiliumNode', 'cilium/v2alpha1::CiliumCIDRGroup', 'core/v1::Namespace',
  'core/v1::Pods', 'core/v1::Service', 'networking.k8s.io/v1::NetworkPolicy',
];

/** The agent's fixed controllers (1.16, this configuration); each endpoint adds three of its own. */
const CONTROLLERS = [
  'cilium-health-ep', 'ct-map-pressure', 'daemon-validate-config', 'dns-garbage-collector-job', 'endpoint-gc',
  'ep-bpf-prog-watchdog', 'ipcache-inject-labels', 'k8s-heartbeat', 'link-cache', 'node-neighbor-link-updater',
  'sync-lb-maps-with-k8s-services', 'sync-utime', 'write-cni-file',
];

/** The BPF map sizes `--verbose` lists, as the agent sizes them for the lab's 16 GiB nodes (ratio 0.0025). */
const BPF_MAPS: [string, number][] = [
  ['Auth', 524288], ['Non-TCP connection tracking', 72610], ['TCP connection tracking', 145220],
  ['Endpoint policy', 65535], ['IP cache', 512000], ['IPv4 masquerading agent', 16384],
  ['IPv6 masquerading agent', 16384], ['IPv4 fragmentation', 8192], ['IPv4 service', 65536],
  ['IPv6 service', 65536], ['IPv4 service backend', 65536], ['IPv6 service backend', 65536],
  ['IPv4 service reverse NAT', 65536], ['IPv6 service reverse NAT', 65536], ['Metrics', 1024], ['NAT', 145220],
  ['Neighbor table', 145220], ['Global policy', 16384], ['Session affinity', 65536], ['Sock reverse NAT', 72610],
  ['Tunnel', 65536],
];

/** A stable "N s ago" for a name (an agent's timings are not in any object). */
const ago = (name: string) => `${2 + (hash53(name) % 22)}s ago`;

const row = (label: string, value: string, width = 24) => `${`${label}:`.padEnd(width)}${value}`;

function cols(rows: string[][], indent: string): string[] {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length))) ?? [];
  return rows.map((r) => `${indent}${r.map((v, c) => (c === r.length - 1 ? v : v.padEnd((widths[c] ?? 0) + 3))).join('')}`.trimEnd());
}

function ciliumVersion(dp: Datapath, node: NodeDatapath): string {
  const agent = dp.model.pods.find((p) => p.nodeName === node.name && p.labels['k8s-app'] === 'cilium');
  const image = agent?.images?.find((i) => /\/cilium:v/.test(i));
  const v = image ? image.slice(image.lastIndexOf(':v') + 2) : '1.16.0';
  return `${v} (v${v})`;
}

/** The endpoints the node's agent manages: its pods, lxc_health and the host endpoint (sorted by ID). */
function endpointIds(node: NodeDatapath): number[] {
  const host = (hash53(`host-endpoint/${node.name}`) % 4095) + 1;
  return [...node.endpoints.map((e: EndpointInfo) => e.id as number), host].sort((a, b) => a - b);
}

export function ciliumStatus(dp: Datapath, node: NodeDatapath, verbose: boolean): string {
  const c = dp.config;
  const dev = netdevOf(node);
  const devices = `${node.device}   ${node.ip} ${linkLocal(dev.mac)} (Direct Routing)`;
  const kubelet = dp.model.nodes.find((n) => n.name === node.name)?.kubeletVersion ?? 'v1.30.0';
  const minor = kubelet.replace(/^v/, '').split('.').slice(0, 2).join('.');
  const local = node.endpoints.filter((e) => !e.isHealth);
  const allocated = 2 + local.length;
  const cidr = node.podCIDRs[0];
  const lines: string[] = [
    row('KVStore', 'Ok   Disabled'),
    row('Kubernetes', `Ok   ${minor} (${kubelet}) [linux/amd64]`),
    row('Kubernetes APIs', `[${KUBERNETES_APIS.map((a) => `"${a}"`).join(', ')}]`),
    row('KubeProxyReplacement', c.kubeProxyReplacement ? `True   [${devices}]` : 'False'),
    row('Host firewall', 'Disabled'),
    row('SRv6', 'Disabled'),
    row('CNI Chaining', 'none'),
    row('CNI Config file', 'successfully wrote CNI configuration file to /host/etc/cni/net.d/05-cilium.conflist'),
    row('Cilium', `Ok   ${ciliumVersion(dp, node)}`),
    row('NodeMonitor', 'Listening for events on 4 CPUs with 64x4096 of shared memory'),
    row('Cilium health daemon', 'Ok'),
    row('IPAM', `IPv4: ${allocated}/254 allocated from ${cidr ? cidrToString(cidr) : '(none)'},`),
  ];
  if (verbose) {
    lines.push('Allocated addresses:');
    const addrs = [
      ...local.map((e) => ({ ip: e.ip, who: e.key })),
      { ip: node.healthIp, who: 'health' },
      { ip: node.ciliumHostIp, who: 'router' },
    ].sort((a, b) => a.ip.localeCompare(b.ip, 'en', { numeric: true }));
    for (const a of addrs) lines.push(`  ${a.ip} (${a.who})`);
  }
  const masq = !c.enableIpv4Masquerade
    ? 'Disabled'
    : c.enableBpfMasquerade
      ? `BPF   [${node.device}]   ${c.ipv4NativeRoutingCIDR ? cidrToString(c.ipv4NativeRoutingCIDR) : ''} [IPv4: Enabled, IPv6: Disabled]`
      : 'IPTables [IPv4: Enabled, IPv6: Disabled]';
  lines.push(
    row('IPv4 BIG TCP', 'Disabled'),
    row('IPv6 BIG TCP', 'Disabled'),
    row('BandwidthManager', 'Disabled'),
    row('Routing', `Network: ${c.routingMode === 'tunnel' ? `Tunnel [${c.tunnelProtocol}]` : 'Native'}   Host: ${dp.hostRouting.mode}`),
    row('Attach Mode', dp.attach.device === 'tcx' ? 'TCX' : 'Legacy TC'),
    row('Device Mode', c.datapathMode),
    row('Masquerading', masq),
    row('Clock Source for BPF', 'ktime'),
  );
  const ids = endpointIds(node);
  const controllers = [
    ...CONTROLLERS,
    ...ids.flatMap((id) => [`endpoint-${id}-regeneration-recovery`, `resolve-identity-${id}`, `sync-policymap-${id}`]),
  ].sort();
  lines.push(row('Controller Status', `${controllers.length}/${controllers.length} healthy`));
  if (verbose) {
    const rows = [['Name', 'Last success', 'Last error', 'Count', 'Message']];
    for (const name of controllers) {
      const never = name.endsWith('-regeneration-recovery');
      rows.push([name, never ? 'never' : ago(name), 'never', '0', 'no error']);
    }
    lines.push(...cols(rows, '  '));
  }
  lines.push(
    row('Proxy Status', `OK, ip ${node.ciliumHostIp}, 0 redirects active on ports 10000-20000, Envoy: external`, 25),
    row('Global Identity Range', 'min 256, max 65535', 25),
    row('Hubble', 'Ok   Current/Max Flows: 0/4095 (0.00%), Flows/s: 0.00   Metrics: Ok', 25),
  );
  if (verbose) lines.push(...kprDetails(dp, devices), ...bpfMaps(dp));
  lines.push(row('Encryption', 'Disabled', 22));
  lines.push(row('Cluster health', `${dp.nodes.length}/${dp.nodes.length} reachable`, 22));
  if (verbose) {
    const rows = [['Name', 'IP', 'Node', 'Endpoints']];
    for (const n of [node, ...dp.nodes.filter((x) => x !== node)]) {
      rows.push([n === node ? `${n.name} (localhost)` : n.name, n.ip, 'reachable', 'reachable']);
    }
    lines.push(...cols(rows, '  '), ...modulesHealth(dp, node, ids), '');
  }
  return `${lines.join('\n')}\n`;
}

function kprDetails(dp: Datapath, devices: string): string[] {
  const c = dp.config;
  if (!c.kubeProxyReplacement) return [];
  const on = (b: boolean) => (b ? 'Enabled' : 'Disabled');
  return [
    'KubeProxyReplacement Details:',
    '  Status:                 True',
    `  Socket LB:              ${on(c.bpfLbSock)}`,
    `  Socket LB Tracing:      ${on(c.bpfLbSock)}`,
    `  Socket LB Coverage:     ${c.bpfLbSock ? 'Full' : 'Disabled'}`,
    `  Devices:                ${devices}`,
    '  Mode:                   SNAT',
    '  Backend Selection:      Random',
    '  Session Affinity:       Enabled',
    '  Graceful Termination:   Enabled',
    '  NAT46/64 Support:       Disabled',
    '  XDP Acceleration:       Disabled',
    '  Services:',
    '  - ClusterIP:      Enabled',
    '  - NodePort:       Enabled (Range: 30000-32767) ',
    '  - LoadBalancer:   Enabled ',
    '  - externalIPs:    Enabled ',
    '  - HostPort:       Enabled',
  ].map((l) => l.trimEnd());
}

function bpfMaps(dp: Datapath): string[] {
  const ratio = dp.config.raw['bpf-map-dynamic-size-ratio'];
  const head = ratio ? `BPF Maps:   dynamic sizing: on (ratio: ${Number(ratio).toFixed(6)})` : 'BPF Maps:   dynamic sizing: off';
  return [head, ...cols([['Name', 'Size'], ...BPF_MAPS.map(([n, s]) => [n, String(s)])], '  ')];
}
