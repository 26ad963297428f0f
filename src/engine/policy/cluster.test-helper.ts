/**
 * A small cluster for the policy tests: two nodes, a client and a server in
 * `default`, a client of the same labels in `team`, kube-dns. Tests append
 * their policies to it and get a derived Datapath.
 */
import { loadScenario } from '../../scenario/load.ts';
import { derive } from '../derive/index.ts';
import type { Datapath, EndpointInfo } from '../derive/types.ts';

const CLUSTER = `
apiVersion: v1
kind: ConfigMap
metadata: { name: cilium-config, namespace: kube-system }
data:
  cluster-name: lab2
  routing-mode: native
  kube-proxy-replacement: "true"
  enable-bpf-masquerade: "true"
  ipv4-native-routing-cidr: 10.20.0.0/16
  auto-direct-node-routes: "true"
  enable-endpoint-routes: "true"
---
apiVersion: v1
kind: Node
metadata: { name: alpha }
spec: { podCIDRs: [10.20.1.0/24] }
status: { addresses: [{ type: InternalIP, address: 10.0.1.10 }] }
---
apiVersion: v1
kind: Node
metadata: { name: beta }
spec: { podCIDRs: [10.20.2.0/24] }
status: { addresses: [{ type: InternalIP, address: 10.0.1.11 }] }
---
apiVersion: v1
kind: Pod
metadata: { name: client, namespace: default, labels: { app: client } }
spec: { nodeName: alpha, containers: [{ name: c }] }
status: { phase: Running, podIP: 10.20.1.5 }
---
apiVersion: v1
kind: Pod
metadata: { name: server, namespace: default, labels: { app: server, tier: back } }
spec:
  nodeName: beta
  containers:
  - name: s
    ports: [{ name: http, containerPort: 8080, protocol: TCP }]
status: { phase: Running, podIP: 10.20.2.7 }
---
apiVersion: v1
kind: Pod
metadata: { name: client, namespace: team, labels: { app: client } }
spec: { nodeName: beta, containers: [{ name: c }] }
status: { phase: Running, podIP: 10.20.2.9 }
---
apiVersion: v1
kind: Pod
metadata: { name: dns, namespace: kube-system, labels: { k8s-app: kube-dns } }
spec:
  nodeName: alpha
  containers:
  - name: d
    ports: [{ name: dns, containerPort: 53, protocol: UDP }]
status: { phase: Running, podIP: 10.20.1.53 }
`;

/** The cluster plus `policies` (YAML documents), with extra cilium-config keys. */
export function clusterWith(policies: string, config: Record<string, string> = {}): Datapath {
  const extra = Object.entries(config).map(([k, v]) => `  ${k}: "${v}"\n`).join('');
  const r = loadScenario(`${CLUSTER.replace('data:\n', `data:\n${extra}`)}\n---\n${policies}`, 'lab2');
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
  return derive(r.model);
}

export function ep(dp: Datapath, key: string): EndpointInfo {
  const e = dp.endpointByKey.get(key);
  if (!e) throw new Error(`no endpoint ${key}`);
  return e;
}

/** Identity of a pod's endpoint. */
export const idOf = (dp: Datapath, key: string) => ep(dp, key).identity as number;
