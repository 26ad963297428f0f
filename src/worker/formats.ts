/**
 * The terminal's commands backed by the formats code (src/engine/formats):
 * `cilium-dbg` views over the node's tables as of the step, and
 * `hubble observe` over the trace up to the step.
 */
import type { Datapath } from '../engine/derive/types.ts';
import { runCiliumCommand } from '../engine/formats/cilium/dispatch.ts';
import { hubbleObserve, parseObserveArgs } from '../engine/formats/hubble.ts';
import type { Trace } from '../engine/trace.ts';
import type { CliFormats, EngineFns } from './host.ts';

export function engineFormats(engine: Pick<EngineFns, 'tablesAt'>): CliFormats {
  return {
    cilium(dp: Datapath, trace: Trace | undefined, step: number, node: string, args: string[]): string {
      const r = runCiliumCommand(dp, engine.tablesAt(dp, trace, step, node), node, args);
      if (!r.ok) throw new Error(r.error);
      return r.stderr ? `${r.stderr}\n${r.text}` : r.text;
    },
    hubble(dp: Datapath, trace: Trace | undefined, step: number, args: string[]): string {
      const parsed = parseObserveArgs(args);
      if (!parsed.ok) throw new Error(parsed.error);
      if (!trace) return '';
      return hubbleObserve(dp, trace, { ...parsed.options, uptoSeq: trace.events[step]?.seq ?? step });
    },
  };
}
