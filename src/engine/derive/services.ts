/**
 * Service frontends and backends as the agent's service manager writes them
 * into cilium_lb4_services_v2 / backends_v3 / reverse_nat and their lb6
 * twins (reference §3). Which frontends exist: service-plans.ts.
 *
 * Service IDs: the flowlab.cilium.io/service-ids annotation's first, then
 * allocated in plan order. Backend IDs: per distinct address:port, in
 * frontend-ID order (IPv4, then IPv6), from one counter, as the agent has one
 * backend ID space. A frontend's slots hold its active backends first, then
 * its terminating ones (kept for existing connections, not counted).
 */
import type { CiliumConfig, PodModel, ServiceModel, ServicePort, SliceEndpoint } from '../../scenario/model.ts';
import { asPort, type Ipv4, type Ipv6, type Port } from '../../scenario/values.ts';
import { SelectorIndex } from '../../scenario/selector.ts';
import { planFrontends, type Plan } from './service-plans.ts';
import type { DeriveTicker } from './progress.ts';
import type { Backend, Backend6, BackendOf, BackendState, Frontend, Frontend6, FrontendOf } from './types.ts';

export const ANY_ADDRESS = '0.0.0.0' as Ipv4;
export const ANY_ADDRESS6 = '::' as Ipv6;

interface BackendAddress<IP> {
  address: IP;
  port: Port;
  podKey?: string;
  node?: string;
  state: BackendState;
}

/**
 * An EndpointSlice endpoint's state as pkg/k8s ParseEndpointSliceV1 reads it: ready is active;
 * not ready but serving and terminating is `terminating` when enable-k8s-terminating-endpoint is
 * on; anything else is not a backend.
 */
function sliceState<IP>(e: SliceEndpoint<IP>, config: CiliumConfig): BackendState | undefined {
  if (!e.ready && (!config.enableK8sTerminatingEndpoint || !e.serving)) return undefined;
  return e.terminating ? 'terminating' : 'active';
}

function fromSlices<IP>(slices: SliceEndpoint<IP>[], port: ServicePort, config: CiliumConfig): BackendAddress<IP>[] {
  return slices.flatMap((e) => {
    const state = sliceState(e, config);
    const sp = e.ports.find((x) => x.name === port.name) ?? (e.ports.length === 1 ? e.ports[0] : undefined);
    return sp && state ? [{ address: e.ip, port: sp.port, podKey: e.podRef, node: e.nodeName, state }] : [];
  });
}

function fromSelector<IP>(
  svc: ServiceModel, port: ServicePort, pods: SelectorIndex, ipOf: (p: PodModel) => IP | undefined,
): BackendAddress<IP>[] {
  if (!svc.selector || Object.keys(svc.selector).length === 0) return [];
  return pods
    .select(svc.namespace, svc.selector)
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((p) => {
      const target = typeof port.targetPort === 'number' ? port.targetPort : p.ports.find((c) => c.name === port.targetPort)?.containerPort;
      const ip = ipOf(p);
      if (target === undefined || ip === undefined) return [];
      return [{ address: ip, port: asPort(target), podKey: `${p.namespace}/${p.name}`, node: p.nodeName, state: 'active' as const }];
    });
}

function planBackends(plan: Plan, pods: SelectorIndex, config: CiliumConfig): BackendAddress<Ipv4 | Ipv6>[] {
  if (plan.hostPort) {
    const { pod, containerPort } = plan.hostPort;
    return pod.podIP ? [{ address: pod.podIP, port: containerPort, podKey: `${pod.namespace}/${pod.name}`, node: pod.nodeName, state: 'active' }] : [];
  }
  const svc = plan.service;
  const first = plan.ports[0];
  if (!svc || !first) return [];
  // EndpointSlices win; otherwise the Running pods the selector matches.
  const found: BackendAddress<Ipv4 | Ipv6>[] = plan.family === 4
    ? svc.sliceEndpoints ? fromSlices(svc.sliceEndpoints, first, config) : fromSelector(svc, first, pods, (p) => p.podIP)
    : svc.sliceEndpoints6
      ? fromSlices(svc.sliceEndpoints6, first, config)
      : svc.sliceEndpoints ? [] : fromSelector(svc, first, pods, (p) => p.podIP6);
  // Active backends take the counted slots; terminating ones follow (lbmap UpsertService).
  return [...found.filter((b) => b.state === 'active'), ...found.filter((b) => b.state !== 'active')];
}

export interface DerivedServices {
  frontends: Frontend[];
  backends: Map<number, Backend>;
  frontends6: Frontend6[];
  backends6: Map<number, Backend6>;
}

export function deriveServices(services: ServiceModel[], pods: PodModel[], config: CiliumConfig, tick?: DeriveTicker): DerivedServices {
  const plans = planFrontends(services, pods, config);
  tick?.add(services.length);
  const index = new SelectorIndex(pods, tick);
  // IDs named by the service-ids annotation are reserved first.
  const claimed = new Set<number>();
  for (const svc of services) svc.serviceIds?.forEach((id) => claimed.add(id));
  let nextId = 1;
  const ided = plans.map((plan) => {
    let id = plan.slot !== undefined && plan.family === 4 ? plan.service?.serviceIds?.[plan.slot] : undefined;
    if (id === undefined) {
      while (claimed.has(nextId)) nextId++;
      id = nextId;
      claimed.add(id);
    }
    return { plan, id };
  });
  ided.sort((a, b) => a.plan.family - b.plan.family || a.id - b.id);

  const backends = new Map<number, Backend>();
  const backends6 = new Map<number, Backend6>();
  const backendIdByAddr = new Map<string, number>();
  const frontends: Frontend[] = [];
  const frontends6: Frontend6[] = [];
  // The frontends count as one service's worth of work in all (a service has one frontend or several).
  const perPlan = ided.length > 0 ? services.length / ided.length : 0;
  for (const { plan, id } of ided) {
    tick?.add(perPlan);
    const backendIds = planBackends(plan, index, config).map((a) => {
      const k = `${a.address}:${a.port}`;
      let bid = backendIdByAddr.get(k);
      if (bid === undefined) {
        bid = backendIdByAddr.size + 1;
        backendIdByAddr.set(k, bid);
        const b: BackendOf<Ipv4 | Ipv6> = { id: bid, address: a.address, port: a.port, podKey: a.podKey, node: a.node, state: a.state };
        if (plan.family === 4) backends.set(bid, b as Backend);
        else backends6.set(bid, b as Backend6);
      }
      return bid;
    });
    const f: FrontendOf<Ipv4 | Ipv6> = {
      id,
      address: plan.address === 'node' || plan.address === 'any' ? (plan.family === 4 ? ANY_ADDRESS : ANY_ADDRESS6) : plan.address,
      port: plan.port,
      protocols: [...new Set(plan.ports.map((p) => p.protocol))],
      type: plan.type,
      scope: plan.address === 'node' ? 'node' : plan.address === 'any' ? 'surrogate' : 'cluster',
      ...(plan.internal ? { internal: true as const } : {}),
      ...(plan.local ? { nodeLocal: true } : {}),
      ...(plan.onlyNode !== undefined ? { onlyNode: plan.onlyNode } : {}),
      service: plan.name,
      backendIds,
      flags: plan.flags,
      flagBits: plan.flagBits,
    };
    if (plan.family === 4) frontends.push(f as Frontend);
    else frontends6.push(f as Frontend6);
  }
  return { frontends, backends, frontends6, backends6 };
}

/**
 * The frontends one node's agent has: cluster ones, its own node-address ones (on `nodeIp`),
 * surrogates, HostPorts of its own pods; Local scopes keep only this node's backends.
 */
export function frontendsOf<IP>(
  all: FrontendOf<IP>[], node: string, nodeIp: IP | undefined, backends: Map<number, BackendOf<IP>>,
): FrontendOf<IP>[] {
  return all.flatMap((f) => {
    if (f.onlyNode !== undefined && f.onlyNode !== node) return [];
    if (f.scope === 'node' && nodeIp === undefined) return [];
    let out = f.scope === 'node' && nodeIp !== undefined ? { ...f, address: nodeIp } : f;
    if (f.nodeLocal) out = { ...out, backendIds: f.backendIds.filter((id) => backends.get(id)?.node === node) };
    return [out];
  });
}

/** The ServicePort a frontend serves (for targetPort and protocol questions). */
export function servicePortOf(svc: ServiceModel, f: Frontend): ServicePort | undefined {
  return f.type === 'NodePort' ? svc.ports.find((p) => p.nodePort === f.port) : svc.ports.find((p) => p.port === f.port);
}
