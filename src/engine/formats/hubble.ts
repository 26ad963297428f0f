/**
 * `hubble observe` over a Trace: the flows Hubble would show for the
 * conversation (./hubble/flow.ts), filtered like the real flags, printed in
 * the compact format (default) or as JSON lines. Shared by
 * `flowlab trace --format hubble` and the browser terminal.
 */
import type { MonitorAggregation } from '../../scenario/model.ts';
import type { Datapath } from '../derive/types.ts';
import type { Trace } from '../trace.ts';
import { compactLine } from './hubble/compact.ts';
import { filterFlows, type FlowFilter } from './hubble/filter.ts';
import { hubbleFlows, type HubbleFlow } from './hubble/flow.ts';
import { jsonLine } from './hubble/json.ts';

export { compactLine, filterFlows, hubbleFlows, jsonLine };
export type { FlowFilter, HubbleFlow };

export interface ObserveOptions {
  output?: 'compact' | 'json';
  printNodeName?: boolean;
  filter?: FlowFilter;
  aggregation?: MonitorAggregation;
  /** Only flows from hops 0..uptoSeq (the player's cursor). */
  uptoSeq?: number;
  /** `--last N`: the N most recent flows. */
  last?: number;
}

/** One printed line of `hubble observe` and the `seq` of the hop it reports. */
export interface ObservedLine {
  seq: number;
  text: string;
}

/** The lines `hubble observe` prints for the trace, each with its hop (the page shows those up to its cursor). */
export function hubbleLines(dp: Datapath, trace: Trace, opts: ObserveOptions = {}): ObservedLine[] {
  let flows = hubbleFlows(dp, trace, opts.aggregation ? { aggregation: opts.aggregation } : {});
  const upto = opts.uptoSeq;
  if (upto !== undefined) flows = flows.filter((f) => f.seq <= upto);
  if (opts.filter) flows = filterFlows(flows, opts.filter);
  if (opts.last !== undefined) flows = flows.slice(Math.max(0, flows.length - opts.last));
  const print = opts.output === 'json' ? jsonLine : (f: HubbleFlow) => compactLine(f, { printNodeName: opts.printNodeName ?? false });
  return flows.map((f) => ({ seq: f.seq, text: print(f) }));
}

export function hubbleObserve(dp: Datapath, trace: Trace, opts: ObserveOptions = {}): string {
  return hubbleLines(dp, trace, opts).map((l) => `${l.text}\n`).join('');
}

export type ParsedObserve = { ok: true; options: ObserveOptions } | { ok: false; error: string };

const VALUE_FLAGS: Record<string, keyof FlowFilter> = {
  '--pod': 'pod', '--from-pod': 'fromPod', '--to-pod': 'toPod', '--verdict': 'verdict', '--node-name': 'nodeName',
};

/** The flags parseObserveArgs understands, as usage words (its error and the page's `help` list them). */
export const OBSERVE_FLAGS: readonly string[] = [...Object.keys(VALUE_FLAGS).map((f) => `${f} <value>`), '--last N', '-o json|compact', '--print-node-name'];

/** Parses the words after `hubble observe` (the `hubble` and `observe` words themselves are optional). */
export function parseObserveArgs(argv: readonly string[]): ParsedObserve {
  const words = [...argv];
  if (words[0] === 'hubble') words.shift();
  if (words[0] === 'observe') words.shift();
  const filter: FlowFilter = {};
  const options: ObserveOptions = {};
  for (let i = 0; i < words.length; i++) {
    const [flag = '', inline] = (words[i] ?? '').split(/=(.*)/s, 2) as [string?, string?];
    const value = () => inline ?? words[++i];
    // Own keys only: `constructor` typed as a flag must not find Object's.
    const key = Object.hasOwn(VALUE_FLAGS, flag) ? VALUE_FLAGS[flag] : undefined;
    if (key) {
      const v = value();
      if (!v) return { ok: false, error: `flag needs an argument: ${flag}` };
      filter[key] = v;
    } else if (flag === '-o' || flag === '--output') {
      const v = value();
      if (v !== 'json' && v !== 'compact' && v !== 'jsonpb') return { ok: false, error: `invalid output format "${v ?? ''}"; supported: compact, json` };
      options.output = v === 'compact' ? 'compact' : 'json';
    } else if (flag === '--print-node-name') options.printNodeName = true;
    else if (flag === '--last' || flag === '-n') {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 0) return { ok: false, error: `invalid value for ${flag}: a count of flows is expected` };
      options.last = n;
    }
    else return { ok: false, error: `unknown flag: ${flag}; supported: ${OBSERVE_FLAGS.join(', ')}` };
  }
  if (Object.keys(filter).length) options.filter = filter;
  return { ok: true, options };
}
