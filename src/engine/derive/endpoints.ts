/**
 * Cilium endpoints per node: every pod that is not hostNetwork and has an IP,
 * plus the node's lxc_health endpoint. What the agent would pick at random
 * (endpoint ID, lxc name, MACs, ifindex) is hashed from names here, unless a
 * CiliumEndpoint states it.
 */
import type { NodeModel, PodModel } from '../../scenario/model.ts';
import { MAX_ENDPOINT_ID } from '../../scenario/validate-endpoints.ts';
import { asEndpointId, asIfIndex, type EndpointId, type Identity, type Ipv4, type Mac } from '../../scenario/values.ts';
import { must } from '../util/internal.ts';
import { hash53, hexOf, macOf } from '../util/hash.ts';
import { RESERVED } from './identities.ts';
import type { EndpointInfo } from './types.ts';

/** ifindex layout of a node: lo 1, the netdev 2, cilium_net 3, cilium_host 4, overlay 5, then veth pairs. */
export const IFINDEX = { lo: 1, netdev: 2, ciliumNet: 3, ciliumHost: 4, overlay: 5, firstVeth: 6 } as const;


/**
 * The host endpoint's ID (reserved:host, identity 1; the agent creates it at start-up, the write-up's
 * `status --verbose` counts it among the endpoints' controllers). It has no IP and no lxc, so it is not
 * in the list above; its ID is hashed from the node's name and kept clear of the other endpoints'.
 */
export function hostEndpointIdOf(node: string, endpoints: readonly EndpointInfo[]): EndpointId {
  const used = new Set<number>(endpoints.map((e) => e.id));
  let id = (hash53(`host/${node}`) % MAX_ENDPOINT_ID) + 1;
  while (used.has(id)) id = (id % MAX_ENDPOINT_ID) + 1;
  return asEndpointId(id);
}

/** A pod is a Cilium endpoint when it has its own network namespace and an IP. */
export const isManaged = (p: PodModel) => !p.hostNetwork && p.podIP !== undefined && p.phase !== 'Succeeded' && p.phase !== 'Failed';

/** A stable uuid-shaped name part hashed from `seed`. */
const uuidOf = (seed: string): string => {
  const h = hexOf(`netns/${seed}`, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
};

export function nodeEndpoints(
  node: NodeModel,
  pods: PodModel[],
  healthIp: Ipv4,
  identityOf: (pod: PodModel) => Identity,
): EndpointInfo[] {
  const usedIds = new Set<number>();
  const usedIfindex = new Set<number>();
  for (const p of pods) {
    if (p.endpoint.endpointId !== undefined) usedIds.add(p.endpoint.endpointId);
    if (p.endpoint.interfaceIndex !== undefined) usedIfindex.add(p.endpoint.interfaceIndex);
  }
  const pickId = (seedText: string) => {
    let id = (hash53(seedText) % MAX_ENDPOINT_ID) + 1;
    // The loader refuses a node with more endpoints than IDs (scenario/validate-endpoints.ts); the bound
    // keeps a model built some other way from looping forever.
    for (let tries = 0; usedIds.has(id); tries++) {
      if (tries >= MAX_ENDPOINT_ID) throw new Error(`node ${node.name} has no free endpoint ID (1..${MAX_ENDPOINT_ID})`);
      id = (id % MAX_ENDPOINT_ID) + 1;
    }
    usedIds.add(id);
    return asEndpointId(id);
  };
  // Host-side ifindexes go up in pairs (pod eth0, then its lxc peer), in creation order.
  let nextIf: number = IFINDEX.firstVeth;
  const pickIfindex = () => {
    while (usedIfindex.has(nextIf) || usedIfindex.has(nextIf - 1)) nextIf += 2;
    const ifx = nextIf;
    nextIf += 2;
    return ifx;
  };
  const health: EndpointInfo = {
    id: pickId(`health/${node.name}`),
    key: `health/${node.name}`,
    namespace: '',
    name: 'cilium-health',
    node: node.name,
    ip: healthIp,
    identity: RESERVED.health as Identity,
    mac: macOf(`health-eth0/${node.name}`) as Mac,
    nodeMac: node.macs['lxc_health'] ?? (macOf(`lxc_health/${node.name}`) as Mac),
    lxcName: 'lxc_health',
    ifindex: asIfIndex(pickIfindex()),
    podIfindex: asIfIndex(0),
    isHealth: true,
    labels: { 'reserved:health': '' },
  };
  health.podIfindex = asIfIndex(health.ifindex - 1);
  const out = [health];
  for (const pod of pods) {
    const key = `${pod.namespace}/${pod.name}`;
    const facts = pod.endpoint;
    const ifindex = facts.interfaceIndex ?? asIfIndex(pickIfindex());
    out.push({
      id: facts.endpointId ?? pickId(key),
      key,
      namespace: pod.namespace,
      name: pod.name,
      node: node.name,
      ip: must(pod.podIP, () => `the IP of managed pod ${key}`),
      identity: identityOf(pod),
      mac: facts.mac ?? (macOf(`eth0/${key}`) as Mac),
      nodeMac: facts.hostMac ?? (macOf(`lxc/${key}`) as Mac),
      // lxc + 12 hex digits: 15 characters, the kernel's IFNAMSIZ-1 limit.
      lxcName: facts.interfaceName ?? `lxc${hexOf(key, 12)}`,
      ifindex,
      podIfindex: asIfIndex(ifindex - 1),
      // The CNI plugin names the pod's netns `cni-<uuid>` (containernetworking/plugins pkg/testutils/netns).
      netns: facts.netns ?? `cni-${uuidOf(key)}`,
      isHealth: false,
      labels: pod.labels,
    });
  }
  return out;
}
