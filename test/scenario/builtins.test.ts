/** The other built-in clusters, and the index the UI lists scenarios from. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { applySettings, describeModel, loadScenario } from '../../src/scenario/index.ts';
import type { ClusterModel } from '../../src/scenario/model.ts';
import { cidrContains, parseCidr } from '../../src/scenario/values.ts';

const dir = new URL('../../public/scenarios/', import.meta.url);

function load(name: string): ClusterModel {
  const r = loadScenario(readFileSync(new URL(`${name}.yaml`, dir), 'utf8'), name);
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
  return r.model;
}

describe('three-zones', () => {
  const m = load('three-zones');

  test('four nodes in 10.0.0.0/24 with pod CIDRs in 10.244.0.0/16 on eth0, no Cilium objects', () => {
    const nodeNet = parseCidr('10.0.0.0/24');
    const podNet = parseCidr('10.244.0.0/16');
    if (!nodeNet || !podNet) throw new Error('bad CIDR in test');
    expect(m.nodes.map((n) => n.name)).toEqual(['node-a', 'node-b', 'node-c', 'node-d']);
    for (const n of m.nodes) {
      expect(cidrContains(nodeNet, n.internalIP)).toBe(true);
      expect(n.podCIDRs.every((c) => c.bits === 24 && cidrContains(podNet, c.base))).toBe(true);
      expect([n.device, n.ciliumInternalIP, n.healthIP]).toEqual(['eth0', undefined, undefined]);
    }
    expect(m.pods.filter((p) => Object.keys(p.endpoint).length > 0)).toEqual([]);
  });

  test('web has three Running backends on three nodes and maps 8080 to the named port http (80)', () => {
    const web = m.services.find((s) => s.name === 'web');
    expect(web?.ports).toEqual([{ name: 'http', protocol: 'TCP', port: 8080, targetPort: 'http', nodePort: undefined }]);
    const backends = m.pods.filter((p) => p.namespace === 'shop' && p.labels['app'] === 'web' && p.phase === 'Running');
    expect(new Set(backends.map((p) => p.nodeName)).size).toBe(3);
    for (const b of backends) expect(b.ports).toEqual([{ name: 'http', containerPort: 80, protocol: 'TCP' }]);
    expect(m.pods.find((p) => p.labels['app'] === 'web' && p.phase === 'Pending')?.nodeName).toBe('');
  });

  test('payments selects nothing: the only warning', () => {
    expect(m.warnings.map((w) => [w.object, w.field])).toEqual([['Service shop/payments', 'spec.selector']]);
    expect(m.ignored.map((i) => i.split(' (')[0])).toEqual(['Namespace shop', 'Deployment shop/frontend']);
  });

  test('config: native routing, socket LB, BPF masquerade, no ip-masq-agent, pod range not masqueraded', () => {
    expect(m.config).toMatchObject({
      routingMode: 'native',
      kubeProxyReplacement: true,
      bpfLbSock: true,
      enableBpfMasquerade: true,
      enableIpMasqAgent: false,
      ipv4NativeRoutingCIDR: { base: '10.244.0.0', bits: 16 },
    });
    expect(m.services.every((s) => s.serviceIds === undefined)).toBe(true);
  });
});

describe('one-node', () => {
  test("one node, Cilium's defaults: tunnel mode and kube-proxy kept", () => {
    const m = load('one-node');
    expect(m.nodes.map((n) => [n.name, n.internalIP, n.device])).toEqual([['solo', '172.18.0.2', 'eth0']]);
    expect(m.config).toMatchObject({ routingMode: 'tunnel', tunnelProtocol: 'vxlan', kubeProxyReplacement: false, bpfLbSock: false });
    expect(m.services[0]).toMatchObject({ name: 'echo', ports: [{ port: 80, targetPort: 'http' }] });
    expect(m.warnings).toEqual([]);
  });
});

describe('the scenario index', () => {
  const index = JSON.parse(readFileSync(new URL('index.json', dir), 'utf8')) as {
    default: string;
    scenarios: { name: string; file: string; title: string; description: string }[];
  };

  test('lists every YAML file once, names the default, and every one loads', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
    expect(index.scenarios.map((s) => s.file).sort()).toEqual(files);
    expect(index.scenarios.map((s) => s.name)).toContain(index.default);
    for (const s of index.scenarios) {
      expect(s.file).toBe(`${s.name}.yaml`);
      expect(s.title.length).toBeGreaterThan(0);
      expect(describeModel(load(s.name))).toContain(`Scenario ${s.name}:`);
    }
  });

  test('the classroom toggles apply to every built-in scenario', () => {
    const toggles: Record<string, string>[] = [
      { 'routing-mode': 'tunnel' },
      // kube-proxy mode as the page's preset sets it: without BPF masquerade, which the agent refuses then.
      { 'kube-proxy-replacement': 'false', 'enable-bpf-masquerade': 'false', 'enable-ip-masq-agent': 'false', 'bpf-lb-sock': 'false' },
      { 'enable-ip-masq-agent': 'false' },
    ];
    for (const s of index.scenarios) {
      const m = load(s.name);
      for (const set of toggles) {
        const r = applySettings(m, set);
        expect(r.ok, `${s.name} ${JSON.stringify(set)}`).toBe(true);
      }
    }
  });
});
