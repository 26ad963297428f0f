/**
 * `ip neigh`: a node's neighbour table (the agent's entries for the other
 * nodes, node-neighbor-link-updater; the gateway; what the flow resolved)
 * and a pod's (only the gateway its ARP resolved, to the lxc's MAC; none at
 * all on netkit, which has no link layer).
 */
import type { Datapath, EndpointInfo, NodeDatapath } from '../../derive/types.ts';
import { netdevOf } from '../../derive/lookups.ts';
import type { HopEvent } from '../../trace.ts';

/**
 * The agent inserts its neighbour entries as externally learned (pkg/datapath/linux/node.go
 * insertNeighbor, NTF_EXT_LEARNED), which iproute2 prints as `extern_learn`.
 */
export function nodeIpNeigh(dp: Datapath, node: NodeDatapath): string {
  const lines = [`${node.gatewayIp} dev ${node.device} lladdr ${node.gatewayMac} REACHABLE`];
  for (const other of dp.nodes) {
    if (other === node) continue;
    lines.push(`${other.ip} dev ${node.device} lladdr ${netdevOf(other).mac} extern_learn REACHABLE`);
  }
  return `${lines.join('\n')}\n`;
}

/** The pod's ARP cache after `events`: the gateway, answered by the lxc's ARP responder. */
export function podIpNeigh(ep: EndpointInfo, events: readonly HopEvent[]): string {
  const seen = new Map<string, string>();
  for (const e of events) {
    const p = e.packet;
    if (e.kind !== 'arp-proxy' || !p || p.dst !== ep.ip || p.srcMac === undefined) continue;
    seen.set(p.src, p.srcMac);
  }
  return [...seen].map(([ip, mac]) => `${ip} dev eth0 lladdr ${mac} REACHABLE\n`).join('');
}
