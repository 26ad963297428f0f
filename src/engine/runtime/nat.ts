/**
 * cilium_snat_v4_external per node (bpf/lib/nat.h): an OUT entry that says
 * how to rewrite the source of leaving packets, and an IN entry that says how
 * to rewrite the destination of replies. snat_v4_new_mapping writes IN first.
 */
import type { Ipv4 } from '../../scenario/values.ts';
import { message } from '../messages.ts';
import { natKey, natValue } from '../maps/format.ts';
import type { MapOp, Packet } from '../trace.ts';
import type { Rng } from '../util/rng.ts';
import { PerNode } from './per-node.ts';

/** NODEPORT_PORT_MIN_NAT..NODEPORT_PORT_MAX_NAT: the port range SNAT keeps or allocates in. */
export const NAT_PORT_MIN = 32768;
export const NAT_PORT_MAX = 65535;

interface Mapping {
  addr: Ipv4;
  port: number;
}

const proto = (p: Packet) => (p.proto === 'TCP' ? 'TCP' : p.proto === 'UDP' ? 'UDP' : 'ICMP') as 'TCP' | 'UDP' | 'ICMP';
/** The "source port" of a packet for NAT: its sport, or the echo identifier for ICMP. */
const sportOf = (p: Packet) => (p.proto === 'ICMP' ? (p.icmpId ?? 0) : (p.sport ?? 0));
const dportOf = (p: Packet) => (p.proto === 'ICMP' ? 0 : (p.dport ?? 0));

/**
 * The destination port snat_v4_rev_nat reads from an arriving packet: TCP/UDP's, an echo reply's
 * identifier, 0 for an echo request (which it then skips: snat_v4_rev_nat_can_skip, port below the
 * NAT range).
 */
export const revNatDport = (p: Packet): number =>
  p.proto === 'ICMP' ? (p.icmpType === 0 ? (p.icmpId ?? 0) : 0) : (p.dport ?? 0);

/** snat_v4_rev_nat_can_skip: only a destination port inside the NAT range can be a masqueraded flow's. */
export const revNatCanSkip = (p: Packet): boolean => {
  const d = revNatDport(p);
  return d < NAT_PORT_MIN || d > NAT_PORT_MAX;
};

export class NatTables {
  private readonly tables = new PerNode<string, Mapping>();
  private table = (node: string) => this.tables.table(node);

  /** snat_v4_nat: find or create the mapping of a leaving packet to `to`; returns the rewritten source. */
  snat(node: string, p: Packet, to: Ipv4, rng: Rng, needsCt: boolean): { addr: Ipv4; port: number; ops: MapOp[] } {
    const t = this.table(node);
    const outKey = natKey({ proto: proto(p), dir: 'OUT', src: p.src, sport: sportOf(p), dst: p.dst, dport: dportOf(p) });
    const found = t.get(outKey);
    if (found) {
      return { ...found, ops: [{ node, map: 'cilium_snat_v4_external', op: 'lookup', key: outKey, value: natValue('OUT', found.addr, found.port, 0, needsCt), hit: true }] };
    }
    // The source port is kept when it is already in the NAT range, and always for the host's own
    // traffic ("SNAT to itself", NeedsCT=1: port-preserving as the seed's nat list shows); otherwise
    // one is picked in the range.
    const sp = sportOf(p);
    const port = needsCt || (sp >= NAT_PORT_MIN && sp <= NAT_PORT_MAX) ? sp : rng.int(NAT_PORT_MIN, NAT_PORT_MAX);
    const inKey = natKey({ proto: proto(p), dir: 'IN', src: p.dst, sport: dportOf(p), dst: to, dport: port });
    t.set(inKey, { addr: p.src, port: sp });
    t.set(outKey, { addr: to, port });
    return {
      addr: to,
      port,
      ops: [
        { node, map: 'cilium_snat_v4_external', op: 'lookup', key: outKey, hit: false, note: 'no mapping yet', noteWords: message('note.snat.no_mapping') },
        { node, map: 'cilium_snat_v4_external', op: 'update', key: inKey, value: natValue('IN', p.src, sp, 0, needsCt), hit: false, note: 'reverse entry first', noteWords: message('note.snat.reverse_first') },
        { node, map: 'cilium_snat_v4_external', op: 'update', key: outKey, value: natValue('OUT', to, port, 0, needsCt), hit: false },
      ],
    };
  }

  /** snat_v4_rev_nat: the IN entry for an arriving packet, if any. */
  revSnat(node: string, p: Packet, needsCt: boolean): { found?: Mapping; ops: MapOp[] } {
    const inKey = natKey({ proto: proto(p), dir: 'IN', src: p.src, sport: p.proto === 'ICMP' ? 0 : (p.sport ?? 0), dst: p.dst, dport: revNatDport(p) });
    const found = this.table(node).get(inKey);
    return {
      found,
      ops: [{ node, map: 'cilium_snat_v4_external', op: 'lookup', key: inKey, value: found ? natValue('IN', found.addr, found.port, 0, needsCt) : undefined, hit: !!found }],
    };
  }
}
