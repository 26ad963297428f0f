/**
 * `flowlab trace ... --compare key=value`: the same flow under two settings,
 * aligned hop by hop. `=` marks a hop both paths take, `A`/`B` a hop only one
 * of them takes: where the path changes.
 */
import { compareTraces } from '../compare.ts';
import type { Say } from '../messages.ts';
import type { HopEvent, Trace } from '../trace.ts';
import { tabwrite } from './tabwriter.ts';
import { hopPacketText } from './text.ts';

/** Hops numbered from 1, as the text format and the page do. */
const hopCell = (e: HopEvent | undefined) => (e ? `${e.seq + 1} ${e.kind} @${e.node}/${e.iface}` : '');

/** `say` renders the outcomes in the reader's language. */
export function compareText(a: Trace, b: Trace, labelA: string, labelB: string, say: Say): string {
  const c = compareTraces(a, b);
  const rows: string[][] = [['', `A: ${labelA} (${c.hopsA} hops)`, `B: ${labelB} (${c.hopsB} hops)`, 'PACKET (A, or B where only B has the hop)']];
  for (const r of c.rows) {
    const ea = r.a === undefined ? undefined : a.events[r.a];
    const eb = r.b === undefined ? undefined : b.events[r.b];
    const mark = r.same ? '=' : ea ? 'A' : 'B';
    const either = ea ?? eb;
    rows.push([mark, hopCell(ea), hopCell(eb), either ? hopPacketText(either) : '']);
  }
  const summary = [
    `A: ${a.outcome.status}: ${say(a.outcome.message)}`,
    `B: ${b.outcome.status}: ${say(b.outcome.message)}`,
    `${c.differing} of ${c.rows.length} rows differ (A ${c.hopsA} hops, B ${c.hopsB} hops)`,
  ];
  return `${tabwrite(rows.map((r) => r.join('\t')).join('\n') + '\n')}\n${summary.join('\n')}\n`;
}
