/**
 * describeModel: the text `flowlab validate` prints, so a person can check
 * that the loader understood their objects the way they meant them.
 */
import { CILIUM_CONFIG_KEYS, LOAD_TIME_KEYS, type CiliumConfigKey } from './config.ts';
import { frontendSlots, slotText } from './frontends.ts';
import type { CiliumConfig, ClusterModel, PodModel, ServiceModel, ServicePort } from './model.ts';
import { notModelled } from './unmodelled.ts';
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
        `dev ${n.device} ${cidrToString(n.deviceSubnet)} via ${n.gateway}${n.deviceMtu ? ` mtu ${n.deviceMtu}` : ''}`,
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
  lines.push('', 'Defaults applied (set them to make the model exact: README "Node and device facts")', ...defaultLines(model));
  if (model.ignored.length > 0) lines.push('', 'Ignored', ...model.ignored.map((i) => `  ${i}`));
  const gaps = notModelled(model);
  if (gaps.length > 0) lines.push('', 'Not modelled', ...gaps.map((g) => `  ${g}`));
  if (model.warnings.length > 0) lines.push('', 'Warnings', ...model.warnings.map((w) => `  ${w.message}`));
  return lines.join('\n');
}

/** What the loader assumed because the objects did not say: per node, and the capture time. */
function defaultLines(model: ClusterModel): string[] {
  const out = model.nodes.flatMap((n) => n.defaults.map((d) => `  ${n.name}: ${d}`));
  if (model.captureStartUs === undefined) {
    out.push('  capture start 1970-01-01T00:00:00Z (no flowlab.cilium.io/capture-start annotation on cilium-config)');
  }
  return out.length > 0 ? out : ['  (none)'];
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

/** An endpoint as the agent reads it: ready, terminating (serving), or not ready. */
const sliceText = (e: { ip: string; ready: boolean; serving: boolean; terminating: boolean }) =>
  e.ip + (e.ready ? '' : e.terminating && e.serving ? ' (terminating)' : ' (not ready)');

function serviceRow(s: ServiceModel): string[] {
  const v6 = s.sliceEndpoints6?.length ? `; IPv6 ${s.sliceEndpoints6.map(sliceText).join(', ')}` : '';
  const backends = s.sliceEndpoints || s.sliceEndpoints6
    ? `EndpointSlice ${(s.sliceEndpoints ?? []).map(sliceText).join(', ') || '(empty)'}${v6}`
    : s.selector
      ? `selector ${Object.entries(s.selector).map(([k, v]) => `${k}=${v}`).join(',')}`
      : 'no selector';
  const slots = frontendSlots(s);
  const ids = s.serviceIds
    ? slots.map((slot, i) => `${s.serviceIds?.[i]}=${slotText(slot, s.clusterIP)}`).join(' ')
    : 'IDs allocated';
  const policies = [
    s.externalTrafficPolicy === 'Local' && s.type !== 'ClusterIP' ? 'externalTrafficPolicy Local' : '',
    s.internalTrafficPolicy === 'Local' ? 'internalTrafficPolicy Local' : '',
  ].filter(Boolean);
  return [
    `${s.namespace}/${s.name}`,
    s.type + (policies.length ? ` (${policies.join(', ')})` : ''),
    [s.clusterIP, s.clusterIP6].filter(Boolean).join(', ') || 'None (headless)',
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
    'enable-node-port': String(c.enableNodePort),
    'enable-health-check-nodeport': String(c.enableHealthCheckNodePort),
    'enable-k8s-terminating-endpoint': String(c.enableK8sTerminatingEndpoint),
    'enable-ipv6': String(c.enableIpv6),
    'enable-tcx': String(c.enableTcx),
    'datapath-mode': c.datapathMode,
    mtu: c.mtu ? String(c.mtu) : '0 (detected from the device)',
    'monitor-aggregation-flags': c.raw['monitor-aggregation-flags'] ?? 'syn,fin,rst',
    'monitor-aggregation-interval': `${c.ctTimeouts.reportInterval}s`,
    'bpf-ct-timeout-regular-tcp': `${c.ctTimeouts.regularTcp}s`,
    'bpf-ct-timeout-regular-tcp-syn': `${c.ctTimeouts.regularTcpSyn}s`,
    'bpf-ct-timeout-regular-tcp-fin': `${c.ctTimeouts.regularTcpFin}s`,
    'bpf-ct-timeout-regular-any': `${c.ctTimeouts.regularAny}s`,
    'bpf-ct-timeout-service-tcp': `${c.ctTimeouts.serviceTcp}s`,
    'bpf-ct-timeout-service-any': `${c.ctTimeouts.serviceAny}s`,
  };
  const rows = CILIUM_CONFIG_KEYS.map((k) => [k, value[k], k in c.raw ? '' : '(default)']);
  const masq = c.nonMasqueradeCIDRs
    ? c.nonMasqueradeCIDRs.map(cidrToString).join(', ') || '(empty list)'
    : "(the agent's default list)";
  rows.push(['ip-masq-agent nonMasqueradeCIDRs', masq, '']);
  const known = new Set<string>([...CILIUM_CONFIG_KEYS, ...LOAD_TIME_KEYS]);
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
