/**
 * Service and EndpointSlice (discovery.k8s.io/v1). Backends come from the
 * selector unless EndpointSlices name them (then the slices win, as in the
 * agent's K8s watcher).
 */
import type { Fields } from '../fields.ts';
import { frontendSlots, SERVICE_IDS_ANNOTATION } from '../frontends.ts';
import type { ServiceModel, ServicePort, ServiceType, SliceEndpoint } from '../model.ts';
import { asPort, type Ipv4, type Ipv6, type Port } from '../values.ts';
import { ipv6InList, readIpv6 } from './ipv6.ts';
import { readProtocol } from './pod.ts';
import { say } from '../issue-text.ts';

const TYPES: readonly ServiceType[] = ['ClusterIP', 'NodePort', 'LoadBalancer'];

/** A Service, or why it is ignored (ExternalName: no datapath frontend). */
export function readService(f: Fields): ServiceModel | { ignored: string } {
  const typeText = f.str(['spec', 'type']) ?? 'ClusterIP';
  if (typeText === 'ExternalName') return { ignored: 'type ExternalName has no frontend in the datapath' };
  let type: ServiceType = 'ClusterIP';
  if ((TYPES as readonly string[]).includes(typeText)) type = typeText as ServiceType;
  else f.error(['spec', 'type'], say('scenario.not_one_of', { value: typeText, allowed: `${TYPES.join(', ')}, ExternalName` }));

  const headless = f.get(['spec', 'clusterIP']) === 'None';
  // An IPv6-primary Service (clusterIP IPv6, clusterIPs[1] IPv4) keeps its IPv4 as the model's ClusterIP.
  const primary = f.str(['spec', 'clusterIP']) ?? '';
  const clusterIP = headless ? undefined
    : primary.includes(':') ? ipv4InList(f, ['spec', 'clusterIPs']) : f.ipv4(['spec', 'clusterIP']);
  if (!headless && !f.has(['spec', 'clusterIP'])) {
    f.error(['spec', 'clusterIP'], say('scenario.svc.cluster_ip_required'));
  }
  if (headless && type !== 'ClusterIP') f.error(['spec', 'clusterIP'], say('scenario.svc.headless_type'));

  const ports = readServicePorts(f, type);
  if (ports.length === 0 && !headless && f.list(['spec', 'ports']).length === 0) {
    f.error(['spec', 'ports'], say('scenario.svc.no_ports'));
  }
  const etp = f.str(['spec', 'externalTrafficPolicy']) ?? 'Cluster';
  if (etp !== 'Cluster' && etp !== 'Local') f.error(['spec', 'externalTrafficPolicy'], say('scenario.not_either', { value: etp, a: 'Cluster', b: 'Local' }));
  const itp = f.str(['spec', 'internalTrafficPolicy']) ?? 'Cluster';
  if (itp !== 'Cluster' && itp !== 'Local') f.error(['spec', 'internalTrafficPolicy'], say('scenario.not_either', { value: itp, a: 'Cluster', b: 'Local' }));
  const selector = f.stringMap(['spec', 'selector']);

  const svc: ServiceModel = {
    namespace: f.obj.namespace ?? 'default',
    name: f.obj.name,
    type,
    clusterIP,
    ports,
    selector: Object.keys(selector).length > 0 ? selector : undefined,
    externalTrafficPolicy: etp === 'Local' ? 'Local' : 'Cluster',
    internalTrafficPolicy: itp === 'Local' ? 'Local' : 'Cluster',
    creationTimestamp: f.str(['metadata', 'creationTimestamp']),
    source: f.obj.ref,
  };
  // An IPv6 single-stack Service has only this one: its frontends are in the lb6 maps alone.
  const clusterIP6 = headless ? undefined
    : ipv6InList(f, ['spec', 'clusterIPs']) ?? (primary.includes(':') ? readIpv6(f, ['spec', 'clusterIP']) : undefined);
  if (clusterIP6) svc.clusterIP6 = clusterIP6;
  const hcnp = f.int(['spec', 'healthCheckNodePort'], { min: 1, max: 65535 });
  if (hcnp !== undefined) svc.healthCheckNodePort = asPort(hcnp);
  const notModelled = [
    f.list(['spec', 'externalIPs']).length > 0 ? 'spec.externalIPs' : '',
    f.list(['status', 'loadBalancer', 'ingress']).length > 0 ? 'status.loadBalancer.ingress (LoadBalancer IPs)' : '',
    f.str(['spec', 'sessionAffinity']) === 'ClientIP' ? 'sessionAffinity ClientIP' : '',
    f.list(['spec', 'loadBalancerSourceRanges']).length > 0 ? 'spec.loadBalancerSourceRanges' : '',
  ].filter(Boolean);
  if (notModelled.length > 0) svc.notModelled = notModelled;
  const ids = readServiceIds(f, svc);
  if (ids) svc.serviceIds = ids;
  return svc;
}

function readServicePorts(f: Fields, type: ServiceType): ServicePort[] {
  const out: ServicePort[] = [];
  const seen = new Set<string>();
  f.list(['spec', 'ports']).forEach((_, i) => {
    const path = ['spec', 'ports', i];
    const port = f.int([...path, 'port'], { min: 1, max: 65535, required: true });
    const protocol = readProtocol(f, [...path, 'protocol']);
    const targetPort = readTargetPort(f, [...path, 'targetPort']);
    const nodePort = f.int([...path, 'nodePort'], { min: 1, max: 65535 });
    if (nodePort !== undefined && type === 'ClusterIP') {
      f.error([...path, 'nodePort'], say('scenario.svc.node_port_cluster_ip'));
    }
    if (nodePort === undefined && type === 'NodePort') {
      f.error([...path, 'nodePort'], say('scenario.svc.node_port_required'));
    }
    if (port === undefined) return;
    const key = `${port}/${protocol}`;
    if (seen.has(key)) f.error([...path, 'port'], say('scenario.listed_twice', { value: key }));
    seen.add(key);
    out.push({
      name: f.str([...path, 'name']),
      protocol,
      port: asPort(port),
      targetPort: targetPort ?? asPort(port),
      nodePort: nodePort !== undefined && type !== 'ClusterIP' ? asPort(nodePort) : undefined,
    });
  });
  return out;
}

/** A number, or the name of a container port (resolved per backend pod). */
function readTargetPort(f: Fields, path: (string | number)[]): Port | string | undefined {
  const v = f.get(path);
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string' && !/^\d+$/.test(v)) {
    if (v === '') return f.error(path, say('scenario.svc.port_empty'));
    return v;
  }
  const n = typeof v === 'string' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > 65535) {
    return f.error(path, say('scenario.must_be_port', { min: 1, value: String(JSON.stringify(v)) }));
  }
  return asPort(n);
}

/** flowlab.cilium.io/service-ids: "4,7,8", one ID per frontend in frontendSlots() order. */
function readServiceIds(f: Fields, svc: ServiceModel): number[] | undefined {
  const path = ['metadata', 'annotations', SERVICE_IDS_ANNOTATION];
  const text = f.str(path);
  if (text === undefined) return undefined;
  const parts = text.split(',').map((s) => s.trim());
  const ids = parts.map(Number);
  if (parts.some((p) => !/^\d+$/.test(p)) || ids.some((n) => n < 1 || n > 65535)) {
    return f.error(path, say('scenario.svc.ids_list', { value: text }));
  }
  if (new Set(ids).size !== ids.length) return f.error(path, say('scenario.svc.ids_twice', { value: text }));
  const expected = frontendSlots(svc).length;
  if (ids.length !== expected) {
    return f.error(path, say('scenario.svc.ids_count', { n: ids.length, expected }));
  }
  return ids;
}

export interface SliceFacts {
  /** `namespace/name` of the Service (label kubernetes.io/service-name). */
  service: string;
  endpoints: SliceEndpoint[];
  /** addressType IPv6 slices fill this instead. */
  endpoints6: SliceEndpoint<Ipv6>[];
  f: Fields;
}

/** The first IPv4 entry of a string list. */
function ipv4InList(f: Fields, path: (string | number)[]): Ipv4 | undefined {
  const i = f.list(path).findIndex((v) => typeof v === 'string' && !v.includes(':'));
  return i < 0 ? undefined : f.ipv4([...path, i]);
}

export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

export function readEndpointSlice(f: Fields): SliceFacts | { ignored: string } {
  const ns = f.obj.namespace ?? 'default';
  const serviceName = f.str(['metadata', 'labels', SERVICE_NAME_LABEL]);
  if (serviceName === undefined) return { ignored: `no ${SERVICE_NAME_LABEL} label, so no Service owns it` };
  const addressType = f.str(['addressType']) ?? 'IPv4';
  if (addressType !== 'IPv4' && addressType !== 'IPv6') return { ignored: `addressType ${addressType} is not modelled` };
  const ports: SliceEndpoint['ports'] = [];
  f.list(['ports']).forEach((_, i) => {
    const port = f.int(['ports', i, 'port'], { min: 1, max: 65535 });
    const protocol = readProtocol(f, ['ports', i, 'protocol']);
    if (port !== undefined) ports.push({ name: f.str(['ports', i, 'name']), port: asPort(port), protocol });
  });
  const endpoints: SliceEndpoint[] = [];
  const endpoints6: SliceEndpoint<Ipv6>[] = [];
  f.list(['endpoints']).forEach((_, i) => {
    const path = ['endpoints', i];
    // conditions.ready: nil means "unknown", which consumers read as ready; serving nil defers to
    // ready; terminating nil means not terminating (discovery/v1 types.go, as pkg/k8s reads them).
    const ready = f.bool([...path, 'conditions', 'ready']) ?? true;
    const serving = f.bool([...path, 'conditions', 'serving']) ?? ready;
    const terminating = f.bool([...path, 'conditions', 'terminating']) ?? false;
    const nodeName = f.str([...path, 'nodeName']);
    const refKind = f.str([...path, 'targetRef', 'kind']);
    const refName = f.str([...path, 'targetRef', 'name']);
    const refNs = f.str([...path, 'targetRef', 'namespace']) ?? ns;
    const podRef = refKind === 'Pod' && refName ? `${refNs}/${refName}` : undefined;
    const addresses = f.list([...path, 'addresses']);
    if (addresses.length === 0) f.error([...path, 'addresses'], say('scenario.slice.no_address'));
    addresses.forEach((_, j) => {
      const facts = { ready, serving, terminating, nodeName, podRef, ports: ports.map((p) => ({ ...p })) };
      if (addressType === 'IPv6') {
        const ip = readIpv6(f, [...path, 'addresses', j]);
        if (ip) endpoints6.push({ ip, ...facts });
        return;
      }
      const ip = f.ipv4([...path, 'addresses', j], true);
      if (ip) endpoints.push({ ip, ...facts });
    });
  });
  return { service: `${ns}/${serviceName}`, endpoints, endpoints6, f };
}
