/** A compact, reviewable rendering of a trace: one line per hop, then the outcome. */
import type { HopEvent, Trace } from '../../src/engine/index.ts';
import { render } from '../../src/i18n/index.ts';

const ends = (e: HopEvent) => {
  const p = e.packet;
  const port = (n?: number) => (p.proto === 'ICMP' || p.proto === 'ARP' || n === undefined ? '' : `:${n}`);
  return `${p.proto} ${p.src}${port(p.sport)} > ${p.dst}${port(p.dport)}`;
};

export function golden(t: Trace): string {
  const lines = t.events.map((e) => {
    const tags = [e.observation, e.verdict, e.ctState && `ct=${e.ctState}`, e.drop && `drop=${e.drop.code}`].filter(Boolean).join(' ');
    const ops = e.maps.map((m) => `${m.op === 'lookup' ? (m.hit ? 'R' : 'r') : 'W'} ${m.map}[${m.key}]`).join('; ');
    return `${String(e.seq).padStart(3)} ${e.kind} @${e.node}/${e.iface}${e.pod ? `(${e.pod})` : ''} ${e.program} | ${ends(e)}${tags ? ` | ${tags}` : ''}${ops ? `\n      ${ops}` : ''}`;
  });
  return `${lines.join('\n')}\n=> ${t.outcome.status}: ${render('en', t.outcome.message)}\n`;
}
