/**
 * Checks that need the whole cluster: every pod on a known node and inside
 * that node's pod CIDRs, no address owned twice, no overlapping pod CIDRs,
 * endpoint ids and interfaces unique per node. Service checks: validate-services.ts.
 */
import type { FieldPath } from './documents.ts';
import type { Fields } from './fields.ts';
import type { CiliumNodeFacts } from './kinds/node.ts';
import type { CiliumEndpointFacts } from './kinds/pod.ts';
import { podIsActive } from './kinds/pod.ts';
import type { NodeModel, PodModel, ServiceModel } from './model.ts';
import { checkEndpointCapacity } from './validate-endpoints.ts';
import { SelectorIndex } from './selector.ts';
import { validateServices } from './validate-services.ts';
import { checkNamedTargetPorts } from './validate-target-ports.ts';
import { cidrContains, cidrToString, type Cidr } from './values.ts';
import { say, whereDoc, type IssueParam } from './issue-text.ts';

export interface Assembled {
  nodes: { model: NodeModel; f: Fields; ciliumNode?: CiliumNodeFacts }[];
  /** `ipPath`: where the IP was written (status.podIP or status.podIPs), kept from before the body was released. */
  pods: { model: PodModel; f: Fields; ipPath: FieldPath; endpoint?: CiliumEndpointFacts }[];
  services: { model: ServiceModel; f: Fields }[];
  /** Nodes declared but unusable (an error is already reported): their pods are not checked again. */
  brokenNodes: Set<string>;
}

type NodeEntry = Assembled['nodes'][number];

/** Who holds an address, so the second holder's error can name the first. */
interface Owner {
  label: string;
  f: Fields;
  path: FieldPath;
}

export function validateCluster(a: Assembled): void {
  const owners = new Map<string, Owner>();
  const claim = (ip: string, owner: Owner) => {
    const first = owners.get(ip);
    if (!first) {
      owners.set(ip, owner);
      return;
    }
    const at = whereDoc(first.f.obj.ref.doc, first.f.obj.lineOf(first.path));
    owner.f.error(owner.path, say('scenario.ip_taken', { ip, owner: first.label, where: at }));
  };
  for (const n of a.nodes) claim(n.model.internalIP, { label: n.f.obj.ref.object, f: n.f, path: internalIpPath(n.f) });
  checkPodCidrOverlap(a.nodes);
  for (const n of a.nodes) checkCiliumNode(n, claim);
  checkPods(a, claim);
  checkEndpointsPerNode(a.pods);
  checkEndpointCapacity(a);
  // One index of pods by label for both Service checks (100,000 pods: building it is most of their cost).
  const index = new SelectorIndex(a.pods.map((p) => p.model));
  validateServices(a, index);
  checkNamedTargetPorts(a, index);
}

function internalIpPath(f: Fields): FieldPath {
  const list = f.list(['status', 'addresses']);
  const i = list.findIndex((x) => (x as Record<string, unknown> | null)?.['type'] === 'InternalIP');
  return ['status', 'addresses', Math.max(i, 0), 'address'];
}

/** Where a node's k-th pod CIDR was written: the Node, or the CiliumNode it came from. */
function cidrAt(n: NodeEntry, k: number): [Fields, FieldPath] {
  if (n.f.has(['spec', 'podCIDRs'])) return [n.f, ['spec', 'podCIDRs', k]];
  if (n.f.has(['spec', 'podCIDR'])) return [n.f, ['spec', 'podCIDR']];
  return n.ciliumNode ? [n.ciliumNode.f, ['spec', 'ipam', 'podCIDRs', k]] : [n.f, ['spec']];
}

function overlaps(a: Cidr, b: Cidr): boolean {
  return cidrContains(a, b.base) || cidrContains(b, a.base);
}

function checkPodCidrOverlap(nodes: NodeEntry[]): void {
  nodes.forEach((n, i) => {
    n.model.podCIDRs.forEach((c, k) => {
      for (const other of nodes.slice(0, i)) {
        const hit = other.model.podCIDRs.find((o) => overlaps(o, c));
        if (!hit) continue;
        const [f, path] = cidrAt(n, k);
        f.error(path, say('scenario.node.cidr_overlap', { cidr: cidrToString(c), node: other.model.name, other: cidrToString(hit) }));
      }
    });
  });
}

type Claim = (ip: string, owner: Owner) => void;

/** cilium_host and health IPs come from the node's pod CIDR under IPAM kubernetes. */
function checkCiliumNode(n: NodeEntry, claim: Claim): void {
  const cn = n.ciliumNode;
  if (!cn) return;
  const inPodCidr = (ip: string) => n.model.podCIDRs.some((c) => cidrContains(c, ip as NodeModel['internalIP']));
  const facts: [string | undefined, FieldPath, string][] = [
    [cn.ciliumInternalIP, ciliumInternalIpPath(cn.f), 'cilium_host IP'],
    [cn.healthIP, ['spec', 'health', 'ipv4'], 'health IP'],
  ];
  for (const [ip, path, what] of facts) {
    if (!ip) continue;
    claim(ip, { label: `${cn.f.obj.ref.object} (${what})`, f: cn.f, path });
    if (!inPodCidr(ip)) cn.f.warn(path, say('scenario.cn.outside_cidr', { what, ip, cidrs: cidrList(n.model.podCIDRs) }));
  }
}

function ciliumInternalIpPath(f: Fields): FieldPath {
  const list = f.list(['spec', 'addresses']);
  const i = list.findIndex((x) => (x as Record<string, unknown> | null)?.['type'] === 'CiliumInternalIP');
  return ['spec', 'addresses', Math.max(i, 0), 'ip'];
}

function cidrList(cidrs: Cidr[]): IssueParam {
  return cidrs.map(cidrToString).join(', ') || say('scenario.none');
}

function checkPods(a: Assembled, claim: Claim): void {
  const nodes = new Map(a.nodes.map((n) => [n.model.name, n.model]));
  for (const { model: pod, f, ipPath } of a.pods) {
    const node = nodes.get(pod.nodeName);
    if (a.brokenNodes.has(pod.nodeName)) continue;
    if (pod.nodeName !== '' && !node) {
      const known = [...nodes.keys()].join(', ') || say('scenario.none');
      f.error(['spec', 'nodeName'], say('scenario.pod.unknown_node', { value: pod.nodeName, nodes: known }));
      continue;
    }
    if (!node || !podIsActive(pod.phase)) continue;
    if (pod.hostNetwork) {
      // The kubelet reports the node's IP for host-network pods.
      if (pod.podIP === undefined) pod.podIP = node.internalIP;
      else if (pod.podIP !== node.internalIP) {
        f.error(['status', 'podIP'], say('scenario.pod.host_network_ip', { node: node.internalIP, ip: pod.podIP }));
      }
      continue;
    }
    if (pod.podIP === undefined) continue;
    if (!node.podCIDRs.some((c) => cidrContains(c, pod.podIP as NodeModel['internalIP']))) {
      f.error(ipPath, say('scenario.pod.outside_cidr', { ip: pod.podIP, node: node.name, cidrs: cidrList(node.podCIDRs) }));
      continue;
    }
    claim(pod.podIP, { label: f.obj.ref.object, f, path: ipPath });
  }
}

/** Endpoint ids, lxc names and ifindexes are per node: two endpoints on one node may not share them. */
function checkEndpointsPerNode(pods: Assembled['pods']): void {
  const seen = new Map<string, string>();
  for (const { model: pod, endpoint } of pods) {
    if (!endpoint) continue;
    const facts: [string, unknown, string[]][] = [
      ['endpoint id', pod.endpoint.endpointId, ['status', 'id']],
      ['interface-name', pod.endpoint.interfaceName, ['status', 'networking', 'interface-name']],
      ['interface-index', pod.endpoint.interfaceIndex, ['status', 'networking', 'interface-index']],
    ];
    for (const [what, value, path] of facts) {
      if (value === undefined) continue;
      const key = `${pod.nodeName}|${what}|${String(value)}`;
      const first = seen.get(key);
      if (first) endpoint.f.error(path, say('scenario.pod.endpoint_taken', { what, value: String(value), other: first, node: pod.nodeName }));
      else seen.set(key, endpoint.f.obj.ref.object);
    }
  }
}
