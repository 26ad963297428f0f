import { describe, expect, test } from 'vitest';
import { loadScenario } from './load.ts';
import type { ClusterModel, ScenarioIssue } from './model.ts';

/** Two nodes, two web pods, one Service: valid; each test breaks one thing. */
const BASE = `apiVersion: v1
kind: Node
metadata:
  name: n1
spec:
  podCIDRs:
  - 10.1.1.0/24
status:
  addresses:
  - type: InternalIP
    address: 192.168.1.1
---
apiVersion: v1
kind: Node
metadata:
  name: n2
spec:
  podCIDRs:
  - 10.1.2.0/24
status:
  addresses:
  - type: InternalIP
    address: 192.168.1.2
---
apiVersion: v1
kind: Pod
metadata:
  name: web1
  labels:
    app: web
spec:
  nodeName: n1
  containers:
  - name: c
    image: whoami
    ports:
    - containerPort: 80
      name: http
status:
  phase: Running
  podIP: 10.1.1.10
---
apiVersion: v1
kind: Pod
metadata:
  name: web2
  labels:
    app: web
spec:
  nodeName: n2
  containers:
  - name: c
    image: whoami
status:
  phase: Running
  podIP: 10.1.2.10
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  clusterIP: 10.96.0.10
  ports:
  - port: 80
    targetPort: http
  selector:
    app: web
`;

function lineOf(text: string, needle: string, from = 0): number {
  const i = text.indexOf(needle, from);
  if (i < 0) throw new Error(`fixture has no ${needle}`);
  return text.slice(0, i).split('\n').length;
}

function modelOf(text: string): ClusterModel {
  const r = loadScenario(text, 'test');
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
  return r.model;
}

function errorsOf(text: string): ScenarioIssue[] {
  const r = loadScenario(text, 'test');
  if (r.ok) throw new Error('expected the scenario to be rejected');
  return r.errors;
}

/** The one issue about `object`/`field`, checked to be located and worded as a person reads it. */
function issueAbout(issues: ScenarioIssue[], object: string, field: string | undefined): ScenarioIssue {
  const found = issues.filter((i) => i.object === object && i.field === field);
  expect(found, issues.map((i) => i.message).join('\n')).toHaveLength(1);
  const issue = found[0] as ScenarioIssue;
  expect(issue.message.startsWith(field ? `${object}, ${field} (` : `${object} (`)).toBe(true);
  expect(issue.message).toContain(`line ${issue.line}`);
  return issue;
}

describe('loadScenario: a valid cluster', () => {
  test('reads nodes, pods and services with their defaults', () => {
    const m = modelOf(BASE);
    expect(m.name).toBe('test');
    expect(m.nodes.map((n) => [n.name, n.internalIP, n.device])).toEqual([
      ['n1', '192.168.1.1', 'eth0'],
      ['n2', '192.168.1.2', 'eth0'],
    ]);
    // No device annotations: the neutral defaults, each recorded for `validate`.
    // n1 is 192.168.1.1 itself, so its default gateway is the subnet's last host.
    expect(m.nodes[0]).toMatchObject({ deviceSubnet: { base: '192.168.1.0', bits: 24 }, gateway: '192.168.1.254' });
    expect(m.nodes[1]).toMatchObject({ gateway: '192.168.1.1' });
    expect(m.nodes[0]?.defaults).toEqual([
      'device eth0 (no flowlab.cilium.io/device annotation, no cilium-config devices)',
      'device subnet 192.168.1.0/24 (the /24 around the InternalIP)',
      'gateway 192.168.1.254 (the subnet\'s last host)',
      'device MAC derived from the node name',
      'device MTU 1500 (no cilium-config mtu, no device-mtu annotation)',
    ]);
    const web1 = m.pods[0];
    expect(web1).toMatchObject({ namespace: 'default', phase: 'Running', hostNetwork: false, serviceAccount: 'default' });
    expect(web1?.ports).toEqual([{ name: 'http', containerPort: 80, protocol: 'TCP' }]);
    expect(m.services[0]).toMatchObject({
      namespace: 'default',
      type: 'ClusterIP',
      clusterIP: '10.96.0.10',
      externalTrafficPolicy: 'Cluster',
      ports: [{ port: 80, targetPort: 'http', protocol: 'TCP' }],
    });
    expect(m.config.routingMode).toBe('tunnel');
    expect(m.warnings.map((w) => w.message)).toEqual([expect.stringContaining('no ConfigMap kube-system/cilium-config')]);
  });

  test('a kind: List is read like separate documents, each item located on its own line', () => {
    const list = `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Node
  metadata:
    name: solo
  spec:
    podCIDR: 10.9.0.0/24
  status:
    addresses:
    - type: InternalIP
      address: 10.0.0.9
- apiVersion: v1
  kind: Pod
  metadata:
    name: p
  spec:
    nodeName: solo
  status:
    podIP: 10.9.0.300
`;
    const issue = issueAbout(errorsOf(list), 'Pod default/p', 'status.podIP');
    expect(issue.line).toBe(lineOf(list, 'podIP: 10.9.0.300'));
    expect(issue.doc).toBe(0);
    expect(modelOf(list.replace('10.9.0.300', '10.9.0.3')).nodes[0]?.podCIDRs).toEqual([{ base: '10.9.0.0', bits: 24 }]);
  });

  test('other kinds and unread ConfigMaps are listed as ignored, never fatal', () => {
    const text = `${BASE}---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: coredns
  namespace: kube-system
---
apiVersion: v1
kind: Service
metadata:
  name: ext
spec:
  type: ExternalName
  externalName: example.com
`;
    expect(modelOf(text).ignored).toEqual([
      `Deployment shop/web (document 6, line ${lineOf(text, 'kind: Deployment') - 1}): kind not modelled`,
      `ConfigMap kube-system/coredns (document 7, line ${lineOf(text, 'kind: ConfigMap') - 1}): not a ConfigMap the agent reads`,
      `Service default/ext (document 8, line ${lineOf(text, 'kind: Service\nmetadata:\n  name: ext') - 1}): type ExternalName has no frontend in the datapath`,
    ]);
  });

  test('a selector that matches no Running pod is a warning, not an error', () => {
    const text = BASE.replace('  selector:\n    app: web', '  selector:\n    app: nothing');
    const m = modelOf(text);
    const w = issueAbout(m.warnings, 'Service default/web', 'spec.selector');
    expect(w.severity).toBe('warning');
    expect(w.line).toBe(lineOf(text, '  selector:\n    app: nothing'));
    expect(w.message).toContain('app=nothing matches no Running pod');
  });

  test('a host-network pod without podIP takes its node IP; a Pending pod needs neither node nor IP', () => {
    const text = `${BASE}---
apiVersion: v1
kind: Pod
metadata:
  name: agent
spec:
  nodeName: n2
  hostNetwork: true
---
apiVersion: v1
kind: Pod
metadata:
  name: waiting
status:
  phase: Pending
`;
    const pods = modelOf(text).pods;
    expect(pods.find((p) => p.name === 'agent')?.podIP).toBe('192.168.1.2');
    expect(pods.find((p) => p.name === 'waiting')).toMatchObject({ nodeName: '', phase: 'Pending', podIP: undefined });
  });
});

describe('loadScenario: each error names the object, the field and the line', () => {
  test('broken YAML gives the line and column of the syntax error', () => {
    const text = BASE.replace('  - 10.1.2.0/24', '  - [10.1.2.0/24');
    const errors = errorsOf(text);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]?.message).toMatch(/^YAML \(document 2, line \d+, column \d+\): /);
    expect(errors[0]?.line).toBeGreaterThanOrEqual(lineOf(text, '[10.1.2.0/24'));
  });

  test('a Node without InternalIP', () => {
    const text = BASE.replace('  - type: InternalIP\n    address: 192.168.1.2', '  - type: Hostname\n    address: n2');
    const errors = errorsOf(text);
    const e = issueAbout(errors, 'Node n2', 'status.addresses');
    expect(e.line).toBe(lineOf(text, 'addresses:', text.indexOf('name: n2')));
    expect(e.message).toContain('no IPv4 InternalIP');
    // web2 runs on n2: it is not reported again as "on an unknown node".
    expect(errors).toHaveLength(1);
  });

  test('a Running pod without nodeName', () => {
    const text = BASE.replace('  nodeName: n2\n', '');
    const e = issueAbout(errorsOf(text), 'Pod default/web2', 'spec.nodeName');
    expect(e.message).toContain('required for a Running pod');
  });

  test('an invalid IP and an invalid CIDR', () => {
    const text = BASE.replace('podIP: 10.1.1.10', 'podIP: 10.1.1.256').replace('- 10.1.2.0/24', '- 10.1.2.0/33');
    const errors = errorsOf(text);
    expect(issueAbout(errors, 'Pod default/web1', 'status.podIP').line).toBe(lineOf(text, 'podIP: 10.1.1.256'));
    const cidr = issueAbout(errors, 'Node n2', 'spec.podCIDRs[0]');
    // Not also "the node has no pod CIDR": one mistake, one error.
    expect(errors.filter((e) => e.object === 'Node n2')).toHaveLength(1);
    expect(cidr.line).toBe(lineOf(text, '- 10.1.2.0/33'));
    expect(cidr.message).toContain('"10.1.2.0/33" is not an IPv4 CIDR');
  });

  test("a pod IP outside its node's pod CIDRs", () => {
    const text = BASE.replace('podIP: 10.1.1.10', 'podIP: 10.1.2.99');
    const e = issueAbout(errorsOf(text), 'Pod default/web1', 'status.podIP');
    expect(e.line).toBe(lineOf(text, 'podIP: 10.1.2.99'));
    expect(e.message).toContain("10.1.2.99 is outside Node n1's pod CIDRs (10.1.1.0/24)");
  });

  test('a host-network pod must carry its node IP', () => {
    const text = BASE.replace('  nodeName: n2\n', '  nodeName: n2\n  hostNetwork: true\n');
    const e = issueAbout(errorsOf(text), 'Pod default/web2', 'status.podIP');
    expect(e.message).toContain("has its node's IP 192.168.1.2, not 10.1.2.10");
  });

  test('duplicate pod IPs name both pods', () => {
    const text = BASE.replace('  nodeName: n2', '  nodeName: n1').replace('podIP: 10.1.2.10', 'podIP: 10.1.1.10');
    const e = issueAbout(errorsOf(text), 'Pod default/web2', 'status.podIP');
    expect(e.message).toContain('10.1.1.10 is also the IP of Pod default/web1 (document 3, line');
  });

  test('a pod on an unknown node lists the known nodes', () => {
    const text = BASE.replace('  nodeName: n2', '  nodeName: n9');
    const e = issueAbout(errorsOf(text), 'Pod default/web2', 'spec.nodeName');
    expect(e.line).toBe(lineOf(text, 'nodeName: n9'));
    expect(e.message).toContain('"n9" is not a Node in the scenario (nodes: n1, n2)');
  });

  test('a Service clusterIP that is not an IP', () => {
    const text = BASE.replace('clusterIP: 10.96.0.10', 'clusterIP: web.local');
    const e = issueAbout(errorsOf(text), 'Service default/web', 'spec.clusterIP');
    expect(e.line).toBe(lineOf(text, 'clusterIP: web.local'));
    expect(e.message).toContain('"web.local" is not an IPv4 address');
  });

  test('ports out of range', () => {
    const text = BASE.replace('  - port: 80\n    targetPort: http', '  - port: 70000\n    targetPort: 0').replace(
      'containerPort: 80',
      'containerPort: -1',
    );
    const errors = errorsOf(text);
    expect(issueAbout(errors, 'Service default/web', 'spec.ports[0].port').message).toContain('70000 is out of range (1..65535)');
    expect(issueAbout(errors, 'Service default/web', 'spec.ports[0].targetPort').line).toBe(lineOf(text, 'targetPort: 0'));
    expect(issueAbout(errors, 'Pod default/web1', 'spec.containers[0].ports[0].containerPort').line).toBe(
      lineOf(text, 'containerPort: -1'),
    );
  });

  test('two nodes with overlapping pod CIDRs name both', () => {
    const text = BASE.replace('- 10.1.2.0/24', '- 10.1.0.0/16');
    const e = issueAbout(errorsOf(text), 'Node n2', 'spec.podCIDRs[0]');
    expect(e.line).toBe(lineOf(text, '- 10.1.0.0/16'));
    expect(e.message).toContain("10.1.0.0/16 overlaps Node n1's pod CIDR 10.1.1.0/24");
  });

  test('a document that is not an object, and an object without a name', () => {
    const errors = errorsOf(`${BASE}---\njust text\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  labels: {}\n`);
    expect(errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/^YAML \(document 6, line \d+\): not a Kubernetes object/),
      expect.stringMatching(/^Pod, metadata\.name \(document 7, line \d+\): is required$/),
    ]);
  });

  test('an empty scenario has no nodes', () => {
    expect(errorsOf('')[0]).toMatchObject({ line: 1, message: expect.stringContaining('no Node objects') });
  });
});
