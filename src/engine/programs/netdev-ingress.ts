/**
 * The node's device, tc ingress: cil_from_netdev (bpf_host.c) → do_netdev →
 * handle_ipv4. The source identity comes from the ipcache (SECCTX_FROM_IPCACHE);
 * nodeport_lb4 checks for a service; replies to masqueraded flows are
 * translated back (snat_v4_rev_nat); then local delivery or the host stack.
 */
import { cidrContains } from '../../scenario/values.ts';
import type { NodeDatapath } from '../derive/types.ts';
import type { Walk } from '../flow/walk.ts';
import { serviceKey } from '../maps/format.ts';
import type { Packet } from '../trace.ts';
import { localDelivery } from './deliver.ts';
import { toHostStack } from './host.ts';
import { lookupIpcache, lookupLxc } from './lookup.ts';
import { dstText, withDst } from './packet.ts';
import { DROP, type Arrival } from './types.ts';

export function fromNetdev(w: Walk, node: NodeDatapath, arriving: Packet): Arrival {
  let packet = arriving;
  const at = { node: node.name, iface: node.device, hook: 'tc-ingress' };
  const src = lookupIpcache(w.dp, node.name, packet.src, 'source identity');
  const srcIdentity = src.value.identity;
  // nodeport_lb4 only extracts a service tuple from TCP and UDP.
  const svcOps = packet.proto === 'ICMP' ? [] : [{
    node: node.name, map: 'cilium_lb4_services_v2' as const, op: 'lookup' as const,
    key: serviceKey(packet.dst, packet.dport ?? 0, 0), hit: false, note: 'nodeport_lb4: is it a service?',
  }];
  w.emit(
    { ...at, packet, kind: 'netdev-ingress', program: 'cil_from_netdev', source: 'bpf/bpf_host.c: cil_from_netdev → do_netdev → handle_ipv4 → nodeport_lb4', maps: [src.op, ...svcOps], observation: 'from-network', srcIdentity },
    'netdev.ingress',
    { dev: node.device, src: packet.src, identity: srcIdentity },
  );
  if (packet.dst === node.ip) {
    const r = w.nat.revSnat(node.name, packet, false);
    if (r.found) {
      packet = withDst(packet, r.found.addr, r.found.port);
      w.emit(
        { ...at, packet, kind: 'rev-snat', program: 'cil_from_netdev', source: 'bpf/lib/nat.h: snat_v4_rev_nat (tail CILIUM_CALL_IPV4_NODEPORT_NAT_INGRESS)', maps: r.ops, verdict: 'TRANSLATED', srcIdentity },
        'revsnat.done',
        { from: dstText(arriving), to: dstText(packet) },
      );
    }
  }
  const local = lookupLxc(node, packet.dst);
  w.emit(
    { ...at, packet, kind: 'endpoint-lookup', program: 'cil_from_netdev', source: 'bpf/bpf_host.c: handle_ipv4 (lookup_ip4_endpoint)', maps: [local.op], srcIdentity },
    local.found?.kind === 'endpoint' ? 'endpoint.local' : local.found?.kind === 'host' ? 'endpoint.host' : 'endpoint.miss',
    { dst: packet.dst, pod: local.found?.kind === 'endpoint' ? local.found.ep.key : '', node: node.name },
  );
  const skb = { srcIdentity };
  if (local.found?.kind === 'endpoint') return localDelivery(w, at, local.found.ep, packet, skb);
  if (local.found?.kind === 'host') return toHostStack(w, node, at, packet, skb);
  const inPodCidr = node.podCIDRs.some((c) => cidrContains(c, packet.dst));
  const drop = inPodCidr ? DROP.UNROUTABLE : DROP.UNROUTABLE;
  w.emit(
    { ...at, packet, kind: 'drop', program: 'cil_from_netdev', source: 'bpf/bpf_host.c: handle_ipv4', maps: [], verdict: 'DROPPED', drop, srcIdentity },
    'drop.no_endpoint',
    { dst: packet.dst, node: node.name },
  );
  return { at: 'dropped', packet, reason: drop.reason };
}
