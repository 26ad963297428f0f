/**
 * Conntrack as bpf/lib/conntrack.h keeps it, per node: an OUT entry created by
 * the sender's bpf_lxc (CT_EGRESS), an IN entry created by the receiver's
 * policy program (CT_INGRESS), each with a related ICMP entry in
 * cilium_ct_any4_global. A lookup in either direction finds the entry and
 * tells new / established / reply.
 */
import type { Ipv4 } from '../../scenario/values.ts';
import { ctKey, ctValue, type CtDir, type CtEntryView, type CtTuple } from '../maps/format.ts';
import type { CtState, MapName, MapOp, Packet, TcpFlags } from '../trace.ts';
import { PerNode } from './per-node.ts';

/** Clock of every node, seconds since boot: fixed so traces are reproducible. */
export const BOOT_CLOCK = 16990;
/** Lifetimes (daemon defaults): TCP established 21600 s, SYN 60 s, non-TCP 60 s. */
const LIFETIME = { tcp: 21600, syn: 60, nonTcp: 60 };

const FLAG_BITS: Record<keyof TcpFlags, number> = { FIN: 0x01, SYN: 0x02, RST: 0x04, PSH: 0x08, ACK: 0x10 };
export const tcpFlagBits = (f: TcpFlags | undefined) =>
  f ? (Object.keys(f) as (keyof TcpFlags)[]).reduce((acc, k) => (f[k] ? acc | FLAG_BITS[k] : acc), 0) : 0;

interface Entry {
  tuple: CtTuple;
  view: CtEntryView;
}

export interface CtResult {
  state: CtState;
  /** rev_nat_index stored in the entry found (per-packet service LB), 0 when none. */
  revNat: number;
  /** The entry found (or undefined for new). */
  key?: string;
  map: MapName;
  ops: MapOp[];
}

const mapOf = (p: Packet): MapName => (p.proto === 'TCP' ? 'cilium_ct4_global' : 'cilium_ct_any4_global');
const protoOf = (p: Packet): CtTuple['proto'] => (p.proto === 'TCP' ? 'TCP' : p.proto === 'UDP' ? 'UDP' : 'ICMP');
/** Ports of the tuple; an ICMP echo puts its identifier in the source-port place. */
function ports(p: Packet): [number, number] {
  if (p.proto === 'ICMP') return p.direction === 'request' ? [p.icmpId ?? 0, 0] : [0, p.icmpId ?? 0];
  return [p.sport ?? 0, p.dport ?? 0];
}

export class ConntrackTables {
  private readonly tables = new PerNode<string, Entry>();
  private table = (node: string) => this.tables.table(node);

  private tuple(p: Packet, dir: CtDir, reversed: boolean): CtTuple {
    const [sp, dp] = ports(p);
    return reversed
      ? { proto: protoOf(p), dir, src: p.dst, sport: dp, dst: p.src, dport: sp }
      : { proto: protoOf(p), dir, src: p.src, sport: sp, dst: p.dst, dport: dp };
  }

  /**
   * ct_lookup4 from the packet's point of view: `egress` for bpf_lxc of the
   * sender (finds OUT = established, IN reversed = reply), `ingress` for the
   * receiver's policy program (IN = established, OUT reversed = reply).
   */
  lookup(node: string, p: Packet, dir: 'egress' | 'ingress'): CtResult {
    const t = this.table(node);
    const own: CtDir = dir === 'egress' ? 'OUT' : 'IN';
    const other: CtDir = dir === 'egress' ? 'IN' : 'OUT';
    const map = mapOf(p);
    const fwd = ctKey(this.tuple(p, own, false));
    const rev = ctKey(this.tuple(p, other, true));
    const flags = tcpFlagBits(p.tcpFlags);
    const hitFwd = t.get(fwd);
    if (hitFwd) return { state: 'established', revNat: hitFwd.view.revNat, key: fwd, map, ops: this.touch(node, map, fwd, hitFwd, 'tx', flags) };
    const hitRev = t.get(rev);
    if (hitRev) return { state: 'reply', revNat: hitRev.view.revNat, key: rev, map, ops: this.touch(node, map, rev, hitRev, 'rx', flags) };
    return { state: 'new', revNat: 0, map, ops: [{ node, map, op: 'lookup', key: fwd, hit: false, note: 'CT_NEW: no entry' }] };
  }

  /** The rev_nat_index a lookup would find, without touching the entry (no flags recorded). */
  peekRevNat(node: string, p: Packet, dir: 'egress' | 'ingress'): number {
    const t = this.table(node);
    const own: CtDir = dir === 'egress' ? 'OUT' : 'IN';
    const other: CtDir = dir === 'egress' ? 'IN' : 'OUT';
    const e = t.get(ctKey(this.tuple(p, own, false))) ?? t.get(ctKey(this.tuple(p, other, true)));
    return e?.view.revNat ?? 0;
  }

  private touch(node: string, map: MapName, key: string, e: Entry, side: 'tx' | 'rx', flags: number): MapOp[] {
    const before = ctValue(e.view);
    const ops: MapOp[] = [{ node, map, op: 'lookup', key, value: before, hit: true }];
    const v = e.view;
    if (side === 'tx') v.txFlagsSeen |= flags;
    else v.rxFlagsSeen |= flags;
    if (flags & ~FLAG_BITS.SYN) v.flags |= 16; // SeenNonSyn
    if (e.tuple.proto === 'TCP' && (v.rxFlagsSeen & FLAG_BITS.ACK || v.txFlagsSeen & FLAG_BITS.ACK)) v.expires = BOOT_CLOCK + LIFETIME.tcp;
    const after = ctValue(v);
    if (after !== before) ops.push({ node, map, op: 'update', key, value: after, hit: true, note: 'flags seen' });
    return ops;
  }

  /**
   * CT_SERVICE (lb4_local): the service entry of a client's connection to a frontend, keyed by the
   * original (pre-DNAT) tuple; it remembers the backend so every packet of the flow picks the same one.
   */
  serviceEntry(node: string, p: Packet, create?: { backendId: number; revNat: number; srcIdentity: number }): { backendId?: number; ops: MapOp[] } {
    const t = this.table(node);
    const tuple = this.tuple(p, 'SVC', false);
    const key = ctKey(tuple);
    const found = t.get(key);
    const map = mapOf(p);
    if (found) return { backendId: found.view.backendId, ops: [{ node, map, op: 'lookup', key, value: ctValue(found.view), hit: true, note: 'CT_SERVICE: the backend chosen before' }] };
    if (!create) return { ops: [{ node, map, op: 'lookup', key, hit: false, note: 'CT_SERVICE: new' }] };
    const view: CtEntryView = {
      expires: BOOT_CLOCK + (p.proto === 'TCP' ? LIFETIME.syn : LIFETIME.nonTcp), rxFlagsSeen: 0, lastRxReport: 0,
      txFlagsSeen: tcpFlagBits(p.tcpFlags), lastTxReport: BOOT_CLOCK, flags: 0, revNat: create.revNat,
      sourceSecurityId: create.srcIdentity, ifIndex: 0, backendId: create.backendId,
    };
    t.set(key, { tuple, view });
    return {
      backendId: create.backendId,
      ops: [
        { node, map, op: 'lookup', key, hit: false, note: 'CT_SERVICE: new' },
        { node, map, op: 'update', key, value: ctValue(view), hit: false, note: 'service entry with the chosen backend' },
      ],
    };
  }

  /** ct_create4: the entry plus its related ICMP entry (for ICMP errors about this flow). */
  create(node: string, p: Packet, dir: 'egress' | 'ingress', srcIdentity: number, extra: Partial<CtEntryView> = {}): MapOp[] {
    const t = this.table(node);
    const tuple = this.tuple(p, dir === 'egress' ? 'OUT' : 'IN', false);
    const flags = tcpFlagBits(p.tcpFlags);
    const view: CtEntryView = {
      expires: BOOT_CLOCK + (p.proto === 'TCP' ? LIFETIME.syn : LIFETIME.nonTcp),
      rxFlagsSeen: 0,
      lastRxReport: 0,
      txFlagsSeen: flags,
      lastTxReport: BOOT_CLOCK,
      flags: 0,
      revNat: 0,
      sourceSecurityId: srcIdentity,
      ifIndex: 0,
      backendId: 0,
      ...extra,
    };
    const key = ctKey(tuple);
    t.set(key, { tuple, view });
    const map = mapOf(p);
    const ops: MapOp[] = [{ node, map, op: 'update', key, value: ctValue(view), hit: false, note: 'ct_create4' }];
    if (p.proto !== 'ICMP') {
      const rel: CtTuple = { ...tuple, proto: 'ICMP', sport: 0, dport: 0, related: true };
      const relView: CtEntryView = { ...view, expires: BOOT_CLOCK + LIFETIME.nonTcp, txFlagsSeen: 0 };
      const relKey = ctKey(rel);
      t.set(relKey, { tuple: rel, view: relView });
      ops.push({ node, map: 'cilium_ct_any4_global', op: 'update', key: relKey, value: ctValue(relView), hit: false, note: 'related ICMP entry' });
    }
    return ops;
  }
}

export type { Ipv4 };
