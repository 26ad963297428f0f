/**
 * Conntrack as bpf/lib/conntrack.h keeps it, per node: an OUT entry created by
 * the sender's bpf_lxc (CT_EGRESS), an IN entry created by the receiver's
 * policy program (CT_INGRESS), each with a related ICMP entry in
 * cilium_ct_any4_global. A lookup in either direction finds the entry and
 * tells new / established / reply.
 */
import type { Ipv4 } from '../../scenario/values.ts';
import { message } from '../messages.ts';
import { ctKey, ctValue, type CtDir, type CtEntryView, type CtTuple } from '../maps/format.ts';
import type { CtTimeouts } from '../../scenario/model.ts';
import type { CtState, MapName, MapOp, Packet, TcpFlags } from '../trace.ts';
import { PerNode } from './per-node.ts';

/** Clock of every node, seconds since boot: fixed so traces are reproducible. */
export const BOOT_CLOCK = 16990;

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

/** Which side of an entry a packet updates: ct_update_timeout's `dir` (CT_INGRESS rx, else tx). */
type Side = 'egress' | 'ingress' | 'service';
const SEEN_NON_SYN = 16;

export class ConntrackTables {
  private readonly tables = new PerNode<string, Entry>();
  private table = (node: string) => this.tables.table(node);

  /** Lifetimes in seconds: the agent writes them into the datapath (CT_CONNECTION_LIFETIME_TCP ...). */
  constructor(private readonly timeouts: CtTimeouts) {}

  /**
   * ct_update_timeout + __ct_update_timeout (bpf/lib/conntrack.h): a TCP packet without SYN marks the
   * entry SeenNonSyn; the lifetime is then the established one (regular or service), else the SYN
   * timeout; non-TCP has its own. The side the packet came from accumulates its flags and, when they
   * change or CT_REPORT_INTERVAL passed, records `now` as its last report.
   */
  private updateTimeout(v: CtEntryView, tcp: boolean, side: Side, flags: number): void {
    const t = this.timeouts;
    let lifetime = side === 'service' ? t.serviceAny : t.regularAny;
    if (tcp) {
      if (!(flags & FLAG_BITS.SYN)) v.flags |= SEEN_NON_SYN;
      if (v.flags & SEEN_NON_SYN) lifetime = side === 'service' ? t.serviceTcp : t.regularTcp;
      else lifetime = t.regularTcpSyn;
    }
    const now = BOOT_CLOCK;
    v.expires = now + lifetime;
    const rx = side === 'ingress';
    const accumulated = rx ? v.rxFlagsSeen : v.txFlagsSeen;
    // CT_REPORT_FLAGS (monitor-aggregation-flags) masks what is accumulated; CT_REPORT_INTERVAL paces reports.
    const seen = (flags & t.reportFlags) | accumulated;
    const last = rx ? v.lastRxReport : v.lastTxReport;
    if (last + t.reportInterval < now || accumulated !== seen) {
      if (rx) {
        v.rxFlagsSeen = seen;
        v.lastRxReport = now;
      } else {
        v.txFlagsSeen = seen;
        v.lastTxReport = now;
      }
    }
  }

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
    // The side updated is the lookup's direction, whichever entry it found (__ct_lookup passes `dir`).
    if (hitFwd) return { state: 'established', revNat: hitFwd.view.revNat, key: fwd, map, ops: this.touch(node, map, fwd, hitFwd, dir, flags) };
    const hitRev = t.get(rev);
    if (hitRev) return { state: 'reply', revNat: hitRev.view.revNat, key: rev, map, ops: this.touch(node, map, rev, hitRev, dir, flags) };
    return { state: 'new', revNat: 0, map, ops: [{ node, map, op: 'lookup', key: fwd, hit: false, note: 'CT_NEW: no entry', noteWords: message('note.ct.new') }] };
  }

  /** The rev_nat_index a lookup would find, without touching the entry (no flags recorded). */
  peekRevNat(node: string, p: Packet, dir: 'egress' | 'ingress'): number {
    const t = this.table(node);
    const own: CtDir = dir === 'egress' ? 'OUT' : 'IN';
    const other: CtDir = dir === 'egress' ? 'IN' : 'OUT';
    const e = t.get(ctKey(this.tuple(p, own, false))) ?? t.get(ctKey(this.tuple(p, other, true)));
    return e?.view.revNat ?? 0;
  }

  private touch(node: string, map: MapName, key: string, e: Entry, side: Side, flags: number): MapOp[] {
    const before = ctValue(e.view);
    const ops: MapOp[] = [{ node, map, op: 'lookup', key, value: before, hit: true }];
    this.updateTimeout(e.view, e.tuple.proto === 'TCP', side, flags);
    const after = ctValue(e.view);
    if (after !== before) ops.push({ node, map, op: 'update', key, value: after, hit: true, note: 'ct_update_timeout', noteWords: message('note.ct.timeout') });
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
    if (found) {
      const ops = this.touch(node, map, key, found, 'service', tcpFlagBits(p.tcpFlags));
      const first = ops[0];
      if (first) {
        first.note = 'CT_SERVICE: the backend chosen before';
        first.noteWords = message('note.ct.service.before');
      }
      return { backendId: found.view.backendId, ops };
    }
    if (!create) return { ops: [{ node, map, op: 'lookup', key, hit: false, note: 'CT_SERVICE: new', noteWords: message('note.ct.service.new') }] };
    const view: CtEntryView = {
      expires: 0, rxFlagsSeen: 0, lastRxReport: 0, txFlagsSeen: 0, lastTxReport: 0, flags: 0, revNat: create.revNat,
      sourceSecurityId: create.srcIdentity, ifIndex: 0, backendId: create.backendId,
    };
    // ct_create4 marks a TCP entry's first packet as SYN, then sets the timeout as every packet does.
    this.updateTimeout(view, p.proto === 'TCP', 'service', p.proto === 'TCP' ? FLAG_BITS.SYN : 0);
    t.set(key, { tuple, view });
    return {
      backendId: create.backendId,
      ops: [
        { node, map, op: 'lookup', key, hit: false, note: 'CT_SERVICE: new', noteWords: message('note.ct.service.new') },
        { node, map, op: 'update', key, value: ctValue(view), hit: false, note: 'service entry with the chosen backend', noteWords: message('note.ct.service.entry') },
      ],
    };
  }

  /**
   * ct_create4: the entry (its first packet counted as a SYN for TCP, the side of `dir` reporting it),
   * then a copy in cilium_ct_any4_global under the ICMP tuple with TUPLE_F_RELATED and SeenNonSyn, for
   * ICMP errors about this flow. bpf_lxc and the ingress policy pass CT_MAP_ANY4 as the related map for
   * every protocol, so an ICMP echo gets one too.
   */
  create(node: string, p: Packet, dir: 'egress' | 'ingress', srcIdentity: number, extra: Partial<CtEntryView> = {}): MapOp[] {
    const t = this.table(node);
    const tuple = this.tuple(p, dir === 'egress' ? 'OUT' : 'IN', false);
    const tcp = p.proto === 'TCP';
    const view: CtEntryView = {
      expires: 0, rxFlagsSeen: 0, lastRxReport: 0, txFlagsSeen: 0, lastTxReport: 0, flags: 0, revNat: 0,
      sourceSecurityId: srcIdentity, ifIndex: 0, backendId: 0, ...extra,
    };
    this.updateTimeout(view, tcp, dir, tcp ? FLAG_BITS.SYN : 0);
    const key = ctKey(tuple);
    t.set(key, { tuple, view });
    const map = mapOf(p);
    const ops: MapOp[] = [{ node, map, op: 'update', key, value: ctValue(view), hit: false, note: 'ct_create4', noteWords: message('note.ct.create') }];
    const rel: CtTuple = { ...tuple, proto: 'ICMP', sport: 0, dport: 0, related: true };
    const relView: CtEntryView = { ...view, flags: view.flags | SEEN_NON_SYN };
    const relKey = ctKey(rel);
    t.set(relKey, { tuple: rel, view: relView });
    ops.push({ node, map: 'cilium_ct_any4_global', op: 'update', key: relKey, value: ctValue(relView), hit: false, note: 'related ICMP entry', noteWords: message('note.ct.related') });
    return ops;
  }
}

export type { Ipv4 };
