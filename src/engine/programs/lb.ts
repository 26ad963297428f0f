/**
 * Per-packet service load balancing in bpf_lxc, when the socket LB is off
 * (bpf-lb-sock: false): __per_packet_lb_svc_xlate_4 → lb4_local picks a
 * backend (remembered in a CT_SERVICE entry) and lb4_xlate rewrites the
 * destination of every packet; on the way back, the client's policy program
 * sees the CT entry's rev_nat_index and lb4_rev_nat restores the service
 * address from cilium_lb4_reverse_nat.
 */
import type { EndpointInfo, Frontend } from '../derive/types.ts';
import { pickSlot, type Walk } from '../flow/walk.ts';
import { backendKey, backendValue, revNatKey, revNatValue, serviceKey, serviceValue } from '../maps/format.ts';
import type { Place } from '../place.ts';
import type { MapOp, Packet } from '../trace.ts';
import { backendIdAt, backendOf, countOf, nodeOf } from '../derive/lookups.ts';
import { dstText, srcText, withDst, withSrc } from './packet.ts';
import { message } from '../messages.ts';

/** ENABLE_PER_PACKET_LB is defined in bpf_lxc whenever the socket LB is not fully on, with or without kube-proxy. */
export const perPacketLbActive = (w: Walk) => !(w.dp.config.kubeProxyReplacement && w.dp.config.bpfLbSock);

/** The frontend a client packet is addressed to, if per-packet LB should translate it. */
export function frontendOf(w: Walk, node: string, p: Packet): Frontend | undefined {
  if (!perPacketLbActive(w) || (p.proto !== 'TCP' && p.proto !== 'UDP')) return undefined;
  return w.dp.lookupFrontend(node, p.dst, p.dport ?? 0);
}

export function lb4Local(
  w: Walk, at: Place, ep: EndpointInfo, f: Frontend, packet: Packet,
): { packet: Packet; revNat: number } {
  const node = at.node;
  const count = countOf(w.dp, f);
  const master: MapOp = {
    node, map: 'cilium_lb4_services_v2', op: 'lookup', key: serviceKey(packet.dst, f.port, 0, f.internal),
    value: serviceValue(0, count, f.id, f.flagBits), hit: true, note: 'lb4_lookup_service',
    noteWords: message('note.lb.lookup'),
  };
  const existing = w.ct.serviceEntry(node, packet);
  let backendId = existing.backendId;
  const ops: MapOp[] = [master, ...existing.ops];
  if (backendId === undefined) {
    // LB_SELECTION_RANDOM is forced in bpf_lxc: a random slot of the master's count.
    const slot = pickSlot(w, count);
    backendId = backendIdAt(f, slot);
    ops.push({
      node, map: 'cilium_lb4_services_v2', op: 'lookup', key: serviceKey(packet.dst, f.port, slot, f.internal),
      value: serviceValue(backendId, 0, f.id, 0), hit: true, note: `slot ${slot} of ${count}`,
        noteWords: message('note.slot', { slot, count }),
    });
    const entry = w.ct.serviceEntry(node, packet, { backendId, revNat: f.id, srcIdentity: ep.identity });
    ops.push(...entry.ops.filter((o) => o.op === 'update'));
  }
  const b = backendOf(w.dp, backendId);
  ops.push({
    node, map: 'cilium_lb4_backends_v3', op: 'lookup', key: backendKey(b.id), value: backendValue(b.address), hit: true,
  });
  const out = withDst(packet, b.address, b.port);
  w.emit(
    {
      place: at, packet: out, kind: 'service-lb', program: 'cil_from_container',
      source: 'bpf/bpf_lxc.c: __per_packet_lb_svc_xlate_4 → lb4_local → lb4_xlate (bpf/lib/lb.h)',
      maps: ops, verdict: 'TRANSLATED', srcIdentity: ep.identity,
    },
    existing.backendId === undefined ? 'lb.dnat.new' : 'lb.dnat.again',
    { from: dstText(packet), to: dstText(out), backend: b.id, count },
  );
  return { packet: out, revNat: f.id };
}

/** lb4_rev_nat on the reply, from the client's side: the source becomes the service again. */
export function lb4RevNat(w: Walk, at: Place, revNat: number, packet: Packet, program: string): Packet {
  const f = w.dp.frontends.find((x) => x.id === revNat);
  if (!f) return packet;
  const address = f.scope === 'node' ? nodeOf(w.dp, at.node).ip : f.address;
  const out = withSrc(packet, address, f.port);
  const row: MapOp = {
    node: at.node, map: 'cilium_lb4_reverse_nat', op: 'lookup', key: revNatKey(revNat),
    value: revNatValue(address, f.port), hit: true,
  };
  w.emit(
    {
      place: at, packet: out, kind: 'service-rev-nat', program,
      source: 'bpf/lib/lb.h: lb4_rev_nat (from the CT entry\'s rev_nat_index)',
      maps: [row], verdict: 'TRANSLATED',
    },
    'lb.revnat',
    { from: srcText(packet), to: srcText(out), id: revNat },
  );
  return out;
}
