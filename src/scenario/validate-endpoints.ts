/**
 * A node's endpoint ID space. The agent allocates endpoint IDs from a pool of
 * 1..4095 per node (pkg/endpointmanager/idallocator: minID 1, maxID 4095);
 * every pod with its own network namespace and an IP takes one, and so does
 * the node's health endpoint. More than that cannot exist on one node.
 */
import type { Assembled } from './validate.ts';
import { podIsActive } from './kinds/pod.ts';
import { say } from './issue-text.ts';

export const MAX_ENDPOINT_ID = 4095;

export function checkEndpointCapacity(a: Assembled): void {
  const count = new Map<string, number>();
  for (const { model: p } of a.pods) {
    if (p.hostNetwork || p.podIP === undefined || !podIsActive(p.phase)) continue;
    count.set(p.nodeName, (count.get(p.nodeName) ?? 0) + 1);
  }
  for (const n of a.nodes) {
    // The health endpoint takes one ID of the pool too.
    const endpoints = (count.get(n.model.name) ?? 0) + 1;
    if (endpoints <= MAX_ENDPOINT_ID) continue;
    n.f.error(undefined, say('scenario.node.too_many_endpoints', { n: endpoints, pods: endpoints - 1, max: MAX_ENDPOINT_ID }));
  }
}
