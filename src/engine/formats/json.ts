/**
 * `flowlab trace --format json`: one JSON document, the flow as asked for
 * and resolved, the outcome, then the Trace's events exactly as the engine
 * produced them (DESIGN §4 "Event").
 */
import type { Trace } from '../trace.ts';

export function traceJson(trace: Trace): string {
  const { flow, client, server, backend, outcome, events } = trace;
  const doc = { flow: { ...flow, client, server, ...(backend ? { backend } : {}), outcome }, events };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
