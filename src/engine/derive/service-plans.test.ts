import { describe, expect, test } from 'vitest';
import { loadScenario } from '../../scenario/load.ts';
import { derive } from './index.ts';
import { initialTables } from '../runtime/tables.ts';
import { runCiliumCommand } from '../formats/cilium/dispatch.ts';

/** Two nodes; the only backend pod runs on n1. */
const cluster = (policies: string, extra = '') => `apiVersion: v1
kind: ConfigMap
metadata: {name: cilium-config, namespace: kube-system}
data: {kube-proxy-replacement: "true"}
---
apiVersion: v1
kind: Node
metadata: {name: n1}
spec: {podCIDRs: [10.1.1.0/24]}
status: {addresses: [{type: InternalIP, address: 192.168.1.1}]}
---
apiVersion: v1
kind: Node
metadata: {name: n2}
spec: {podCIDRs: [10.1.2.0/24]}
status: {addresses: [{type: InternalIP, address: 192.168.1.2}]}
---
apiVersion: v1
kind: Pod
metadata: {name: web, labels: {app: web}}
spec:
  nodeName: n1
  containers:
  - name: c
    ports: [{containerPort: 80, hostPort: 8080, hostIP: 192.168.1.1}]
status: {phase: Running, podIP: 10.1.1.10}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  type: NodePort
  clusterIP: 10.96.0.20
  selector: {app: web}
  ${policies}
  ports: [{port: 80, nodePort: 30080}]
${extra}`;

function frontends(policies: string, node: string) {
  const r = loadScenario(cluster(policies), 't');
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
  const dp = derive(r.model);
  return dp.nodeFrontends(node).map((f) => ({
    at: `${f.type} ${f.address}:${f.port}${f.internal ? '/i' : ''}`,
    backends: f.backendIds.map((id) => dp.backends.get(id)?.address),
    flags: f.flags.join(', '),
  }));
}

describe('traffic policies: the scopes each node gets', () => {
  test('internalTrafficPolicy Local on a NodePort: two scopes, the /i one local, the ClusterIP local', () => {
    const n2 = frontends('internalTrafficPolicy: Local', 'n2');
    expect(n2).toEqual([
      { at: 'ClusterIP 10.96.0.20:80', backends: [], flags: 'ClusterIP, InternalLocal, non-routable' },
      { at: 'NodePort 192.168.1.2:30080', backends: ['10.1.1.10'], flags: 'NodePort, InternalLocal, two-scopes' },
      { at: 'NodePort 192.168.1.2:30080/i', backends: [], flags: 'NodePort, InternalLocal, two-scopes' },
      { at: 'NodePort 0.0.0.0:30080', backends: ['10.1.1.10'], flags: 'NodePort, InternalLocal, two-scopes, non-routable' },
      { at: 'NodePort 0.0.0.0:30080/i', backends: [], flags: 'NodePort, InternalLocal, two-scopes, non-routable' },
    ]);
  });

  test('both Local: one scope, local backends only, no two-scopes flag', () => {
    const n2 = frontends('externalTrafficPolicy: Local\n  internalTrafficPolicy: Local', 'n2');
    expect(n2.map((f) => f.at)).toEqual(['ClusterIP 10.96.0.20:80', 'NodePort 192.168.1.2:30080', 'NodePort 0.0.0.0:30080']);
    expect(n2.every((f) => f.backends.length === 0)).toBe(true);
    expect(n2[1]?.flags).toBe('NodePort, Local, InternalLocal');
    expect(frontends('externalTrafficPolicy: Local\n  internalTrafficPolicy: Local', 'n1')[1]?.backends).toEqual(['10.1.1.10']);
  });

  test('a hostPort with hostIP binds that address only, on the pod\'s node only', () => {
    const n1 = frontends('', 'n1').filter((f) => f.at.startsWith('HostPort'));
    expect(n1).toEqual([{ at: 'HostPort 192.168.1.1:8080', backends: ['10.1.1.10'], flags: 'HostPort' }]);
    expect(frontends('', 'n2').some((f) => f.at.startsWith('HostPort'))).toBe(false);
  });
});

describe('terminating backends', () => {
  const slice = `---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: {name: web-x, labels: {kubernetes.io/service-name: web}}
addressType: IPv4
ports: [{port: 80}]
endpoints:
- {addresses: [10.1.2.20], nodeName: n2, conditions: {ready: false, serving: true, terminating: true}}
- {addresses: [10.1.1.10], nodeName: n1, conditions: {ready: true}}
- {addresses: [10.1.2.30], nodeName: n2, conditions: {ready: false, serving: false, terminating: true}}
`;

  test('follow the active ones in the slots and are not counted; not serving ones are gone', () => {
    const r = loadScenario(cluster('', slice), 't');
    if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
    const dp = derive(r.model);
    const f = dp.nodeFrontends('n1').find((x) => x.type === 'ClusterIP');
    expect(f?.backendIds.map((id) => `${dp.backends.get(id)?.address} ${dp.backends.get(id)?.state}`)).toEqual([
      '10.1.1.10 active',
      '10.1.2.20 terminating',
    ]);
    const out = runCiliumCommand(dp, initialTables(dp, 'n1'), 'n1', ['map', 'get', 'cilium_lb4_services_v2']);
    // The master slot's count is 1: new connections only pick the active backend.
    expect(out.ok && out.text).toMatch(/10\.96\.0\.20:80 \(0\)\s+0 1 \(\d+\)/);
    expect(out.ok && out.text).toMatch(/10\.96\.0\.20:80 \(2\)/);
  });
});
