/**
 * Two traces of the same flow under different settings, aligned hop by hop
 * (longest common subsequence of hop signatures), so the places where the
 * paths differ can be marked and both can be stepped together.
 */
import { hopDirection, hopPacketId, type HopEvent, type Trace } from './trace.ts';

/**
 * What makes two hops "the same step": kind, place, and the packet as it is after the hop (addresses and
 * ports), so a masqueraded or translated packet counts as a difference even on the same path.
 */
export const hopSignature = (e: HopEvent) => {
  const p = e.packet;
  if (!p) {
    // A socket hop: the call and the peer it leaves with.
    const c = e.socket;
    return `${hopPacketId(e)}:${hopDirection(e)}:${e.kind}@${e.node}/${e.iface} ${c?.call ?? ''}>${c?.peerAfter.ip ?? ''}:${c?.peerAfter.port ?? ''}`;
  }
  return `${p.id}:${p.direction}:${e.kind}@${e.node}/${e.iface} ${p.src}:${p.sport ?? ''}>${p.dst}:${p.dport ?? ''}`;
};

export interface AlignedRow {
  /** Index into a.events / b.events, or undefined where that side has no such hop. */
  a?: number;
  b?: number;
  same: boolean;
}

export interface TraceComparison {
  rows: AlignedRow[];
  hopsA: number;
  hopsB: number;
  /** Rows where only one side has a hop. */
  differing: number;
}

export function compareTraces(a: Trace, b: Trace): TraceComparison {
  const sa = a.events.map(hopSignature);
  const sb = b.events.map(hopSignature);
  const n = sa.length;
  const m = sb.length;
  // lcs[i][j]: length of the LCS of sa[i..] and sb[j..], in one flat array.
  const lcs = new Uint16Array((n + 1) * (m + 1));
  const at = (i: number, j: number) => i * (m + 1) + j;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      // Every index read is inside the (n+1)×(m+1) table; `?? 0` only satisfies the checker.
      lcs[at(i, j)] = sa[i] === sb[j] ? (lcs[at(i + 1, j + 1)] ?? 0) + 1 : Math.max(lcs[at(i + 1, j)] ?? 0, lcs[at(i, j + 1)] ?? 0);
    }
  }
  const rows: AlignedRow[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && sa[i] === sb[j]) rows.push({ a: i++, b: j++, same: true });
    else if (j >= m || (i < n && (lcs[at(i + 1, j)] ?? 0) >= (lcs[at(i, j + 1)] ?? 0))) rows.push({ a: i++, same: false });
    else rows.push({ b: j++, same: false });
  }
  return { rows, hopsA: n, hopsB: m, differing: rows.filter((r) => !r.same).length };
}
