/**
 * Service frontends and backends as the agent's service manager writes them
 * into cilium_lb4_services_v2 / backends_v3 / reverse_nat (reference §3).
 *
 * Frontend order (which is also ID order when IDs are not given): services by
 * creation time then name; per service, its ClusterIP ports (one frontend per
 * port number: 1.16 writes protocol ANY, so 53/UDP and 53/TCP share one), then
 * per nodePort the node-IP frontend and the 0.0.0.0 surrogate. Backend IDs are
 * allocated per distinct address:port in that order.
 */
import type { PodModel, ServiceModel, ServicePort } from '../../scenario/model.ts';
import { asPort, type Ipv4, type Port } from '../../scenario/values.ts';
import { SelectorIndex } from '../../scenario/selector.ts';
import type { Backend, Frontend } from './types.ts';

/** lb4_service flag bits (pkg/loadbalancer ServiceFlags). */
export const SVC_FLAG = { ExternalIPs: 0x1, NodePort: 0x2, ExtLocal: 0x4, HostPort: 0x8, Affinity: 0x10, LoadBalancer: 0x20, Routable: 0x40 } as const;

export const ANY_ADDRESS = '0.0.0.0' as Ipv4;

interface PlannedFrontend {
  service: ServiceModel;
  address: Ipv4 | 'node';
  port: Port;
  ports: ServicePort[];
  type: Frontend['type'];
  scope: 'cluster' | 'node' | 'surrogate';
}

const byCreation = (a: ServiceModel, b: ServiceModel) =>
  (a.creationTimestamp ?? '').localeCompare(b.creationTimestamp ?? '') ||
  `${a.namespace}/${a.name}`.localeCompare(`${b.namespace}/${b.name}`);

function planFrontends(services: ServiceModel[]): PlannedFrontend[][] {
  return [...services].sort(byCreation).map((svc) => {
    const planned: PlannedFrontend[] = [];
    if (svc.clusterIP) {
      const seen = new Map<number, PlannedFrontend>();
      for (const p of svc.ports) {
        const existing = seen.get(p.port);
        if (existing) existing.ports.push(p);
        else {
          const f: PlannedFrontend = { service: svc, address: svc.clusterIP, port: p.port, ports: [p], type: 'ClusterIP', scope: 'cluster' };
          seen.set(p.port, f);
          planned.push(f);
        }
      }
    }
    if (svc.type !== 'ClusterIP') {
      const seen = new Map<number, PlannedFrontend[]>();
      for (const p of svc.ports) {
        if (p.nodePort === undefined) continue;
        const pair = seen.get(p.nodePort);
        if (pair) pair.forEach((f) => f.ports.push(p));
        else {
          const node: PlannedFrontend = { service: svc, address: 'node', port: p.nodePort, ports: [p], type: 'NodePort', scope: 'node' };
          const surrogate: PlannedFrontend = { service: svc, address: ANY_ADDRESS, port: p.nodePort, ports: [p], type: 'NodePort', scope: 'surrogate' };
          seen.set(p.nodePort, [node, surrogate]);
          planned.push(node, surrogate);
        }
      }
    }
    return planned;
  });
}

/** Backends of one service port: EndpointSlices win; otherwise Running pods the selector matches. */
export function backendAddresses(svc: ServiceModel, port: ServicePort, pods: SelectorIndex): { address: Ipv4; port: Port; podKey?: string; node?: string }[] {
  if (svc.sliceEndpoints) {
    return svc.sliceEndpoints
      .filter((e) => e.ready)
      .flatMap((e) => {
        const sp = e.ports.find((x) => x.name === port.name) ?? (e.ports.length === 1 ? e.ports[0] : undefined);
        return sp ? [{ address: e.ip, port: sp.port, podKey: e.podRef, node: e.nodeName }] : [];
      });
  }
  if (!svc.selector || Object.keys(svc.selector).length === 0) return [];
  return pods
    .select(svc.namespace, svc.selector)
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((p) => {
      const target = typeof port.targetPort === 'number' ? port.targetPort : p.ports.find((c) => c.name === port.targetPort)?.containerPort;
      // The index holds only pods with an IP; the check narrows the type.
      if (target === undefined || p.podIP === undefined) return [];
      return [{ address: p.podIP, port: asPort(target), podKey: `${p.namespace}/${p.name}`, node: p.nodeName }];
    });
}

export function deriveServices(services: ServiceModel[], pods: PodModel[]): { frontends: Frontend[]; backends: Map<number, Backend> } {
  const plans = planFrontends(services);
  const index = new SelectorIndex(pods);
  // IDs named by the service-ids annotation are reserved first.
  const claimed = new Set<number>();
  for (const group of plans) group[0]?.service.serviceIds?.forEach((id) => claimed.add(id));
  let nextId = 1;
  const ided: { plan: PlannedFrontend; id: number }[] = [];
  for (const group of plans) {
    group.forEach((plan, i) => {
      let id = plan.service.serviceIds?.[i];
      if (id === undefined) {
        while (claimed.has(nextId)) nextId++;
        id = nextId;
        claimed.add(id);
      }
      ided.push({ plan, id });
    });
  }
  ided.sort((a, b) => a.id - b.id);

  const backends = new Map<number, Backend>();
  const backendIdByAddr = new Map<string, number>();
  const frontends: Frontend[] = ided.map(({ plan, id }) => {
    const first = plan.ports[0];
    const addrs = first ? backendAddresses(plan.service, first, index) : [];
    const backendIds = addrs.map((a) => {
      const k = `${a.address}:${a.port}`;
      let bid = backendIdByAddr.get(k);
      if (bid === undefined) {
        bid = backendIdByAddr.size + 1;
        backendIdByAddr.set(k, bid);
        backends.set(bid, { id: bid, address: a.address, port: a.port, podKey: a.podKey, node: a.node, state: 'active' });
      }
      return bid;
    });
    const flagBits = plan.type === 'NodePort' ? SVC_FLAG.NodePort | (plan.scope === 'node' ? SVC_FLAG.Routable : 0) : 0;
    const flags = plan.type === 'NodePort'
      ? ['NodePort', ...(plan.scope === 'surrogate' ? ['non-routable'] : [])]
      : ['ClusterIP', 'non-routable'];
    return {
      id,
      address: plan.address === 'node' ? ANY_ADDRESS : plan.address,
      port: plan.port,
      protocols: [...new Set(plan.ports.map((p) => p.protocol))],
      type: plan.type,
      scope: plan.scope,
      ...(plan.scope === 'cluster' && plan.service.internalTrafficPolicy === 'Local' ? { nodeLocal: true } : {}),
      service: `${plan.service.namespace}/${plan.service.name}`,
      backendIds,
      flags,
      flagBits,
    };
  });
  return { frontends, backends };
}

/** The frontends one node's agent has: cluster ones, its own NodePort ones (on its IP), surrogates. */
export function frontendsOf(all: Frontend[], node: string, nodeIp: Ipv4, backends: Map<number, Backend>): Frontend[] {
  return all.map((f) => {
    if (f.scope === 'node') return { ...f, address: nodeIp };
    if (f.nodeLocal) return { ...f, backendIds: f.backendIds.filter((id) => backends.get(id)?.node === node) };
    return f;
  });
}

/** The ServicePort a frontend serves (for targetPort and protocol questions). */
export function servicePortOf(svc: ServiceModel, f: Frontend): ServicePort | undefined {
  return f.type === 'NodePort' ? svc.ports.find((p) => p.nodePort === f.port) : svc.ports.find((p) => p.port === f.port);
}
