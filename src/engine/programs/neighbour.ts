/** Who is at an address on the node's network: another node, or the default gateway. */
import type { Ipv4 } from '../../scenario/values.ts';
import type { Datapath, NodeDatapath } from '../derive/types.ts';
import { netdevOf } from '../derive/lookups.ts';

/** The node whose device owns `ip`, if any (not its cilium_host or health address). */
export function nodeAt(dp: Datapath, ip: Ipv4): NodeDatapath | undefined {
  const n = dp.nodeByIp.get(ip);
  return n && n.ip === ip ? n : undefined;
}

/** The MAC a node's neighbour table holds for a next hop on its device: the peer node's, else the gateway's. */
export function neighbourMac(dp: Datapath, node: NodeDatapath, ip: Ipv4): string {
  const peer = nodeAt(dp, ip);
  return peer ? netdevOf(peer).mac : node.gatewayMac;
}
