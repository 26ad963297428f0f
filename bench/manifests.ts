/**
 * YAML text of the Kubernetes objects the bench cluster is made of, in the
 * shape `kubectl get -o yaml` prints them (managedFields and uids left out).
 * Written as templates rather than through `yaml.stringify`: 100,000 pods
 * would take tens of seconds that way, and the loader parses the text anyway,
 * which is what proves it well-formed.
 */

export interface NodeSpec {
  name: string;
  ip: string;
  podCIDR: string;
  zone: string;
  controlPlane: boolean;
}

export interface ContainerPortSpec {
  name: string;
  port: number;
  protocol: 'TCP' | 'UDP';
}

export interface PodSpec {
  namespace: string;
  name: string;
  labels: Record<string, string>;
  /** ReplicaSet or DaemonSet that owns it; none for a bare pod. */
  owner?: { kind: 'ReplicaSet' | 'DaemonSet'; name: string };
  node: NodeSpec;
  /** undefined for host-network pods (the kubelet reports the node's IP). */
  ip?: string;
  image: string;
  container: string;
  ports: ContainerPortSpec[];
  serviceAccount: string;
  created: string;
}

export interface ServicePortSpec {
  name: string;
  port: number;
  targetPort: number | string;
  protocol: 'TCP' | 'UDP';
  nodePort?: number;
}

export interface ServiceSpec {
  namespace: string;
  name: string;
  labels: Record<string, string>;
  clusterIP: string;
  type: 'ClusterIP' | 'NodePort';
  selector?: Record<string, string>;
  ports: ServicePortSpec[];
  created: string;
}

/** A value that YAML would read as something other than the string it is ("", "true", "1.0"). */
const scalar = (v: string): string => (/^[A-Za-z][\w./-]*$/.test(v) && !/^(true|false|yes|no|on|off|null|~)$/i.test(v) ? v : JSON.stringify(v));

function map(entries: Record<string, string>, indent: string): string {
  return Object.entries(entries)
    .map(([k, v]) => `${indent}${k}: ${scalar(v)}\n`)
    .join('');
}

export function configMapYaml(name: string, namespace: string, data: Record<string, string>): string {
  return `apiVersion: v1
kind: ConfigMap
metadata:
  name: ${name}
  namespace: ${namespace}
  labels:
    app.kubernetes.io/managed-by: Helm
data:
${map(data, '  ')}`;
}

export function nodeYaml(n: NodeSpec): string {
  const role = n.controlPlane ? '    node-role.kubernetes.io/control-plane: ""\n' : '';
  const taints = n.controlPlane ? '  taints:\n  - effect: NoSchedule\n    key: node-role.kubernetes.io/control-plane\n' : '';
  return `apiVersion: v1
kind: Node
metadata:
  name: ${n.name}
  annotations:
    flowlab.cilium.io/device: ens5
  labels:
    kubernetes.io/arch: amd64
    kubernetes.io/hostname: ${n.name}
    kubernetes.io/os: linux
    node.kubernetes.io/instance-type: m6i.2xlarge
${role}    topology.kubernetes.io/zone: ${n.zone}
spec:
  podCIDR: ${n.podCIDR}
  podCIDRs:
  - ${n.podCIDR}
${taints}status:
  addresses:
  - address: ${n.ip}
    type: InternalIP
  - address: ${n.name}
    type: Hostname
  conditions:
  - type: Ready
    status: "True"
    reason: KubeletReady
  nodeInfo:
    kubeletVersion: v1.30.6
    osImage: Ubuntu 22.04.5 LTS
`;
}

export function podYaml(p: PodSpec): string {
  const ports = p.ports.length === 0
    ? ''
    : '    ports:\n' + p.ports.map((c) => `    - containerPort: ${c.port}\n      name: ${c.name}\n      protocol: ${c.protocol}\n`).join('');
  const ip = p.ip ?? p.node.ip;
  const host = p.ip === undefined ? '  hostNetwork: true\n' : '';
  const owner = p.owner
    ? `  ownerReferences:\n  - apiVersion: apps/v1\n    kind: ${p.owner.kind}\n    name: ${p.owner.name}\n    controller: true\n`
    : '';
  return `apiVersion: v1
kind: Pod
metadata:
  name: ${p.name}
  namespace: ${p.namespace}
  labels:
${map(p.labels, '    ')}  creationTimestamp: "${p.created}"
${owner}spec:
  nodeName: ${p.node.name}
${host}  containers:
  - name: ${p.container}
    image: ${p.image}
${ports}  serviceAccountName: ${p.serviceAccount}
status:
  phase: Running
  hostIP: ${p.node.ip}
  podIP: ${ip}
  podIPs:
  - ip: ${ip}
`;
}

export function serviceYaml(s: ServiceSpec): string {
  const ports = s.ports
    .map((p) => {
      const target = typeof p.targetPort === 'number' ? String(p.targetPort) : p.targetPort;
      const node = p.nodePort === undefined ? '' : `    nodePort: ${p.nodePort}\n`;
      return `  - name: ${p.name}\n${node}    port: ${p.port}\n    protocol: ${p.protocol}\n    targetPort: ${target}\n`;
    })
    .join('');
  const selector = s.selector ? `  selector:\n${map(s.selector, '    ')}` : '';
  return `apiVersion: v1
kind: Service
metadata:
  name: ${s.name}
  namespace: ${s.namespace}
  labels:
${map(s.labels, '    ')}  creationTimestamp: "${s.created}"
spec:
  clusterIP: ${s.clusterIP}
  clusterIPs:
  - ${s.clusterIP}
  internalTrafficPolicy: Cluster
  ipFamilies:
  - IPv4
  ipFamilyPolicy: SingleStack
  ports:
${ports}${selector}  sessionAffinity: None
  type: ${s.type}
`;
}

/** The API server's own endpoints: the kubernetes Service has no selector. */
export function apiserverSliceYaml(addresses: string[], created: string): string {
  const endpoints = addresses.map((a) => `- addresses:\n  - ${a}\n  conditions:\n    ready: true\n`).join('');
  return `apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata:
  name: kubernetes
  namespace: default
  labels:
    kubernetes.io/service-name: kubernetes
  creationTimestamp: "${created}"
addressType: IPv4
endpoints:
${endpoints}ports:
- name: https
  port: 6443
  protocol: TCP
`;
}
