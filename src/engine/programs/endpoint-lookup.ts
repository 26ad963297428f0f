/**
 * lookup_ip4_endpoint (bpf/lib/eps.h): is the destination a local endpoint,
 * the node itself, or neither? Both bpf_lxc (handle_ipv4_from_lxc) and
 * bpf_host (handle_ipv4) ask it the same way; each then decides what a miss means.
 */
import type { NodeDatapath } from '../derive/types.ts';
import type { Walk } from '../flow/walk.ts';
import type { Place } from '../place.ts';
import type { Packet } from '../trace.ts';
import { lookupLxc, type LxcHit } from './lookup.ts';
import type { RoutingProgram } from './types.ts';

/** Where each program's lookup is in Cilium's source. */
const SOURCE: Record<RoutingProgram, string> = {
  cil_from_container: 'bpf/bpf_lxc.c: handle_ipv4_from_lxc (lookup_ip4_endpoint)',
  cil_from_netdev: 'bpf/bpf_host.c: handle_ipv4 (lookup_ip4_endpoint)',
};

/** Looks the destination up in cilium_lxc and emits the endpoint-lookup hop; returns what was found. */
export function endpointLookup(
  w: Walk, node: NodeDatapath, at: Place, program: RoutingProgram, packet: Packet,
  ids: { srcIdentity: number; dstIdentity?: number },
): LxcHit | undefined {
  const local = lookupLxc(node, packet.dst);
  const found = local.found;
  w.emit(
    {
      place: at, packet, kind: 'endpoint-lookup', program, source: SOURCE[program],
      maps: [local.op], srcIdentity: ids.srcIdentity, dstIdentity: ids.dstIdentity,
    },
    found?.kind === 'endpoint' ? 'endpoint.local' : found?.kind === 'host' ? 'endpoint.host' : 'endpoint.miss',
    { dst: packet.dst, pod: found?.kind === 'endpoint' ? found.ep.key : '', node: node.name },
  );
  return found;
}
