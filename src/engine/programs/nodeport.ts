/**
 * NodePort from outside (bpf/lib/nodeport.h, in cil_from_netdev):
 * nodeport_lb4 finds the frontend, picks a backend and DNATs; a remote
 * backend also gets the source SNATed to this node's IP (SNAT mode), so its
 * reply comes back here to be translated twice: snat_v4_rev_nat, then the
 * reverse DNAT from the CT entry's rev_nat_index.
 */
import type { Frontend, NodeDatapath } from '../derive/types.ts';
import { pickSlot, type HopDraft, type Walk } from '../flow/walk.ts';
import { backendKey, backendValue, serviceKey, serviceValue } from '../maps/format.ts';
import { onDevice } from './hooks.ts';
import type { MapOp, Packet } from '../trace.ts';
import { DROP } from './drop.ts';
import { forward } from './forward.ts';
import { lookupLxc } from './lookup.ts';
import { backendIdAt, backendOf, countOf, frontendById } from '../derive/lookups.ts';
import type { Next } from './next.ts';
import { dstText, srcText, withDst, withSrc } from './packet.ts';
import type { RoutingProgram, SkbContext } from './types.ts';
import { message } from '../messages.ts';

const PROGRAM = 'cil_from_netdev' satisfies RoutingProgram;

/** The NodePort frontend an arriving packet is addressed to. */
export function nodePortFrontend(w: Walk, node: NodeDatapath, p: Packet): Frontend | undefined {
  if (p.proto !== 'TCP' && p.proto !== 'UDP') return undefined;
  // A packet from the wire meets the external scope: lb4_lookup_service(key, scope_switch = false).
  const f = w.dp.lookupFrontend(node.name, p.dst, p.dport ?? 0, 'external');
  return f && (f.type === 'NodePort' || f.type === 'HostPort') && w.dp.config.enableNodePort ? f : undefined;
}

export function nodeportLb4(w: Walk, node: NodeDatapath, f: Frontend, packet: Packet, skb: SkbContext): Next {
  const at = onDevice(w, node.name, node.device, 'ingress');
  const srcIdentity = skb.srcIdentity;
  const count = countOf(w.dp, f);
  if (count === 0) {
    // An empty external scope of a Local service: lb4_local returns DROP_NO_SERVICE all the same.
    const hop: HopDraft = {
      place: at, packet, kind: 'drop', program: PROGRAM, source: 'bpf/lib/nodeport.h: nodeport_lb4 (no backend)',
      maps: [], verdict: 'DROPPED', drop: DROP.NO_SERVICE, srcIdentity,
    };
    if (f.nodeLocal === true && f.internal !== true) {
      w.emit(hop, 'drop.no_local_backend', { frontend: dstText(packet), node: node.name });
    } else w.emit(hop, 'drop.no_backend', { frontend: dstText(packet) });
    return { to: 'dropped', packet, drop: DROP.NO_SERVICE };
  }
  const existing = w.ct.serviceEntry(node.name, packet);
  const ops: MapOp[] = [
    {
      node: node.name, map: 'cilium_lb4_services_v2', op: 'lookup', key: serviceKey(packet.dst, f.port, 0, f.internal),
      value: serviceValue(0, count, f.id, f.flagBits), hit: true, note: 'nodeport_lb4: a NodePort frontend',
      noteWords: message('note.nodeport.frontend'),
    },
    ...existing.ops,
  ];
  let backendId = existing.backendId;
  if (backendId === undefined) {
    const slot = pickSlot(w, count);
    backendId = backendIdAt(f, slot);
    const key = serviceKey(packet.dst, f.port, slot, f.internal);
    ops.push({
      node: node.name, map: 'cilium_lb4_services_v2', op: 'lookup', key,
      value: serviceValue(backendId, 0, f.id, 0), hit: true, note: `slot ${slot} of ${count}`,
        noteWords: message('note.slot', { slot, count }),
    });
    const entry = w.ct.serviceEntry(node.name, packet, { backendId, revNat: f.id, srcIdentity });
    ops.push(...entry.ops.filter((o) => o.op === 'update'));
  }
  const b = backendOf(w.dp, backendId);
  ops.push({
    node: node.name, map: 'cilium_lb4_backends_v3', op: 'lookup', key: backendKey(b.id),
    value: backendValue(b.address), hit: true,
  });
  let out = withDst(packet, b.address, b.port);
  // The CT entry nodeport_lb4 keeps for the connection: it carries the rev_nat_index for the reply.
  const isNew = w.ct.lookup(node.name, out, 'egress').state === 'new';
  const ctOps = isNew ? w.ct.create(node.name, out, 'egress', srcIdentity, { revNat: f.id, flags: 32 }) : [];
  w.emit(
    {
      place: at, packet: out, kind: 'service-lb', program: PROGRAM,
      source: 'bpf/lib/nodeport.h: nodeport_lb4 → lb4_local → lb4_xlate',
      maps: [...ops, ...ctOps], verdict: 'TRANSLATED', srcIdentity,
    },
    f.type === 'HostPort' ? 'hostport.dnat' : 'nodeport.dnat',
    { from: dstText(packet), to: dstText(out), backend: b.id, count },
  );
  const local = lookupLxc(node, out.dst);
  if (local.found?.kind === 'endpoint') {
    return { to: 'handle_policy', at, ep: local.found.ep, packet: out, skb: { ...skb, revNat: f.id } };
  }
  // Remote backend: SNAT the source to this node's IP so the reply returns through it.
  const m = w.nat.snat(node.name, out, node.ip, w.rng, false);
  const before = out;
  out = withSrc(out, node.ip, m.port);
  w.emit(
    {
      place: at, packet: out, kind: 'snat', program: PROGRAM,
      source: 'bpf/lib/nodeport.h: tail_nodeport_nat_egress_ipv4 → __snat_v4_nat',
      maps: m.ops, verdict: 'TRANSLATED', srcIdentity,
    },
    'nodeport.snat',
    { from: srcText(before), to: srcText(out), node: node.name },
  );
  return forward(w, node, at, PROGRAM, out, { ...skb, nodeport: true });
}

/** The reply of a NodePort connection, after snat_v4_rev_nat: undo the DNAT, then route to the client. */
export function nodeportReply(w: Walk, node: NodeDatapath, packet: Packet, skb: SkbContext): Next | undefined {
  if (!w.ct.peekRevNat(node.name, packet, 'ingress')) return undefined;
  const ct = w.ct.lookup(node.name, packet, 'ingress');
  const at = onDevice(w, node.name, node.device, 'ingress');
  const srcIdentity = skb.srcIdentity;
  w.emit(
    {
      place: at, packet, kind: 'conntrack', program: PROGRAM,
      source: 'bpf/lib/nodeport.h: nodeport_rev_dnat_ingress_ipv4 (ct_lookup4)',
      maps: ct.ops, ctState: ct.state, srcIdentity,
    },
    'nodeport.ct',
    { id: ct.revNat },
  );
  const f = frontendById(w.dp, ct.revNat);
  const out = withSrc(packet, f.scope === 'node' ? node.ip : f.address, f.port);
  const row: MapOp = {
    node: node.name, map: 'cilium_lb4_reverse_nat', op: 'lookup', key: String(ct.revNat),
    value: `${out.src}:${f.port}`, hit: true,
  };
  w.emit(
    {
      place: at, packet: out, kind: 'service-rev-nat', program: PROGRAM,
      source: 'bpf/lib/nodeport.h: nodeport_rev_dnat_ingress_ipv4 → lb4_rev_nat',
      maps: [row], verdict: 'TRANSLATED', srcIdentity,
    },
    'lb.revnat',
    { from: srcText(packet), to: srcText(out), id: ct.revNat },
  );
  return forward(w, node, at, PROGRAM, out, { ...skb, ctState: 'reply', nodeport: true });
}
