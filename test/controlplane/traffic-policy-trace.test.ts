/**
 * What a packet meets, on Cilium's nodeport test cluster: echo-local
 * (externalTrafficPolicy Local, nodePort 30867) has its one backend on
 * nodeport-worker. From outside, nodeport_lb4 looks up the external scope
 * only: on the control plane it is empty and the packet is dropped with
 * DROP_NO_SERVICE (158); on the worker it is forwarded to the local pod. The
 * cluster's own traffic switches to the `/i` scope, which has every backend.
 * Also: an IPv6 pair is refused with a clear message, and validate lists
 * what it did not model.
 */
import { describe, expect, test } from 'vitest';
import { derive, FlowError, traceFlow } from '../../src/engine/index.ts';
import { describeModel } from '../../src/scenario/describe.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { loadDumps } from './fixture.ts';

const nodeport = derive(loadDumps('nodeport', ['state1.yaml'], { 'enable-node-port': 'true' }));
const outside = (node: string, port: number) => traceFlow(nodeport, { from: '203.0.113.7', to: node, proto: 'tcp', port });

describe('externalTrafficPolicy Local from outside', () => {
  test('a node without a local backend: the external scope is empty, dropped with 158', () => {
    const t = outside('nodeport-control-plane', 30867);
    expect(t.outcome.status).toBe('dropped');
    const drop = t.events.at(-1);
    expect(drop).toMatchObject({ kind: 'drop', program: 'cil_from_netdev', drop: { code: 158 } });
    expect(drop?.source).toContain('nodeport_lb4');
  });

  test('the node with the backend forwards to it, without the /i scope', () => {
    const t = outside('nodeport-worker', 30867);
    expect(t.outcome.status).toBe('completed');
    const lb = t.events.find((e) => e.kind === 'service-lb');
    expect(lb?.packet?.dst).toBe('10.244.1.224');
    expect(lb?.maps.some((m) => m.key === '172.18.0.3:30867 (0)')).toBe(true);
    expect(lb?.maps.some((m) => m.key.includes('/i'))).toBe(false);
  });

  test('externalTrafficPolicy Cluster on the same node is not dropped there', () => {
    const t = outside('nodeport-control-plane', 30781);
    expect(t.events.find((e) => e.kind === 'service-lb')?.packet?.dst).toBe('10.244.1.224');
  });

  test('the scope switch: the cluster\'s own lookup meets the /i twin with every backend', () => {
    const ext = nodeport.lookupFrontend('nodeport-control-plane', '172.18.0.4' as never, 30867, 'external');
    const int = nodeport.lookupFrontend('nodeport-control-plane', '172.18.0.4' as never, 30867, 'internal');
    expect(ext?.internal).toBeUndefined();
    expect(ext?.backendIds).toEqual([]);
    expect(ext?.flags).toEqual(['NodePort', 'Local', 'two-scopes']);
    expect(int?.internal).toBe(true);
    expect(int?.backendIds.map((id) => nodeport.backends.get(id)?.address)).toEqual(['10.244.1.224']);
  });
});

describe('dual-stack limits, said clearly', () => {
  const options = { 'enable-ipv6': 'true', 'enable-node-port': 'true' };
  const dualstack = loadDumps('dualstack', ['state1.yaml'], options);

  test('a trace over an IPv6 pair says IPv6 flows are not walked yet', () => {
    const dp = derive(dualstack);
    for (const to of ['[fd00:10:96::31c2]:80', 'fd00:10:244:1::13e7']) {
      expect(() => traceFlow(dp, { from: 'dual-stack-worker', to, proto: 'tcp', port: 80 })).toThrow(FlowError);
      try {
        traceFlow(dp, { from: 'dual-stack-worker', to, proto: 'tcp', port: 80 });
      } catch (e) {
        expect((e as FlowError).id).toBe('error.ipv6_not_walked');
      }
    }
  });

  test('validate names what it did not model', () => {
    const on = describeModel(dualstack);
    expect(on).toMatch(/^Not modelled\n {2}IPv6 flows are not walked/m);
    const off = describeModel(loadDumps('dualstack', ['state1.yaml'], { 'enable-node-port': 'true' }));
    expect(off).toContain('IPv6 (enable-ipv6 is false): 1 IPv6 ClusterIPs, 2 IPv6 EndpointSlice addresses, 3 IPv6 node addresses');
    expect(off).toMatch(/default\/echo-dualstack +NodePort +10\.96\.255\.196, fd00:10:96::31c2/);
  });
});

/** KPR with the socket LB; echo's backend on n1, a client pod on n2; externalTrafficPolicy Local. */
const SCOPES = `apiVersion: v1
kind: ConfigMap
metadata: {name: cilium-config, namespace: kube-system}
data: {kube-proxy-replacement: "true", routing-mode: native, ipv4-native-routing-cidr: 10.0.0.0/8, auto-direct-node-routes: "true", enable-bpf-masquerade: "true"}
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
    ports: [{containerPort: 80}]
status: {phase: Running, podIP: 10.1.1.10}
---
apiVersion: v1
kind: Pod
metadata: {name: client}
spec:
  nodeName: n2
  containers: [{name: c}]
status: {phase: Running, podIP: 10.1.2.10}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  type: NodePort
  clusterIP: 10.96.0.20
  selector: {app: web}
  externalTrafficPolicy: Local
  ports: [{port: 80, nodePort: 30080}]
`;

describe('the cluster\'s own traffic meets the /i scope (bpf_sock scope switch)', () => {
  const r = loadScenario(SCOPES, 'scopes');
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
  const dp = derive(r.model);
  const sockKeys = (to: string) => {
    const t = traceFlow(dp, { from: 'client', to, proto: 'tcp', port: 30080 });
    expect(t.outcome.status).toBe('completed');
    expect(t.backend).toMatchObject({ kind: 'pod', name: 'web' });
    return t.events.find((e) => e.kind === 'socket-lb-rewrite')?.maps.map((m) => m.key) ?? [];
  };

  test('connect() to its own node\'s NodePort: the node address\'s /i frontend, all backends', () => {
    expect(sockKeys('n2')).toContain('192.168.1.2:30080/i (0)');
  });

  test('connect() to another node\'s NodePort: the wildcard 0.0.0.0 lookup, /i as well', () => {
    expect(sockKeys('n1')).toContain('0.0.0.0:30080/i (0)');
  });

  test('from outside, the same n2 address drops: the external scope has no backend there', () => {
    const t = traceFlow(dp, { from: '203.0.113.7', to: 'n2', proto: 'tcp', port: 30080 });
    expect(t.events.at(-1)?.drop?.code).toBe(158);
  });
});
