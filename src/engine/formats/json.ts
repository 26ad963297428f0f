/**
 * `flowlab trace --format json`: one JSON document, the flow as asked for
 * and resolved, the outcome, then the Trace's events exactly as the engine
 * produced them (DESIGN §4 "Event"), each with its sentence as `text` and the
 * outcome with its `summary`, rendered by `say` in the reader's language.
 */
import type { Say } from '../messages.ts';
import type { Trace } from '../trace.ts';

export function traceJson(trace: Trace, say: Say): string {
  const { flow, client, server, backend, events } = trace;
  const outcome = { status: trace.outcome.status, summary: say(trace.outcome.message), message: trace.outcome.message };
  // A map op's words (noteWords, a policy row's origin) are the page's; the CLI's JSON keeps `note` and the value
  // text alone, as it always printed them.
  // (Overriding `maps` after the spread keeps the key where it was.)
  const rendered = events.map(({ explain, ...e }) => ({
    ...e, maps: e.maps.map(({ noteWords: _n, words: _w, ...op }) => op), text: say(explain), explain,
  }));
  const doc = { flow: { ...flow, client, server, ...(backend ? { backend } : {}), outcome }, events: rendered };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
