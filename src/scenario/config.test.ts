import { describe, expect, test } from 'vitest';
import { applySettings, parseCiliumConfig } from './config.ts';
import { loadScenario } from './load.ts';
import type { ClusterModel } from './model.ts';

describe('parseCiliumConfig', () => {
  test("an empty ConfigMap gives Cilium 1.16's defaults", () => {
    const { config, issues } = parseCiliumConfig({});
    expect(issues).toEqual([]);
    expect(config).toEqual({
      routingMode: 'tunnel',
      tunnelProtocol: 'vxlan',
      kubeProxyReplacement: false,
      enableBpfMasquerade: false,
      enableIpv4Masquerade: true,
      enableHostLegacyRouting: false,
      ipv4NativeRoutingCIDR: undefined,
      autoDirectNodeRoutes: false,
      enableEndpointRoutes: false,
      enableIpMasqAgent: false,
      bpfLbSock: false,
      monitorAggregation: 'medium',
      enableNodePort: false,
      enableHealthCheckNodePort: true,
      enableK8sTerminatingEndpoint: true,
      enableIpv6: false,
      enableTcx: true,
      datapathMode: 'veth',
      mtu: 0,
      ctTimeouts: { reportInterval: 5, reportFlags: 0x07, regularTcp: 8000, regularTcpSyn: 60, regularTcpFin: 10, regularAny: 60, serviceTcp: 8000, serviceAny: 60 },
      raw: {},
    });
  });

  test('enable-tcx and datapath-mode are read, with bad values named', () => {
    expect(parseCiliumConfig({ 'enable-tcx': 'false' }).config.enableTcx).toBe(false);
    expect(parseCiliumConfig({ 'datapath-mode': 'netkit' }).config.datapathMode).toBe('netkit');
    expect(parseCiliumConfig({ 'datapath-mode': 'ipvlan' }).issues[0]?.message).toMatch(/datapath-mode: "ipvlan" is not one of veth, netkit/);
  });

  test('bpf-ct-timeout-* are Go durations in seconds; anything else is an error naming the key', () => {
    const { config, issues } = parseCiliumConfig({ 'bpf-ct-timeout-regular-tcp': '2h13m20s', 'bpf-ct-timeout-service-any': '1m30s' });
    expect(issues).toEqual([]);
    expect(config.ctTimeouts.regularTcp).toBe(8000);
    expect(config.ctTimeouts.serviceAny).toBe(90);
    const bad = parseCiliumConfig({ 'bpf-ct-timeout-regular-any': '8000' });
    expect(bad.issues.map((i) => i.message)).toEqual([
      'cilium-config bpf-ct-timeout-regular-any: "8000" is not a positive duration (e.g. 8000s, 2h13m20s, 60s)',
    ]);
  });

  test('bpf-lb-sock follows kube-proxy-replacement unless it is set', () => {
    expect(parseCiliumConfig({ 'kube-proxy-replacement': 'true' }).config.bpfLbSock).toBe(true);
    expect(parseCiliumConfig({ 'kube-proxy-replacement': 'true', 'bpf-lb-sock': 'false' }).config.bpfLbSock).toBe(false);
    expect(parseCiliumConfig({ 'bpf-lb-sock': 'true' }).config.bpfLbSock).toBe(true);
  });

  test("booleans are read as Go's strconv.ParseBool reads them", () => {
    for (const yes of ['1', 't', 'T', 'TRUE', 'true', 'True']) {
      expect(parseCiliumConfig({ 'enable-endpoint-routes': yes }).config.enableEndpointRoutes).toBe(true);
    }
    for (const no of ['0', 'f', 'F', 'FALSE', 'false', 'False']) {
      expect(parseCiliumConfig({ 'enable-ipv4-masquerade': no }).config.enableIpv4Masquerade).toBe(false);
    }
  });

  test('kube-proxy-replacement: strict is true and partial false, each with a warning', () => {
    const strict = parseCiliumConfig({ 'kube-proxy-replacement': 'strict' });
    expect(strict.config.kubeProxyReplacement).toBe(true);
    expect(strict.issues).toEqual([expect.objectContaining({ severity: 'warning', field: 'kube-proxy-replacement' })]);
    expect(parseCiliumConfig({ 'kube-proxy-replacement': 'partial' }).config.kubeProxyReplacement).toBe(false);
  });

  test('monitor-aggregation takes the names and levels of pkg/option/monitor.go', () => {
    const level = (v: string) => parseCiliumConfig({ 'monitor-aggregation': v }).config.monitorAggregation;
    expect([level('none'), level('disabled'), level('lowest'), level('LoW'), level('max'), level('3')]).toEqual([
      'none',
      'none',
      'low',
      'low',
      'maximum',
      'medium',
    ]);
  });

  test('bad values are errors naming the key; the default stays in effect', () => {
    const { config, issues } = parseCiliumConfig({
      'routing-mode': 'direct',
      'tunnel-protocol': 'gre',
      'kube-proxy-replacement': 'yes',
      'ipv4-native-routing-cidr': '10.0.0.0/40',
      'monitor-aggregation': 'loud',
      'auto-direct-node-routes': 'on',
    });
    expect(issues.map((i) => [i.severity, i.field])).toEqual([
      ['error', 'routing-mode'],
      ['error', 'tunnel-protocol'],
      ['error', 'kube-proxy-replacement'],
      ['error', 'ipv4-native-routing-cidr'],
      ['error', 'monitor-aggregation'],
      ['error', 'auto-direct-node-routes'],
    ]);
    expect(issues[0]?.message).toBe('cilium-config routing-mode: "direct" is not one of native, tunnel');
    expect(config.routingMode).toBe('tunnel');
  });

  test('unknown keys are kept in raw, untouched', () => {
    const raw = { 'cluster-name': 'default', debug: 'true', 'routing-mode': 'native', 'ipv4-native-routing-cidr': '10.0.0.0/8' };
    const { config, issues } = parseCiliumConfig(raw);
    expect(config.raw).toEqual(raw);
    expect(config.ipv4NativeRoutingCIDR).toEqual({ base: '10.0.0.0', bits: 8 });
    expect(issues).toEqual([]);
  });

  test('combinations the agent refuses at start-up are warnings', () => {
    const tunnel = parseCiliumConfig({ 'auto-direct-node-routes': 'true' }).issues;
    expect(tunnel).toEqual([expect.objectContaining({ severity: 'warning', field: 'auto-direct-node-routes' })]);
    const native = parseCiliumConfig({ 'routing-mode': 'native' }).issues;
    expect(native).toEqual([expect.objectContaining({ severity: 'warning', field: 'ipv4-native-routing-cidr' })]);
    const masq = { 'kube-proxy-replacement': 'true', 'enable-bpf-masquerade': 'true', 'enable-ip-masq-agent': 'true' };
    expect(parseCiliumConfig({ 'routing-mode': 'native', ...masq }).issues).toEqual([]);
  });
});

describe('applySettings', () => {
  const YAML = `apiVersion: v1
kind: ConfigMap
metadata:
  name: cilium-config
  namespace: kube-system
data:
  routing-mode: native
  auto-direct-node-routes: "true"
  ipv4-native-routing-cidr: 192.168.0.0/16
  enable-ip-masq-agent: "true"
  enable-bpf-masquerade: "true"
  kube-proxy-replacement: "true"
  cluster-name: lab
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: ip-masq-agent
  namespace: kube-system
data:
  config: '{"nonMasqueradeCIDRs": ["10.0.0.0/8"]}'
---
apiVersion: v1
kind: Node
metadata:
  name: n1
spec:
  podCIDR: 10.1.1.0/24
status:
  addresses:
  - type: InternalIP
    address: 192.168.1.1
`;
  const base = (): ClusterModel => {
    const r = loadScenario(YAML, 'lab');
    if (!r.ok) throw new Error(r.errors[0]?.message);
    return r.model;
  };

  test('overrides a key and keeps everything else, ip-masq-agent list included', () => {
    const r = applySettings(base(), { 'enable-ip-masq-agent': 'false' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.model.config.enableIpMasqAgent).toBe(false);
    expect(r.model.config.routingMode).toBe('native');
    expect(r.model.config.raw['cluster-name']).toBe('lab');
    expect(r.model.config.nonMasqueradeCIDRs).toEqual([{ base: '10.0.0.0', bits: 8 }]);
    expect(base().config.enableIpMasqAgent).toBe(true);
  });

  test('an unknown key and a bad value are errors naming the --set', () => {
    const r = applySettings(base(), { 'routing-mod': 'tunnel', 'routing-mode': 'vxlan' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/^--set routing-mod: not a cilium-config key the engine models \(known: routing-mode, /),
      '--set routing-mode=vxlan: "vxlan" is not one of native, tunnel',
    ]);
  });

  test('the config warnings are those of the new config', () => {
    const r = applySettings(base(), { 'routing-mode': 'tunnel' });
    expect(r.ok && r.model.warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(/^ConfigMap kube-system\/cilium-config, data\.auto-direct-node-routes: the agent refuses/),
    ]);
    const back = r.ok ? applySettings(r.model, { 'routing-mode': 'native' }) : r;
    expect(back.ok && back.model.warnings).toEqual([]);
  });
});
