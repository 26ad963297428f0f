/**
 * What differs between two hops the compare view pairs (same node, same
 * program): where exactly they run, what kind of step it is, and the packet
 * as it leaves them (addresses, ports, the tunnel's outer header), or the
 * socket call's translated peer, and the verdict.
 */
import type { HopEvent, Packet, SockAddr } from './trace.ts';

export type HopDiff = 'place' | 'kind' | 'src' | 'sport' | 'dst' | 'dport' | 'outer' | 'verdict';

const outerText = (p: Packet | undefined) => (p?.outer ? `${p.outer.encap} ${p.outer.src}>${p.outer.dst}` : '');
const addr = (s: SockAddr | undefined) => (s ? `${s.ip}:${s.port}` : '');

export function hopDiff(x: HopEvent, y: HopEvent): HopDiff[] {
  const out: HopDiff[] = [];
  if (x.place.kind !== y.place.kind || x.iface !== y.iface || x.hook !== y.hook || x.pod !== y.pod) out.push('place');
  if (x.kind !== y.kind) out.push('kind');
  const p = x.packet;
  const q = y.packet;
  if (p && q) {
    if (p.src !== q.src) out.push('src');
    if ((p.sport ?? p.icmpId) !== (q.sport ?? q.icmpId)) out.push('sport');
    if (p.dst !== q.dst) out.push('dst');
    if (p.dport !== q.dport) out.push('dport');
    if (outerText(p) !== outerText(q)) out.push('outer');
  } else if (addr(x.socket?.peerAfter) !== addr(y.socket?.peerAfter)) {
    out.push('dst');
  }
  if (x.verdict !== y.verdict) out.push('verdict');
  return out;
}
