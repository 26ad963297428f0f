/**
 * Names a person types (`netpod`, `default/webpod1`, `svc:80`, `k8s-w1`,
 * `8.8.8.8`) resolved against the model. Unknown names raise FlowError with
 * the names that would have worked.
 */
import { cidrContains, parseIpv4, parseIpv6, type Ipv4 } from '../../scenario/values.ts';
import { flowError } from '../request.ts';
import type { Datapath } from '../derive/types.ts';
import type { FlowEndpoint } from '../trace.ts';
import { must } from '../util/internal.ts';

type Pod = Datapath['model']['pods'][number];
type PodWithIp = Pod & { podIP: Ipv4 };

const hasIp = (p: Pod): p is PodWithIp => p.podIP !== undefined;

function podMatches(dp: Datapath, name: string): PodWithIp[] {
  const exact = dp.podByKey.get(name);
  const named = exact ? [exact] : (dp.podsByName.get(name) ?? []);
  const withIp = named.filter(hasIp);
  // A pod that exists but has no IPv4 (IPv6-only) is named as such, not called unknown.
  if (named.length > 0 && withIp.length === 0) throw flowError('error.pod_without_ipv4', { name });
  return withIp;
}

const podEndpoint = (p: PodWithIp): FlowEndpoint =>
  p.hostNetwork
    ? { kind: 'node', node: p.nodeName, ip: p.podIP }
    : { kind: 'pod', namespace: p.namespace, name: p.name, node: p.nodeName, ip: p.podIP, hostNetwork: false };

/** The port a service destination means when none is named: its first. */
const firstPort = (s: Datapath['model']['services'][number]) =>
  must(s.ports[0], () => `a port of ${s.namespace}/${s.name}`).port;

interface Named {
  namespace: string;
  name: string;
}

/** How a person names an object: `name` in the default namespace, else `namespace/name`. */
const shortName = (o: Named) => (o.namespace === 'default' ? o.name : `${o.namespace}/${o.name}`);
const fullName = (o: Named) => `${o.namespace}/${o.name}`;

export const knownSources = (dp: Datapath) => [
  ...dp.model.pods.filter((p) => p.podIP && !p.hostNetwork).map(shortName),
  ...dp.nodes.map((n) => n.name),
];

/** Names only: that any IPv4 address works too is said by the error message, in the reader's language. */
export const knownDestinations = (dp: Datapath) => [
  ...knownSources(dp),
  ...dp.model.services.filter((s) => s.clusterIP).map(shortName),
];

/** A node or a pod by name; undefined when neither; an error when the bare name is ambiguous. */
function nodeOrPod(dp: Datapath, name: string): FlowEndpoint | undefined {
  const node = dp.node(name);
  if (node) return { kind: 'node', node: node.name, ip: node.ip };
  const pods = podMatches(dp, name);
  if (pods.length > 1) throw flowError('error.ambiguous_pod', { name }, pods.map(fullName));
  return pods[0] && podEndpoint(pods[0]);
}

/** IPv6 flows are not walked yet: an IPv6 address (or `[address]:port`) says so, not "unknown". */
function refuseIpv6(text: string): void {
  const address = /^\[([^\]]+)\](?::\d+)?$/.exec(text)?.[1] ?? text;
  if (parseIpv6(address)) throw flowError('error.ipv6_not_walked', { address });
}

export function resolveSource(dp: Datapath, name: string): FlowEndpoint {
  refuseIpv6(name);
  const named = nodeOrPod(dp, name);
  if (named) return named;
  const ip = parseIpv4(name);
  if (ip) {
    const ep = dp.endpointByIp.get(ip);
    if (ep && !ep.isHealth) return resolveSource(dp, ep.key);
    const n = dp.nodeByIp.get(ip);
    if (n && n.ip === ip) return { kind: 'node', node: n.name, ip };
    if (!dp.model.nodes.some((x) => x.podCIDRs.some((c) => cidrContains(c, ip)))) return { kind: 'ip', ip };
  }
  throw flowError('error.unknown_source', { name }, knownSources(dp));
}

export function resolveDestination(dp: Datapath, text: string): FlowEndpoint {
  refuseIpv6(text);
  const [name, portText] = text.includes(':') ? splitPort(text) : [text, undefined];
  const port = portText === undefined ? undefined : Number(portText);
  const svc = dp.model.services.filter((s) => s.clusterIP && (s.name === name || `${s.namespace}/${s.name}` === name));
  const s = svc[0];
  if (svc.length === 1 && s?.clusterIP) {
    return { kind: 'service', namespace: s.namespace, name: s.name, ip: s.clusterIP, port: port ?? firstPort(s) };
  }
  if (svc.length > 1) throw flowError('error.ambiguous_service', { name }, svc.map(fullName));
  const named = nodeOrPod(dp, name);
  if (named) return named;
  const ip = parseIpv4(name);
  if (ip) return destinationByIp(dp, ip, port);
  throw flowError('error.unknown_destination', { name: text }, knownDestinations(dp));
}

function splitPort(text: string): [string, string | undefined] {
  const i = text.lastIndexOf(':');
  const port = text.slice(i + 1);
  if (!/^\d+$/.test(port) || Number(port) > 65535) throw flowError('error.bad_port', { text });
  return [text.slice(0, i), port];
}

function destinationByIp(dp: Datapath, ip: Ipv4, port: number | undefined): FlowEndpoint {
  const svc = dp.model.services.find((s) => s.clusterIP === ip);
  if (svc) return { kind: 'service', namespace: svc.namespace, name: svc.name, ip, port: port ?? firstPort(svc) };
  const ep = dp.endpointByIp.get(ip);
  const pod = ep && !ep.isHealth ? dp.podByKey.get(ep.key) : undefined;
  if (pod && hasIp(pod)) return podEndpoint(pod);
  const n = dp.nodeByIp.get(ip);
  if (n && n.ip === ip) return { kind: 'node', node: n.name, ip };
  return { kind: 'ip', ip };
}
