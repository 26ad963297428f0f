/**
 * A deterministic large cluster for the bench, as one multi-document YAML text
 * of Node, Pod, Service (and the apiserver's EndpointSlice) objects plus the
 * cilium-config ConfigMap, configured like the lab (native routing, kube-proxy
 * replacement with socket LB, ip-masq-agent).
 *
 * Shape: 3 control-plane nodes and workers, one /24 per node from 10.0.0.0/8
 * (Cilium's default cluster pool), ClusterIPs from 10.96.0.0/12, a Cilium
 * agent (host network) and a fluent-bit pod on every node, and team
 * namespaces whose Deployments sit behind Services with a skewed number of
 * replicas (most a handful, a few large), plus worker Deployments no Service
 * selects. The lab's netpod, webpod and default/svc are kept, so the same
 * flow request runs on both clusters.
 */
import { createRng, type Rng } from '../src/engine/index.ts';
import {
  apiserverSliceYaml, configMapYaml, nodeYaml, podYaml, serviceYaml,
  type ContainerPortSpec, type NodeSpec, type PodSpec, type ServiceSpec,
} from './manifests.ts';

export interface ClusterSize {
  nodes: number;
  /** Pods on the pod network (each one an ipcache /32); the host-network agents come on top. */
  pods: number;
  services: number;
  seed?: number;
}

export interface GeneratedCluster {
  yaml: string;
  counts: { nodes: number; pods: number; podNetworkPods: number; services: number; documents: number };
  /** Flow endpoints that exist in this cluster: a client pod, a service, a pod on another node. */
  probes: { client: string; service: string; crossNodePod: string };
}

const CONTROL_PLANES = 3;
const ZONES = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
const APPS = [
  'cart', 'checkout', 'payments', 'catalog', 'search', 'orders', 'inventory', 'shipping', 'users', 'auth',
  'session', 'profile', 'reviews', 'ratings', 'pricing', 'promotions', 'recommend', 'ads', 'email', 'notify',
  'billing', 'invoices', 'ledger', 'fraud', 'gateway', 'frontend', 'graphql', 'media', 'thumbnails', 'upload',
  'export', 'reports', 'analytics', 'events', 'audit', 'config', 'flags', 'geo', 'currency', 'tax',
];
const TIERS = ['frontend', 'backend', 'backend', 'data'];
/** Characters Kubernetes uses in generated name suffixes (no vowels, no look-alikes). */
const NAME_CHARS = 'bcdfghjklmnpqrstvwxz2456789';
const BASE_TIME = Date.UTC(2025, 0, 6, 8, 0, 0);
/** The kubelet's default --max-pods; raised (up to what a /24 holds) only for small dense clusters. */
const MAX_PODS = 110;
const POD_IPS_PER_NODE = 245;
const WEBPOD_REPLICAS = 6;

const u32ToIp = (n: number) => `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
const at = (seconds: number) => new Date(BASE_TIME + seconds * 1000).toISOString().replace('.000Z', 'Z');
const pad = (n: number, width: number) => String(n).padStart(width, '0');

function randomName(rng: Rng, length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += NAME_CHARS[rng.int(0, NAME_CHARS.length - 1)];
  return s;
}

/** `total` split into `n` integers of at least `min`, skewed (exponential weights): most small, a few large. */
export function skewedSplit(rng: Rng, total: number, n: number, min: number): number[] {
  if (n === 0) return [];
  if (total < n * min) throw new Error(`cannot split ${total} pods into ${n} groups of at least ${min}`);
  const weights = Array.from({ length: n }, () => (-Math.log((rng.u32() + 1) / 2 ** 32)) ** 1.5);
  const sum = weights.reduce((a, b) => a + b, 0);
  const spare = total - n * min;
  const out = weights.map((w) => min + Math.floor((spare * w) / sum));
  let left = total - out.reduce((a, b) => a + b, 0);
  for (let i = 0; left > 0; i = (i + 1) % n, left--) out[i]!++;
  return out;
}

class Scheduler {
  private readonly used: number[];
  private readonly maxPods: number;
  constructor(readonly nodes: NodeSpec[], pods: number, private readonly rng: Rng) {
    this.used = nodes.map(() => 0);
    this.maxPods = Math.min(POD_IPS_PER_NODE, Math.max(MAX_PODS, Math.ceil((1.15 * pods) / (nodes.length - CONTROL_PLANES))));
  }
  /** The pod IP the node's IPAM hands out next: .10 up in its /24 (.1 and .2 stay free for cilium_host and health). */
  ipOn(i: number): string {
    const base = this.nodes[i]!.podCIDR.split('/')[0]!.split('.').map(Number);
    const host = 10 + this.used[i]!++;
    if (host >= 10 + POD_IPS_PER_NODE) throw new Error(`node ${this.nodes[i]!.name} has no free pod IP left`);
    return `${base[0]}.${base[1]}.${base[2]}.${host}`;
  }
  /** A random worker with room (control-plane nodes are tainted), avoiding `not`. */
  pickWorker(not?: number): number {
    const workers = this.nodes.length - CONTROL_PLANES;
    let i = CONTROL_PLANES + this.rng.int(0, workers - 1);
    for (let tries = 0; this.used[i]! >= this.maxPods || i === not; tries++) {
      if (tries > workers) throw new Error(`the workers are full (${this.maxPods} pods each): add nodes`);
      i = i + 1 < this.nodes.length ? i + 1 : CONTROL_PLANES;
    }
    return i;
  }
}

interface Deployment {
  namespace: string;
  name: string;
  replicas: number;
  tier: string;
  ports: ContainerPortSpec[];
  /** A bare pod (no controller), named as the deployment: the lab's netpod. */
  bare?: boolean;
}

export function generateCluster(size: ClusterSize): GeneratedCluster {
  const rng = createRng(size.seed ?? 42);
  if (size.nodes <= CONTROL_PLANES) throw new Error(`need more than ${CONTROL_PLANES} nodes`);
  const nodes: NodeSpec[] = Array.from({ length: size.nodes }, (_, i) => ({
    name: i < CONTROL_PLANES ? `k8s-cp${i + 1}` : `k8s-w${pad(i - CONTROL_PLANES + 1, 4)}`,
    ip: u32ToIp(0xac140000 + 10 + i), // 172.20.0.10 up
    podCIDR: `10.${i >> 8}.${i & 255}.0/24`,
    zone: ZONES[i % ZONES.length]!,
    controlPlane: i < CONTROL_PLANES,
  }));
  const sched = new Scheduler(nodes, size.pods, rng);
  const docs: string[] = [configMapYaml('cilium-config', 'kube-system', CILIUM_CONFIG)];
  for (const n of nodes) docs.push(nodeYaml(n));
  const pods: string[] = [];
  const services: ServiceSpec[] = [];
  const clusterIPs = new Set<string>();
  const clusterIP = (fixed?: string): string => {
    let ip = fixed;
    while (!ip || clusterIPs.has(ip)) ip = u32ToIp(0x0a600000 + rng.int(11, (1 << 20) - 2)); // 10.96.0.0/12
    clusterIPs.add(ip);
    return ip;
  };
  let clock = 0;

  // Per node: the Cilium agent (host network) and the log shipper.
  nodes.forEach((node, i) => {
    pods.push(podYaml({
      namespace: 'kube-system', name: `cilium-${randomName(rng, 5)}`, labels: { 'k8s-app': 'cilium' },
      owner: { kind: 'DaemonSet', name: 'cilium' }, node, image: 'quay.io/cilium/cilium:v1.16.5',
      container: 'cilium-agent', ports: [], serviceAccount: 'cilium', created: at(clock++),
    }));
    pods.push(podYaml({
      namespace: 'logging', name: `fluent-bit-${randomName(rng, 5)}`, labels: { 'app.kubernetes.io/name': 'fluent-bit' },
      owner: { kind: 'DaemonSet', name: 'fluent-bit' }, node, ip: sched.ipOn(i), image: 'cr.fluentbit.io/fluent/fluent-bit:3.1.9',
      container: 'fluent-bit', ports: [{ name: 'http', port: 2020, protocol: 'TCP' }], serviceAccount: 'fluent-bit', created: at(clock++),
    }));
  });

  /** Schedules and writes the deployment's pods; returns their names and node indexes. */
  const emitDeployment = (d: Deployment, avoid?: number): { name: string; node: number }[] => {
    const hash = randomName(rng, 10);
    const names = new Set<string>();
    const placed: { name: string; node: number }[] = [];
    for (let r = 0; r < d.replicas; r++) {
      let name = d.bare ? d.name : `${d.name}-${hash}-${randomName(rng, 5)}`;
      while (names.has(name)) name = `${d.name}-${hash}-${randomName(rng, 5)}`;
      names.add(name);
      const i = sched.pickWorker(avoid);
      pods.push(podYaml({
        namespace: d.namespace, name, ...(d.bare ? {} : { owner: { kind: 'ReplicaSet', name: `${d.name}-${hash}` } }),
        labels: { app: d.name, 'app.kubernetes.io/name': d.name, 'app.kubernetes.io/part-of': d.namespace, 'pod-template-hash': hash, tier: d.tier },
        node: nodes[i]!, ip: sched.ipOn(i), image: `registry.example.com/${d.namespace}/${d.name}:1.${rng.int(0, 30)}.${rng.int(0, 9)}`,
        container: d.name, ports: d.ports, serviceAccount: d.name, created: at(clock++),
      }));
      placed.push({ name, node: i });
    }
    return placed;
  };
  const serviceFor = (d: Deployment, ip: string, ports: ServiceSpec['ports'], type: ServiceSpec['type'] = 'ClusterIP'): ServiceSpec => ({
    namespace: d.namespace, name: d.name, labels: { 'app.kubernetes.io/name': d.name }, clusterIP: ip, type,
    selector: { app: d.name }, ports, created: at(clock++),
  });

  // The cluster's own Services first, as a real cluster creates them.
  const cpIps = nodes.slice(0, CONTROL_PLANES).map((n) => n.ip);
  services.push({ namespace: 'default', name: 'kubernetes', labels: { component: 'apiserver', provider: 'kubernetes' }, clusterIP: clusterIP('10.96.0.1'), type: 'ClusterIP', ports: [{ name: 'https', port: 443, targetPort: 6443, protocol: 'TCP' }], created: at(clock++) });
  const dns: Deployment = { namespace: 'kube-system', name: 'coredns', replicas: 2, tier: 'backend', ports: [{ name: 'dns', port: 53, protocol: 'UDP' }, { name: 'dns-tcp', port: 53, protocol: 'TCP' }] };
  emitDeployment(dns);
  services.push({ ...serviceFor(dns, clusterIP('10.96.0.10'), [{ name: 'dns', port: 53, targetPort: 53, protocol: 'UDP' }, { name: 'dns-tcp', port: 53, targetPort: 53, protocol: 'TCP' }]), name: 'kube-dns', selector: { app: 'coredns' } });

  // The lab's flow, kept by name: netpod -> svc, whose webpods all run on other nodes (as in the lab).
  const netpod: Deployment = { namespace: 'default', name: 'netpod', replicas: 1, tier: 'frontend', ports: [], bare: true };
  const [client] = emitDeployment(netpod);
  const web: Deployment = { namespace: 'default', name: 'webpod', replicas: WEBPOD_REPLICAS, tier: 'frontend', ports: [{ name: 'http', port: 80, protocol: 'TCP' }] };
  const [crossNodePod] = emitDeployment(web, client!.node);
  services.push({ ...serviceFor(web, clusterIP(), [{ name: 'http', port: 80, targetPort: 80, protocol: 'TCP' }]), name: 'svc' });

  const fixedPods = nodes.length + dns.replicas + netpod.replicas + web.replicas;
  const appCount = size.services - services.length;
  const workerCount = Math.ceil(appCount / 2);
  const spare = size.pods - fixedPods;
  if (appCount < 1 || spare < 2 * appCount + workerCount) throw new Error('too few pods or services for the fixed part of the cluster');
  // About 60% of the app pods sit behind a Service; the rest are queue workers no Service selects.
  const backed = skewedSplit(rng, Math.round(spare * 0.6), appCount, 2);
  const workers = skewedSplit(rng, spare - backed.reduce((a, b) => a + b, 0), workerCount, 1);
  let nodePort = 30000;
  for (let j = 0; j < appCount; j++) {
    const namespace = `team-${pad(Math.floor(j / APPS.length), 2)}`;
    const name = APPS[j % APPS.length]!;
    const grpc = rng.int(0, 99) < 15;
    const ports: ContainerPortSpec[] = [{ name: 'http', port: 8080, protocol: 'TCP' }, { name: 'metrics', port: 9090, protocol: 'TCP' }];
    if (grpc) ports.push({ name: 'grpc', port: 9000, protocol: 'TCP' });
    const d: Deployment = { namespace, name, replicas: backed[j]!, tier: TIERS[rng.int(0, TIERS.length - 1)]!, ports };
    emitDeployment(d);
    const nodePortService = rng.int(0, 99) < 3;
    const svcPorts: ServiceSpec['ports'] = [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP', ...(nodePortService ? { nodePort: nodePort++ } : {}) }];
    if (grpc) svcPorts.push({ name: 'grpc', port: 9000, targetPort: 'grpc', protocol: 'TCP', ...(nodePortService ? { nodePort: nodePort++ } : {}) });
    services.push(serviceFor(d, clusterIP(), svcPorts, nodePortService ? 'NodePort' : 'ClusterIP'));
    if (j % 2 === 0) {
      emitDeployment({ namespace, name: `${name}-worker`, replicas: workers[j / 2]!, tier: 'backend', ports: [{ name: 'metrics', port: 9090, protocol: 'TCP' }] });
    }
  }

  for (const s of services) docs.push(serviceYaml(s));
  docs.push(apiserverSliceYaml(cpIps, services[0]!.created));
  docs.push(...pods);
  return {
    yaml: docs.join('---\n'),
    counts: { nodes: nodes.length, pods: pods.length, podNetworkPods: pods.length - nodes.length, services: services.length, documents: docs.length },
    probes: { client: client!.name, service: 'svc', crossNodePod: crossNodePod!.name },
  };
}

/** The lab's agent settings (kans-lab.yaml), with the pod pool as the native-routing CIDR. */
const CILIUM_CONFIG: Record<string, string> = {
  'auto-direct-node-routes': 'true',
  'bpf-lb-sock': 'true',
  'cluster-name': 'bench',
  'enable-bpf-masquerade': 'true',
  'enable-endpoint-routes': 'true',
  'enable-host-legacy-routing': 'false',
  'enable-ip-masq-agent': 'true',
  'enable-ipv4': 'true',
  'enable-ipv6': 'false',
  'enable-hubble': 'true',
  ipam: 'kubernetes',
  'ipv4-native-routing-cidr': '10.0.0.0/8',
  'kube-proxy-replacement': 'true',
  'monitor-aggregation': 'medium',
  'routing-mode': 'native',
  'tunnel-protocol': 'vxlan',
};
