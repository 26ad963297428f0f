/**
 * The node's device, tc ingress: cil_from_netdev (bpf_host.c) → do_netdev →
 * handle_ipv4. The source identity comes from the ipcache (SECCTX_FROM_IPCACHE);
 * nodeport_lb4 checks for a service; replies to masqueraded flows are
 * translated back (snat_v4_rev_nat); then local delivery or the host stack.
 */
import type { NodeDatapath } from '../derive/types.ts';
import type { Walk } from '../flow/walk.ts';
import { serviceKey } from '../maps/format.ts';
import { onDevice } from './hooks.ts';
import type { MapOp, Packet } from '../trace.ts';
import { toHostStack } from './host.ts';
import { endpointLookup } from './endpoint-lookup.ts';
import { lookupIpcache } from './lookup.ts';
import type { Next } from './next.ts';
import { revNatCanSkip } from '../runtime/nat.ts';
import type { RoutingProgram } from './types.ts';
import { nodePortFrontend, nodeportLb4, nodeportReply } from './nodeport.ts';
import { dstText, withDst } from './packet.ts';
import { message } from '../messages.ts';

const PROGRAM = 'cil_from_netdev' satisfies RoutingProgram;
const NO_MAPPING = 'snat_v4_rev_nat: no mapping';
const NO_MAPPING_WORDS = message('note.revnat.none');
const noMapping = (o: MapOp): MapOp => ({ ...o, note: NO_MAPPING, noteWords: NO_MAPPING_WORDS });

export function fromNetdev(w: Walk, node: NodeDatapath, arriving: Packet): Next {
  let packet = arriving;
  const at = onDevice(w, node.name, node.device, 'ingress');
  const srcIp = packet.outer?.src ?? packet.src;
  const src = lookupIpcache(w.dp, node.name, srcIp, 'source identity', message('note.ipcache.src'));
  const srcIdentity = src.value.identity;
  // nodeport_lb4 only extracts a service tuple from TCP and UDP (and tunnel packets are for the host).
  const nodePort = packet.outer ? undefined : nodePortFrontend(w, node, packet);
  const svcOps: MapOp[] = packet.proto === 'ICMP' || packet.outer ? [] : [{
    node: node.name, map: 'cilium_lb4_services_v2', op: 'lookup',
    key: serviceKey(packet.dst, packet.dport ?? 0, 0), hit: !!nodePort, note: 'nodeport_lb4: is it a service?',
    noteWords: message('note.nodeport.is_service'),
  }];
  // No service: nodeport_lb4 tail-calls CILIUM_CALL_IPV4_NODEPORT_NAT_INGRESS, whose snat_v4_rev_nat
  // reads cilium_snat_v4_external for every packet with a destination port in the NAT range (a reply
  // to a masqueraded flow, or any other reply to an ephemeral port: a miss recircles to handle_ipv4).
  const natIngress = !packet.outer && !nodePort && w.dp.config.kubeProxyReplacement && !revNatCanSkip(packet);
  const rev = natIngress ? w.nat.revSnat(node.name, packet, false) : undefined;
  w.emit(
    {
      place: at, packet, kind: 'netdev-ingress', program: PROGRAM,
      source: 'bpf/bpf_host.c: cil_from_netdev → handle_netdev → tail_handle_ipv4_from_netdev → nodeport_lb4',
      maps: [src.op, ...svcOps, ...(rev && !rev.found ? rev.ops.map(noMapping) : [])],
      observation: 'from-network', srcIdentity,
    },
    packet.outer ? 'netdev.ingress.overlay'
      : nodePort ? (nodePort.type === 'HostPort' ? 'netdev.ingress.hostport' : 'netdev.ingress.nodeport')
      : 'netdev.ingress',
    { dev: node.device, src: packet.outer?.src ?? packet.src, identity: srcIdentity, dst: dstText(packet) },
  );
  // The kernel's tunnel device decapsulates; bpf_overlay runs on it.
  if (packet.outer && packet.outer.dst === node.ip) return { to: 'cil_from_overlay', node, packet };
  if (nodePort) return nodeportLb4(w, node, nodePort, packet, { srcIdentity });
  if (rev) {
    const r = rev;
    if (r.found) {
      packet = withDst(packet, r.found.addr, r.found.port);
      w.emit(
        {
          place: at, packet, kind: 'rev-snat', program: PROGRAM,
          source: 'bpf/lib/nat.h: snat_v4_rev_nat (tail CILIUM_CALL_IPV4_NODEPORT_NAT_INGRESS)',
          maps: r.ops, verdict: 'TRANSLATED', srcIdentity,
        },
        'revsnat.done',
        { from: dstText(arriving), to: dstText(packet) },
      );
      const back = nodeportReply(w, node, packet, { srcIdentity });
      if (back) return back;
    }
  }
  const skb = { srcIdentity };
  if (w.dp.hostRouting.mode === 'Legacy') {
    // Without BPF host routing, handle_ipv4_cont returns CTX_ACT_OK before any endpoint lookup
    // (not from_host): the kernel routes the packet, to a pod's lxc or onwards.
    return toHostStack(w, node, at, PROGRAM, packet, skb, 'forward', 'stack.legacy.netdev');
  }
  const found = endpointLookup(w, node, at, PROGRAM, packet, { srcIdentity });
  if (found?.kind === 'endpoint') return { to: 'handle_policy', at, ep: found.ep, packet, skb };
  if (found?.kind === 'host') return toHostStack(w, node, at, PROGRAM, packet, skb);
  // No local endpoint: handle_ipv4_cont returns CTX_ACT_OK (not from_host) and the kernel forwards it.
  return toHostStack(w, node, at, PROGRAM, packet, skb, 'forward');
}
