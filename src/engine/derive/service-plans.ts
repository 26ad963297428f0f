/**
 * Which frontends the agent creates for the cluster's Services and pods, in
 * the order their service IDs are allocated (reference §3), before IDs and
 * backends: pkg/k8s/watchers/service.go datapathSVCs (ClusterIP ports, then per
 * nodePort the node-address frontend and the 0.0.0.0 / [::] surrogate, with an
 * internal-scope twin when the service has two scopes), and
 * pkg/k8s/watchers/pod.go genServiceMappings (HostPort). Per family: IPv4 first,
 * then, with enable-ipv6, the IPv6 ClusterIP and NodePorts.
 */
import type { CiliumConfig, FrontendType, PodModel, ServiceModel, ServicePort } from '../../scenario/model.ts';
import { asPort, type Ipv4, type Ipv6, type Port } from '../../scenario/values.ts';
import { podIsActive } from '../../scenario/kinds/pod.ts';

export type Family = 4 | 6;

export interface Plan {
  family: Family;
  service: ServiceModel | undefined;
  /** `namespace/name`, or `namespace/pod/host-port/<port>`. */
  name: string;
  /** A literal address, or 'node' (each node's own address) or 'any' (0.0.0.0 / [::]). */
  address: Ipv4 | Ipv6 | 'node' | 'any';
  port: Port;
  ports: ServicePort[];
  type: FrontendType;
  internal: boolean;
  /** Only the node's own backends (traffic policy Local for this scope). */
  local: boolean;
  /** Index into the flowlab.cilium.io/service-ids annotation (IPv4 external frontends only). */
  slot?: number;
  flagBits: number;
  flags: string[];
  /** HostPort: the pod behind it and its node. */
  hostPort?: { pod: PodModel; containerPort: Port };
  onlyNode?: string;
}

/** lb4_service flag bits (pkg/loadbalancer ServiceFlags). */
export const SVC_FLAG = {
  ExternalIPs: 0x1, NodePort: 0x2, ExtLocal: 0x4, HostPort: 0x8, Affinity: 0x10, LoadBalancer: 0x20, Routable: 0x40,
  IntLocal: 0x1000, TwoScopes: 0x2000,
} as const;

const byCreation = (a: ServiceModel, b: ServiceModel) =>
  (a.creationTimestamp ?? '').localeCompare(b.creationTimestamp ?? '') ||
  `${a.namespace}/${a.name}`.localeCompare(`${b.namespace}/${b.name}`);

/**
 * ServiceFlags and their String() (pkg/loadbalancer NewSvcFlag): the type, then Local (external
 * policy Local), InternalLocal, two-scopes (the policies differ; never for ClusterIP), non-routable.
 */
export function flagsOf(type: FrontendType, svc: ServiceModel | undefined, routable: boolean): { bits: number; names: string[] } {
  const extLocal = type !== 'ClusterIP' && type !== 'HostPort' && svc?.externalTrafficPolicy === 'Local';
  const intLocal = type !== 'HostPort' && svc?.internalTrafficPolicy === 'Local';
  const twoScopes = type !== 'ClusterIP' && type !== 'HostPort' && extLocal !== intLocal;
  const typeBit = { ClusterIP: 0, NodePort: SVC_FLAG.NodePort, LoadBalancer: SVC_FLAG.LoadBalancer, HostPort: SVC_FLAG.HostPort }[type];
  let bits = typeBit | (routable ? SVC_FLAG.Routable : 0);
  const names: string[] = [type];
  if (extLocal) (bits |= SVC_FLAG.ExtLocal), names.push('Local');
  if (intLocal) (bits |= SVC_FLAG.IntLocal), names.push('InternalLocal');
  if (twoScopes) (bits |= SVC_FLAG.TwoScopes), names.push('two-scopes');
  if (!routable) names.push('non-routable');
  return { bits, names };
}

/** Both scopes exist when the external and internal policies differ (datapathSVCs twoScopes). */
const twoScopes = (svc: ServiceModel) => (svc.externalTrafficPolicy === 'Local') !== (svc.internalTrafficPolicy === 'Local');

function servicePlans(svc: ServiceModel, family: Family, config: CiliumConfig): Plan[] {
  const plans: Plan[] = [];
  const name = `${svc.namespace}/${svc.name}`;
  const clusterIP = family === 4 ? svc.clusterIP : svc.clusterIP6;
  let slot = 0;
  const base = { family, service: svc, name };
  if (clusterIP !== undefined) {
    const seen = new Map<number, Plan>();
    for (const p of svc.ports) {
      const existing = seen.get(p.port);
      if (existing) existing.ports.push(p);
      else {
        const f = flagsOf('ClusterIP', svc, false);
        const plan: Plan = {
          ...base, address: clusterIP, port: p.port, ports: [p], type: 'ClusterIP', internal: false,
          local: svc.internalTrafficPolicy === 'Local', flagBits: f.bits, flags: f.names, slot: slot++,
        };
        seen.set(p.port, plan);
        plans.push(plan);
      }
    }
  }
  if (svc.type === 'ClusterIP' || !config.enableNodePort) return plans;
  const seen = new Map<number, Plan[]>();
  for (const p of svc.ports) {
    if (p.nodePort === undefined) continue;
    const group = seen.get(p.nodePort);
    if (group) {
      group.forEach((f) => f.ports.push(p));
      continue;
    }
    const made: Plan[] = [];
    for (const address of ['node', 'any'] as const) {
      const f = flagsOf(svc.type, svc, address === 'node');
      const ext: Plan = {
        ...base, address, port: p.nodePort, ports: [p], type: svc.type, internal: false,
        local: svc.externalTrafficPolicy === 'Local', flagBits: f.bits, flags: f.names, slot: slot++,
      };
      made.push(ext);
      if (twoScopes(svc)) made.push({ ...ext, internal: true, local: svc.internalTrafficPolicy === 'Local', slot: undefined });
    }
    seen.set(p.nodePort, made);
    plans.push(...made);
  }
  return plans;
}

/**
 * HostPort frontends of one pod: 0.0.0.0:hostPort and the node's address (or only hostIP when one
 * is given) → podIP:containerPort. Host-network pods have none (the agent skips them), nor pods
 * without an IP.
 */
function hostPortPlans(pod: PodModel): Plan[] {
  if (pod.hostNetwork || pod.podIP === undefined || !podIsActive(pod.phase) || pod.nodeName === '') return [];
  const plans: Plan[] = [];
  for (const c of pod.ports) {
    if (c.hostPort === undefined) continue;
    const addresses = c.hostIP !== undefined ? [c.hostIP] : (['any', 'node'] as const);
    for (const address of addresses) {
      const f = flagsOf('HostPort', undefined, address !== 'any');
      plans.push({
        family: 4, service: undefined, name: `${pod.namespace}/${pod.name}/host-port/${c.hostPort}`,
        address, port: c.hostPort, ports: [], type: 'HostPort', internal: false, local: false,
        flagBits: f.bits, flags: f.names, hostPort: { pod, containerPort: asPort(c.containerPort) }, onlyNode: pod.nodeName,
      });
    }
  }
  return plans;
}

/** Every frontend the agents create, in allocation order. */
export function planFrontends(services: ServiceModel[], pods: PodModel[], config: CiliumConfig): Plan[] {
  const sorted = [...services].sort(byCreation);
  const plans = sorted.flatMap((svc) => servicePlans(svc, 4, config));
  // HostPort needs what NodePort needs: the Go suite's agent, with EnableNodePort only, programs it.
  if (config.enableNodePort) {
    // Only the few pods with a hostPort are sorted (a large cluster has 100,000 pods).
    const withHostPort = pods.filter((p) => p.ports.some((c) => c.hostPort !== undefined));
    const byName = withHostPort.sort((a, b) => `${a.namespace}/${a.name}`.localeCompare(`${b.namespace}/${b.name}`));
    plans.push(...byName.flatMap(hostPortPlans));
  }
  if (config.enableIpv6) plans.push(...sorted.flatMap((svc) => servicePlans(svc, 6, config)));
  return plans;
}
