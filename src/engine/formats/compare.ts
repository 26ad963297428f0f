/**
 * `flowlab trace ... --compare key=value`: the same flow under two settings,
 * aligned packet by packet, then hop by hop (compare.ts). `=` marks a hop
 * both paths take alike, `~` a hop both take with something different (the
 * DIFFERS column says what), `A`/`B` a hop only one of them takes. The
 * header says what really differs between the two paths.
 */
import { compareTraces } from '../compare.ts';
import type { Message, Say } from '../messages.ts';
import type { HopEvent, Trace } from '../trace.ts';
import { tabwrite } from './tabwriter.ts';
import { hopPacketText } from './text.ts';

/** Hops numbered from 1, as the text format and the page do. */
const hopCell = (e: HopEvent | undefined) => (e ? `${e.seq + 1} ${e.kind} @${e.node}/${e.iface}` : '');

/** `say` renders the outcomes in the reader's language. */
export function compareText(a: Trace, b: Trace, labelA: string, labelB: string, say: Say): string {
  const c = compareTraces(a, b);
  const rows: string[][] = [
    ['', `A: ${labelA} (${c.hopsA} hops)`, `B: ${labelB} (${c.hopsB} hops)`, 'DIFFERS', 'PACKET (A, or B where only B has the hop)'],
  ];
  for (const r of c.rows) {
    const ea = r.a === undefined ? undefined : a.events[r.a];
    const eb = r.b === undefined ? undefined : b.events[r.b];
    const mark = r.same ? '=' : ea && eb ? '~' : ea ? 'A' : 'B';
    const either = ea ?? eb;
    rows.push([mark, hopCell(ea), hopCell(eb), r.diff?.join(',') ?? '', either ? hopPacketText(either) : '']);
  }
  const only = (side: string, ms: readonly Message[]) => (ms.length > 0 ? [`${side} only: ${ms.map(say).join('; ')}`] : []);
  const head = [...only('A', c.differences.a), ...only('B', c.differences.b)];
  const summary = [
    `A: ${a.outcome.status}: ${say(a.outcome.message)}`,
    `B: ${b.outcome.status}: ${say(b.outcome.message)}`,
    `${c.differing} of ${c.rows.length} rows differ (A ${c.hopsA} hops, B ${c.hopsB} hops)`,
  ];
  return `${head.length > 0 ? `${head.join('\n')}\n\n` : ''}${tabwrite(rows.map((r) => r.join('\t')).join('\n') + '\n')}\n${summary.join('\n')}\n`;
}
