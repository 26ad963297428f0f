/**
 * Two traces of the same flow under different settings, aligned packet by
 * packet, then hop by hop inside each packet, so both can be stepped
 * together and neither side runs ahead by more than a packet.
 *
 * 1. Each trace is cut into packets (packetGroups): the hops of one packet
 *    number, in trace order. A hop without a packet (the socket LB's
 *    connect(), getpeername()) joins the packet it is written between: the
 *    one before it, or the first packet when nothing came before.
 * 2. The packets pair up (the conversation's k-th packet with the other
 *    side's k-th): a longest common subsequence of packet shapes (direction,
 *    protocol, TCP flags, ARP) anchors them, and the packets between two
 *    anchors pair in order; a packet only one side sends stays alone.
 * 3. Inside a pair of packets the hops pair by node and program (a weighted
 *    alignment that prefers the same kind of hop too); each pair says what
 *    differs (hopDiff: place, kind, addresses, ports, outer header, verdict).
 */
import { hopDiff, type HopDiff } from './compare-diff.ts';
import { traceDifferences, type TraceDifferences } from './compare-features.ts';
import { hopPacketId, type HopEvent, type Trace } from './trace.ts';

export type { HopDiff } from './compare-diff.ts';
export type { TraceDifferences } from './compare-features.ts';

export interface AlignedRow {
  /** Index into a.events / b.events, or undefined where that side has no such hop. */
  a?: number;
  b?: number;
  /** Both sides have the hop and nothing in it differs. */
  same: boolean;
  /** The aligned packet this row belongs to (0-based, in conversation order). */
  group?: number;
  /** Where both sides have the hop: what differs between them (empty when `same`). */
  diff?: readonly HopDiff[];
}

export interface TraceComparison {
  rows: AlignedRow[];
  hopsA: number;
  hopsB: number;
  /** Rows where only one side has a hop, or both have it and something in it differs. */
  differing: number;
  /** What really differs between the two paths, as sentences (compare-features.ts). */
  differences: TraceDifferences;
}

/** One packet's hops: event indexes [from, to) of one trace. */
export interface PacketGroup {
  from: number;
  to: number;
  /** The packet's number (hopPacketId of its hops). */
  id: number;
  /** The packet's shape: what makes it "the same packet" on the other side. */
  shape: string;
}

const flagsText = (e: HopEvent): string => {
  const f = e.packet?.tcpFlags;
  return f ? (['SYN', 'ACK', 'PSH', 'FIN', 'RST'] as const).filter((k) => f[k]).join('|') : '';
};

/** A packet's shape: direction, protocol (ARP apart), TCP flags, ICMP type. */
const shapeOf = (e: HopEvent): string => {
  const p = e.packet;
  if (!p) return `${e.socket?.direction ?? 'request'} socket`;
  return `${p.direction} ${p.arp ? 'ARP' : p.proto} ${flagsText(e)} ${p.icmpType ?? ''}`;
};

/** The trace's events cut into packets, in trace order (see the file comment, step 1). */
export function packetGroups(events: readonly HopEvent[]): PacketGroup[] {
  const groups: PacketGroup[] = [];
  let seenPacket = false;
  events.forEach((e, i) => {
    const last = groups[groups.length - 1];
    if (!last) {
      groups.push({ from: i, to: i + 1, id: hopPacketId(e), shape: shapeOf(e) });
    } else if (e.packet && seenPacket && e.packet.id !== last.id) {
      groups.push({ from: i, to: i + 1, id: e.packet.id, shape: shapeOf(e) });
    } else {
      last.to = i + 1;
      // Leading socket hops take the first packet's number and shape once it comes.
      if (e.packet && !seenPacket) Object.assign(last, { id: e.packet.id, shape: shapeOf(e) });
    }
    if (e.packet) seenPacket = true;
  });
  return groups;
}

/** Index pairs of a longest common subsequence of `a` and `b` under `eq`. */
function lcsPairs<T>(a: readonly T[], b: readonly T[], score: (x: T, y: T) => number): [number, number][] {
  const n = a.length;
  const m = b.length;
  // best[i][j]: the best total score aligning a[i..] with b[j..], in one flat array.
  const best = new Float64Array((n + 1) * (m + 1));
  const at = (i: number, j: number) => i * (m + 1) + j;
  const get = (i: number, j: number) => best[at(i, j)] ?? 0;
  const pairScore = (i: number, j: number) => {
    const x = a[i];
    const y = b[j];
    return x === undefined || y === undefined ? 0 : score(x, y);
  };
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const s = pairScore(i, j);
      best[at(i, j)] = Math.max(get(i + 1, j), get(i, j + 1), s > 0 ? s + get(i + 1, j + 1) : 0);
    }
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    const s = pairScore(i, j);
    if (s > 0 && get(i, j) === s + get(i + 1, j + 1)) pairs.push([i++, j++]);
    else if (get(i + 1, j) >= get(i, j + 1)) i++;
    else j++;
  }
  return pairs;
}

/** Packets paired in conversation order: LCS anchors on shape, the packets between anchors in order. */
function pairPackets(ga: readonly PacketGroup[], gb: readonly PacketGroup[]): [number | undefined, number | undefined][] {
  const anchors = lcsPairs(ga, gb, (x, y) => (x.shape === y.shape ? 1 : 0));
  const out: [number | undefined, number | undefined][] = [];
  let i = 0;
  let j = 0;
  for (const [ai, bj] of [...anchors, [ga.length, gb.length] as [number, number]]) {
    while (i < ai || j < bj) out.push([i < ai ? i++ : undefined, j < bj ? j++ : undefined]);
    if (ai < ga.length) out.push([i++, j++]);
  }
  return out;
}

/** Two hops pair when they run on the same node in the same program; the same kind of hop weighs more. */
const hopScore = (x: HopEvent, y: HopEvent): number =>
  x.node !== y.node || x.program !== y.program ? 0 : x.kind === y.kind ? 3 : 1;

export function compareTraces(a: Trace, b: Trace): TraceComparison {
  const ga = packetGroups(a.events);
  const gb = packetGroups(b.events);
  const rows: AlignedRow[] = [];
  const range = (g: PacketGroup | undefined) => (g ? Array.from({ length: g.to - g.from }, (_, k) => g.from + k) : []);
  pairPackets(ga, gb).forEach(([pi, pj], group) => {
    const ia = range(pi === undefined ? undefined : ga[pi]);
    const ib = range(pj === undefined ? undefined : gb[pj]);
    const ea = ia.map((k) => a.events[k]).filter((e): e is HopEvent => e !== undefined);
    const eb = ib.map((k) => b.events[k]).filter((e): e is HopEvent => e !== undefined);
    const pairs = lcsPairs(ea, eb, hopScore);
    let x = 0;
    let y = 0;
    for (const [px, py] of [...pairs, [ea.length, eb.length] as [number, number]]) {
      // The hops between two pairs: side A's first, then side B's (where the paths part, then meet).
      while (x < px) rows.push({ a: ia[x++], same: false, group });
      while (y < py) rows.push({ b: ib[y++], same: false, group });
      const hx = ea[px];
      const hy = eb[py];
      if (hx && hy) {
        const diff = hopDiff(hx, hy);
        rows.push({ a: ia[x++], b: ib[y++], same: diff.length === 0, group, diff });
      }
    }
  });
  return {
    rows,
    hopsA: a.events.length,
    hopsB: b.events.length,
    differing: rows.filter((r) => !r.same).length,
    differences: traceDifferences(a, b),
  };
}
