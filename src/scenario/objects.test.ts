/** The optional objects that make a scenario exact: Cilium CRDs, EndpointSlices, ConfigMaps, annotations. */
import { describe, expect, test } from 'vitest';
import { loadScenario } from './load.ts';
import type { ClusterModel, ScenarioIssue } from './model.ts';

const NODE = `apiVersion: v1
kind: Node
metadata:
  name: n1
  annotations:
    flowlab.cilium.io/device: eth1
spec:
  podCIDRs:
  - 10.1.1.0/24
status:
  addresses:
  - type: InternalIP
    address: 192.168.1.1
---
apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: shop
  labels:
    app: web
spec:
  nodeName: n1
status:
  podIP: 10.1.1.10
`;

const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

function load(extra: string): { text: string; result: ReturnType<typeof loadScenario> } {
  const text = `${NODE}---\n${extra}`;
  return { text, result: loadScenario(text, 't') };
}

function model(extra: string): ClusterModel {
  const { result } = load(extra);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.model;
}

function errors(extra: string): { text: string; errors: ScenarioIssue[] } {
  const { text, result } = load(extra);
  if (result.ok) throw new Error('expected errors');
  return { text, errors: result.errors };
}

const CEP = `apiVersion: cilium.io/v2
kind: CiliumEndpoint
metadata:
  name: web
  namespace: shop
status:
  id: 1519
  identity:
    id: 3470
  networking:
    addressing:
    - ipv4: 10.1.1.10
    mac: CE:4F:33:14:59:B3
    host-mac: 3e:6a:d8:a6:93:05
    interface-name: lxce880e1eecb7a
    interface-index: 10
`;

describe('Cilium objects', () => {
  test('the device annotation names the netdev', () => {
    expect(model('apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n').nodes[0]?.device).toBe('eth1');
  });

  test('a CiliumNode gives cilium_host and health IPs, and pod CIDRs when the Node has none', () => {
    const m = model(`apiVersion: cilium.io/v2
kind: CiliumNode
metadata:
  name: n1
spec:
  addresses:
  - ip: 192.168.1.1
    type: InternalIP
  - ip: 10.1.1.1
    type: CiliumInternalIP
  health:
    ipv4: 10.1.1.2
  ipam:
    podCIDRs:
    - 10.1.1.0/24
`);
    expect(m.nodes[0]).toMatchObject({ ciliumInternalIP: '10.1.1.1', healthIP: '10.1.1.2' });
    const text = NODE.replace('  podCIDRs:\n  - 10.1.1.0/24\n', '  {}\n');
    const r = loadScenario(`${text}---\napiVersion: cilium.io/v2\nkind: CiliumNode\nmetadata:\n  name: n1\nspec:\n  ipam:\n    podCIDRs: [10.1.1.0/24]\n`, 't');
    expect(r.ok && r.model.nodes[0]?.podCIDRs).toEqual([{ base: '10.1.1.0', bits: 24 }]);
  });

  test('a CiliumNode health IP that another object holds is an error naming it', () => {
    const { errors: errs } = errors(`apiVersion: cilium.io/v2
kind: CiliumNode
metadata:
  name: n1
spec:
  health:
    ipv4: 10.1.1.10
`);
    expect(errs.map((e) => e.message)).toEqual([
      expect.stringMatching(/^Pod shop\/web, status\.podIP \(document 2, line \d+\): 10\.1\.1\.10 is also the IP of CiliumNode n1 \(health IP\)/),
    ]);
  });

  test('a CiliumEndpoint makes identity, endpoint id and the veth facts exact', () => {
    expect(model(CEP).pods[0]?.endpoint).toEqual({
      identity: 3470,
      endpointId: 1519,
      mac: 'ce:4f:33:14:59:b3',
      hostMac: '3e:6a:d8:a6:93:05',
      interfaceName: 'lxce880e1eecb7a',
      interfaceIndex: 10,
    });
  });

  test('a bad MAC, a bad identity and an address that is not the pod IP are located errors', () => {
    const { text, errors: errs } = errors(
      CEP.replace('host-mac: 3e:6a:d8:a6:93:05', 'host-mac: 3e:6a:d8').replace('id: 3470', 'id: -4').replace('ipv4: 10.1.1.10', 'ipv4: 10.1.1.11'),
    );
    const fields = errs.map((e) => [e.object, e.field, e.line]);
    expect(fields).toEqual(
      expect.arrayContaining([
        ['CiliumEndpoint shop/web', 'status.identity.id', lineOf(text, 'id: -4')],
        ['CiliumEndpoint shop/web', 'status.networking.host-mac', lineOf(text, 'host-mac: 3e:6a:d8')],
        ['CiliumEndpoint shop/web', 'status.networking.addressing[0].ipv4', lineOf(text, 'ipv4: 10.1.1.11')],
      ]),
    );
    expect(errs).toHaveLength(3);
  });

  test('a CiliumEndpoint without its Pod is a warning', () => {
    const w = model(CEP.replace('  name: web\n', '  name: gone\n')).warnings.find((i) => i.object === 'CiliumEndpoint shop/gone');
    expect(w?.message).toContain('has no Pod shop/gone in the scenario: ignored');
  });
});

describe('Services, EndpointSlices and ConfigMaps', () => {
  const SVC = `apiVersion: v1
kind: Service
metadata:
  name: ui
  namespace: shop
  annotations:
    flowlab.cilium.io/service-ids: "4,7,8"
spec:
  type: NodePort
  clusterIP: 10.96.0.20
  ports:
  - port: 80
    targetPort: "8081"
    nodePort: 32283
  selector:
    app: web
`;

  test('service IDs follow the frontend order; a numeric string targetPort is a number', () => {
    const svc = model(SVC).services[0];
    expect(svc).toMatchObject({ type: 'NodePort', serviceIds: [4, 7, 8], ports: [{ port: 80, targetPort: 8081, nodePort: 32283 }] });
  });

  test('service IDs that do not fit the frontends are an error at the annotation', () => {
    const { text, errors: errs } = errors(SVC.replace('"4,7,8"', '"4,7"'));
    expect(errs[0]).toMatchObject({ object: 'Service shop/ui', field: "metadata.annotations['flowlab.cilium.io/service-ids']" });
    expect(errs[0]?.line).toBe(lineOf(text, 'flowlab.cilium.io/service-ids'));
    expect(errs[0]?.message).toContain('has 2 IDs but the Service has 3 frontends');
  });

  test('a NodePort Service needs its nodePort written out', () => {
    const { errors: errs } = errors(SVC.replace('    nodePort: 32283\n', ''));
    expect(errs.map((e) => e.field)).toContain('spec.ports[0].nodePort');
  });

  test('headless Services have no ClusterIP; EndpointSlices give backends and win', () => {
    const m = model(`apiVersion: v1
kind: Service
metadata:
  name: db
  namespace: shop
spec:
  clusterIP: None
  selector:
    app: db
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata:
  name: db-x1
  namespace: shop
  labels:
    kubernetes.io/service-name: db
addressType: IPv4
endpoints:
- addresses: [10.1.1.10]
  conditions: {ready: false}
  nodeName: n1
  targetRef: {kind: Pod, name: web}
ports:
- name: pg
  port: 5432
`);
    expect(m.services[0]?.clusterIP).toBeUndefined();
    expect(m.services[0]?.sliceEndpoints).toEqual([
      { ip: '10.1.1.10', ready: false, serving: false, terminating: false, nodeName: 'n1', podRef: 'shop/web', ports: [{ name: 'pg', port: 5432, protocol: 'TCP' }] },
    ]);
  });

  test('cilium-config problems are located at their data key', () => {
    const { text, errors: errs } = errors(`apiVersion: v1
kind: ConfigMap
metadata:
  name: cilium-config
  namespace: kube-system
data:
  routing-mode: direct
  enable-bpf-masquerade: "yes"
`);
    expect(errs.map((e) => [e.field, e.line, e.message.split(': ').pop()])).toEqual([
      ['data.routing-mode', lineOf(text, 'routing-mode: direct'), '"direct" is not one of native, tunnel'],
      ['data.enable-bpf-masquerade', lineOf(text, 'enable-bpf-masquerade'), '"yes" is not a boolean (true or false)'],
    ]);
    expect(errs[0]?.message.startsWith('ConfigMap kube-system/cilium-config, data.routing-mode (document 3, line')).toBe(true);
  });

  test('ip-masq-agent nonMasqueradeCIDRs fill the config; a bad CIDR is an error', () => {
    const cm = `apiVersion: v1
kind: ConfigMap
metadata:
  name: ip-masq-agent
  namespace: kube-system
data:
  config: |
    nonMasqueradeCIDRs:
    - 10.0.0.0/8
    - 172.16.0.0/12
    masqLinkLocal: false
`;
    expect(model(cm).config.nonMasqueradeCIDRs).toEqual([
      { base: '10.0.0.0', bits: 8 },
      { base: '172.16.0.0', bits: 12 },
    ]);
    const { errors: errs } = errors(cm.replace('172.16.0.0/12', '172.16.0.0/40'));
    expect(errs[0]).toMatchObject({ object: 'ConfigMap kube-system/ip-masq-agent', field: 'data.config' });
  });
});
