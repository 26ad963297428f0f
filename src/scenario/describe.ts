/**
 * describeModel: the text `flowlab validate` prints, so a person can check
 * that the loader understood their objects the way they meant them.
 */
import { CILIUM_CONFIG_KEYS, type CiliumConfigKey } from './config.ts';
import { frontendSlots, slotText } from './frontends.ts';
import type { CiliumConfig, ClusterModel, PodModel, ServiceModel, ServicePort } from './model.ts';
import { cidrToString } from './values.ts';

export function describeModel(model: ClusterModel): string {
  const lines: string[] = [];
  const podCount = model.pods.length;
  lines.push(
    `Scenario ${model.name}: ${count(model.nodes.length, 'node')}, ${count(podCount, 'pod')}, ${count(model.services.length, 'service')}`,
  );
  lines.push('', 'Nodes');
  lines.push(
    ...table(
      model.nodes.map((n) => [
        n.name,
        n.internalIP,
        `dev ${n.device}`,
        `pod CIDRs ${n.podCIDRs.map(cidrToString).join(', ')}`,
        `cilium_host ${n.ciliumInternalIP ?? '(derived)'}`,
        `health ${n.healthIP ?? '(derived)'}`,
      ]),
    ),
  );
  lines.push('', 'Pods');
  const nodeNames = [...model.nodes.map((n) => n.name), ''];
  for (const node of nodeNames) {
    const pods = model.pods.filter((p) => p.nodeName === node);
    if (pods.length === 0) continue;
    lines.push(`  ${node === '' ? '(not scheduled)' : node}`);
    lines.push(...table(pods.map(podRow), '    '));
  }
  lines.push('', 'Services');
  lines.push(...table(model.services.map(serviceRow)));
  lines.push('', 'cilium-config', ...configLines(model.config));
  if (model.ignored.length > 0) lines.push('', 'Ignored', ...model.ignored.map((i) => `  ${i}`));
  if (model.warnings.length > 0) lines.push('', 'Warnings', ...model.warnings.map((w) => `  ${w.message}`));
  return lines.join('\n');
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function podRow(p: PodModel): string[] {
  const labels = Object.entries(p.labels).map(([k, v]) => `${k}=${v}`);
  const ip = p.hostNetwork ? `${p.podIP ?? '-'} (host network)` : (p.podIP ?? '-');
  const ports = p.ports.map((c) => `${c.containerPort}/${c.protocol}${c.name ? ` ${c.name}` : ''}`).join(', ');
  const ep = p.endpoint;
  const facts = [
    ep.identity !== undefined ? `identity ${ep.identity}` : '',
    ep.endpointId !== undefined ? `endpoint ${ep.endpointId}` : '',
    ep.interfaceName ? `${ep.interfaceName}` : '',
  ].filter(Boolean);
  // Labels last: they are the longest cell and would push every other column right.
  return [`${p.namespace}/${p.name}`, ip, p.phase, ports || '-', facts.join(' ') || '-', labels.join(',') || '-'];
}

function serviceRow(s: ServiceModel): string[] {
  const backends = s.sliceEndpoints
    ? `EndpointSlice ${s.sliceEndpoints.map((e) => e.ip + (e.ready ? '' : ' (not ready)')).join(', ') || '(empty)'}`
    : s.selector
      ? `selector ${Object.entries(s.selector).map(([k, v]) => `${k}=${v}`).join(',')}`
      : 'no selector';
  const slots = frontendSlots(s);
  const ids = s.serviceIds
    ? slots.map((slot, i) => `${s.serviceIds?.[i]}=${slotText(slot, s.clusterIP)}`).join(' ')
    : 'IDs allocated';
  return [
    `${s.namespace}/${s.name}`,
    s.type,
    s.clusterIP ?? 'None (headless)',
    s.ports.map(portText).join(', '),
    backends,
    ids,
  ];
}

function portText(p: ServicePort): string {
  const node = p.nodePort !== undefined ? ` nodePort ${p.nodePort}` : '';
  return `${p.port}/${p.protocol}->${p.targetPort}${node}`;
}

/** Each modelled key with its value in effect; `(default)` when the ConfigMap does not set it. */
function configLines(c: CiliumConfig): string[] {
  const value: Record<CiliumConfigKey, string> = {
    'routing-mode': c.routingMode,
    'tunnel-protocol': c.tunnelProtocol,
    'kube-proxy-replacement': String(c.kubeProxyReplacement),
    'enable-bpf-masquerade': String(c.enableBpfMasquerade),
    'enable-ipv4-masquerade': String(c.enableIpv4Masquerade),
    'enable-host-legacy-routing': String(c.enableHostLegacyRouting),
    'ipv4-native-routing-cidr': c.ipv4NativeRoutingCIDR ? cidrToString(c.ipv4NativeRoutingCIDR) : '(none)',
    'auto-direct-node-routes': String(c.autoDirectNodeRoutes),
    'enable-endpoint-routes': String(c.enableEndpointRoutes),
    'enable-ip-masq-agent': String(c.enableIpMasqAgent),
    'bpf-lb-sock': String(c.bpfLbSock),
    'monitor-aggregation': c.monitorAggregation,
    'enable-policy': c.raw['enable-policy'] ?? 'default',
  };
  const rows = CILIUM_CONFIG_KEYS.map((k) => [k, value[k], k in c.raw ? '' : '(default)']);
  const masq = c.nonMasqueradeCIDRs
    ? c.nonMasqueradeCIDRs.map(cidrToString).join(', ') || '(empty list)'
    : "(the agent's default list)";
  rows.push(['ip-masq-agent nonMasqueradeCIDRs', masq, '']);
  const known = new Set<string>(CILIUM_CONFIG_KEYS);
  const kept = Object.keys(c.raw).filter((k) => !known.has(k));
  const out = table(rows);
  if (kept.length > 0) out.push(`  kept, not modelled (${kept.length}): ${kept.join(', ')}`);
  return out;
}

const MAX_CELL = 120;

/** Left-aligned columns separated by two spaces; trailing empty cells dropped. */
function table(rows: string[][], indent = '  '): string[] {
  // A cell is at most MAX_CELL characters: one long value must not widen every row of its column.
  rows = rows.map((row) => row.map((cell) => (cell.length > MAX_CELL ? `${cell.slice(0, MAX_CELL - 3)}...` : cell)));
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) => (indent + row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ')).trimEnd());
}
