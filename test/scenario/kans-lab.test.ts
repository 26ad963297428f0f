/** The built-in lab holds the seed's facts (its service section), as the engine will need them. */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { describeModel, frontendSlots, loadScenario } from '../../src/scenario/index.ts';
import type { ClusterModel, PodModel } from '../../src/scenario/model.ts';

function loadLab(): ClusterModel {
  const r = loadScenario(readFileSync(new URL('../../public/scenarios/kans-lab.yaml', import.meta.url), 'utf8'), 'kans-lab');
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
  return r.model;
}

const lab = loadLab();
const pod = (key: string): PodModel => {
  const p = lab.pods.find((x) => `${x.namespace}/${x.name}` === key);
  if (!p) throw new Error(`no pod ${key}`);
  return p;
};

describe('kans-lab', () => {
  test('loads without errors, warnings or ignored objects', () => {
    expect(lab.name).toBe('kans-lab');
    expect(lab.warnings).toEqual([]);
    expect(lab.ignored).toEqual([]);
  });

  test('three nodes with the seed IPs, pod CIDRs, cilium_host and health IPs, device ens5', () => {
    expect(
      lab.nodes.map((n) => [n.name, n.internalIP, n.podCIDRs.map((c) => `${c.base}/${c.bits}`), n.ciliumInternalIP, n.healthIP, n.device]),
    ).toEqual([
      ['k8s-s', '192.168.10.10', ['172.16.0.0/24'], '172.16.0.189', '172.16.0.43', 'ens5'],
      ['k8s-w1', '192.168.10.101', ['172.16.1.0/24'], '172.16.1.1', '172.16.1.180', 'ens5'],
      ['k8s-w2', '192.168.10.102', ['172.16.2.0/24'], '172.16.2.206', '172.16.2.144', 'ens5'],
    ]);
    expect(lab.nodes[0]?.labels['node-role.kubernetes.io/control-plane']).toBe('');
  });

  test('the test pods: where they run, their IPs, labels and identities', () => {
    const facts = (key: string) => {
      const p = pod(key);
      return [p.nodeName, p.podIP, p.labels['app'], p.endpoint.identity];
    };
    expect(facts('default/netpod')).toEqual(['k8s-s', '172.16.0.79', 'netpod', 26332]);
    expect(facts('default/netpod2')).toEqual(['k8s-s', '172.16.0.112', 'netpod2', undefined]);
    expect(facts('default/webpod1')).toEqual(['k8s-w1', '172.16.1.235', 'webpod', 10037]);
    expect(facts('default/webpod2')).toEqual(['k8s-w2', '172.16.2.253', 'webpod', 10037]);
    expect(pod('default/webpod1').ports).toEqual([{ containerPort: 80, protocol: 'TCP', name: undefined }]);
  });

  test("netpod's endpoint carries the seed's veth facts; endpoint ids are left to derivation", () => {
    expect(pod('default/netpod').endpoint).toEqual({
      identity: 26332,
      mac: 'ce:4f:33:14:59:b3',
      hostMac: '3e:6a:d8:a6:93:05',
      interfaceName: 'lxce880e1eecb7a',
      interfaceIndex: 10,
      netns: 'cni-829ecafa-430f-17ba-f69a-08f0bf5930b5',
    });
    expect(lab.pods.filter((p) => p.endpoint.endpointId !== undefined)).toEqual([]);
  });

  test('kube-system pods: coredns, hubble, the agents on the host network', () => {
    const system = lab.pods.filter((p) => p.namespace === 'kube-system');
    const dns = system.filter((p) => p.labels['k8s-app'] === 'kube-dns');
    expect(dns.map((p) => [p.nodeName, p.podIP, p.endpoint.identity])).toEqual([
      ['k8s-s', '172.16.0.144', 40127],
      ['k8s-s', '172.16.0.193', 40127],
    ]);
    expect(dns[0]?.ports.map((c) => `${c.containerPort}/${c.protocol} ${c.name}`)).toEqual(['53/UDP dns', '53/TCP dns-tcp', '9153/TCP metrics']);
    const byApp = (app: string) => system.find((p) => p.labels['k8s-app'] === app);
    expect([byApp('hubble-ui')?.nodeName, byApp('hubble-ui')?.podIP, byApp('hubble-ui')?.endpoint.identity]).toEqual(['k8s-w2', '172.16.2.65', 46309]);
    expect([byApp('hubble-relay')?.podIP, byApp('hubble-relay')?.endpoint.identity]).toEqual(['172.16.2.82', 2396]);
    expect(byApp('hubble-relay')?.ports).toEqual([{ containerPort: 4245, protocol: 'TCP', name: 'grpc' }]);
    const agents = system.filter((p) => p.labels['k8s-app'] === 'cilium');
    expect(agents.map((p) => [p.nodeName, p.podIP, p.hostNetwork])).toEqual([
      ['k8s-s', '192.168.10.10', true],
      ['k8s-w1', '192.168.10.101', true],
      ['k8s-w2', '192.168.10.102', true],
    ]);
    expect(agents[0]?.ports[0]).toEqual({ containerPort: 4244, hostPort: 4244, protocol: 'TCP', name: 'peer-service' });
    const hostOnSs = system.filter((p) => p.hostNetwork && p.nodeName === 'k8s-s').map((p) => p.name);
    expect(hostOnSs).toEqual(expect.arrayContaining(['cilium-operator-5c7867ccd5-tq2bx', 'kube-apiserver-k8s-s']));
  });

  test('services carry the seed revnat IDs, in ID order, one per frontend', () => {
    const rows = lab.services.map((s) => [`${s.namespace}/${s.name}`, s.clusterIP, s.serviceIds]);
    expect(rows).toEqual([
      ['default/kubernetes', '10.10.0.1', [1]],
      ['kube-system/hubble-peer', '10.10.152.163', [2]],
      ['kube-system/hubble-relay', '10.10.15.144', [3]],
      ['kube-system/hubble-ui', '10.10.25.166', [4, 7, 8]],
      ['kube-system/kube-dns', '10.10.0.10', [5, 6]],
      ['default/svc', '10.10.252.131', [9]],
    ]);
    for (const s of lab.services) expect(s.serviceIds).toHaveLength(frontendSlots(s).length);
    const stamps = lab.services.map((s) => s.creationTimestamp ?? '');
    expect([...stamps].sort()).toEqual(stamps);
  });

  test("service ports: the seed's svc manifest, named and mapped target ports, the NodePort", () => {
    const svc = (name: string) => lab.services.find((s) => s.name === name);
    expect(svc('svc')).toMatchObject({ type: 'ClusterIP', selector: { app: 'webpod' }, ports: [{ name: 'svc-webport', port: 80, targetPort: 80, protocol: 'TCP' }] });
    expect(svc('kubernetes')).toMatchObject({ selector: undefined, ports: [{ port: 443, targetPort: 6443 }] });
    expect(svc('kubernetes')?.sliceEndpoints).toEqual([
      { ip: '192.168.10.10', ready: true, serving: true, terminating: false, ports: [{ name: 'https', port: 6443, protocol: 'TCP' }], nodeName: undefined, podRef: undefined },
    ]);
    expect(svc('hubble-peer')).toMatchObject({ selector: { 'k8s-app': 'cilium' }, ports: [{ port: 443, targetPort: 4244 }] });
    expect(svc('hubble-relay')?.ports[0]).toMatchObject({ port: 80, targetPort: 'grpc' });
    expect(svc('hubble-ui')).toMatchObject({ type: 'NodePort', ports: [{ port: 80, targetPort: 8081, nodePort: 32283 }] });
    expect(svc('kube-dns')?.ports.map((p) => `${p.name} ${p.port}/${p.protocol}`)).toEqual(['dns 53/UDP', 'dns-tcp 53/TCP', 'metrics 9153/TCP']);
  });

  test("cilium-config is the seed's Helm values as the agent's keys", () => {
    const c = lab.config;
    expect({ ...c, raw: undefined }).toEqual({
      routingMode: 'native',
      tunnelProtocol: 'vxlan',
      kubeProxyReplacement: true,
      enableBpfMasquerade: true,
      enableIpv4Masquerade: true,
      enableHostLegacyRouting: false,
      ipv4NativeRoutingCIDR: { base: '192.168.0.0', bits: 16 },
      autoDirectNodeRoutes: true,
      enableEndpointRoutes: true,
      enableIpMasqAgent: true,
      bpfLbSock: true,
      monitorAggregation: 'medium',
      enableNodePort: true,
      enableHealthCheckNodePort: true,
      enableK8sTerminatingEndpoint: true,
      enableIpv6: false,
      enableTcx: true,
      datapathMode: 'veth',
      mtu: 0,
      ctTimeouts: { reportInterval: 5, reportFlags: 0xff, regularTcp: 8000, regularTcpSyn: 60, regularTcpFin: 10, regularAny: 60, serviceTcp: 8000, serviceAny: 60 },
      raw: undefined,
    });
    expect(c.nonMasqueradeCIDRs).toBeUndefined();
    expect(c.raw).toMatchObject({ 'install-no-conntrack-iptables-rules': 'true', ipam: 'kubernetes', 'cluster-name': 'default', debug: 'true' });
  });

  test('describeModel shows what was understood', () => {
    const text = describeModel(lab);
    expect(text).toMatch(/^Scenario kans-lab: 3 nodes, 16 pods, 6 services$/m);
    expect(text).toMatch(/^ {2}k8s-s +192\.168\.10\.10 +dev ens5 192\.168\.10\.0\/24 via 192\.168\.10\.1 mtu 9001 +pod CIDRs 172\.16\.0\.0\/24 +cilium_host 172\.16\.0\.189 +health 172\.16\.0\.43$/m);
    // The lab states its device facts; only the workers' MACs (not in the seed) are derived.
    expect(text).toContain('Defaults applied');
    expect(text).toMatch(/^ {2}k8s-w1: device MAC derived from the node name$/m);
    expect(text).not.toMatch(/^ {2}k8s-s: /m);
    expect(text).toMatch(/^ {4}default\/netpod2 +172\.16\.0\.112 +Running/m);
    expect(text).toContain('4=10.10.25.166:80 7=<node IP>:32283 8=0.0.0.0:32283');
    expect(text).toMatch(/^ {2}enable-ip-masq-agent +true$/m);
    expect(text).toMatch(/kept, not modelled \(\d+\): .*install-no-conntrack-iptables-rules/);
  });
});
