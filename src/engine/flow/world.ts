/**
 * A request that left the cluster is answered only when the server really is
 * outside: an address no node, pod CIDR or ClusterIP owns. Otherwise the
 * packet is lost out there, and the trace says so (not a Cilium drop).
 */
import { cidrContains } from '../../scenario/values.ts';
import { DROP } from '../programs/drop.ts';
import { worldWire } from '../programs/wire.ts';
import type { FlowEndpoint, Packet } from '../trace.ts';
import type { Walk } from './walk.ts';

/** True (after emitting the loss) when nothing outside answers the request that left the cluster. */
export function lostOutside(w: Walk, server: FlowEndpoint, packet: Packet): boolean {
  const dp = w.dp;
  const isClusterIp = dp.model.services.some((s) => s.clusterIP === packet.dst);
  const inPodCidr = dp.model.nodes.some((n) => n.podCIDRs.some((c) => cidrContains(c, packet.dst)));
  if (server.kind === 'ip' && !isClusterIp && !inPodCidr) return false;
  w.emit(
    {
      place: worldWire(undefined), packet, kind: 'drop', program: 'network',
      source: 'outside the cluster: not a Cilium drop',
      maps: [], verdict: 'DROPPED', drop: DROP.LOST_OUTSIDE,
    },
    isClusterIp ? 'world.nobody' : 'world.lost',
    { dst: packet.dst },
  );
  return true;
}
