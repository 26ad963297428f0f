/**
 * The views the page asks for, backed by the formats code (src/engine/formats):
 * `cilium-dbg` views over a node's tables as of a step, and `hubble observe`
 * over a whole trace, line by line; with the other extras (extras.ts), all
 * that the host answers besides loading, tracing and tables. The worker
 * imports this module dynamically, on the first request that needs it.
 */
import { resolveExecTarget, runCiliumView, runExec, hubbleLines, type Datapath, type CiliumView, type Trace } from '../engine/index.ts';
import { ENGINE_EXTRAS } from './extras.ts';
import type { EngineFns, HostExtras } from './host.ts';
import type { HubbleLine, HubbleQuery } from './protocol.ts';

export function engineFormats(engine: Pick<EngineFns, 'tablesAt'>): HostExtras {
  return {
    ...ENGINE_EXTRAS,
    cilium(dp: Datapath, trace: Trace | undefined, step: number, node: string, view: CiliumView): string {
      const r = runCiliumView(dp, engine.tablesAt(dp, trace, step, node), node, view);
      if (!r.ok) throw new Error(r.error);
      return r.stderr ? `${r.stderr}\n${r.text}` : r.text;
    },
    exec(dp: Datapath, trace: Trace | undefined, step: number, target: string, argv: readonly string[]): string {
      const t = resolveExecTarget(dp, target);
      if ('error' in t) throw new Error(t.error);
      // The trace up to the step: what the node's or pod's tools would show at that moment.
      const upTo = trace && step >= 0 ? { ...trace, events: trace.events.slice(0, step + 1) } : undefined;
      const r = runExec(dp, t, argv, upTo);
      if (!r.ok) throw new Error(r.error);
      return r.stderr ? `${r.stderr}${r.text}` : r.text;
    },
    hubble: (dp: Datapath, trace: Trace, query: HubbleQuery): HubbleLine[] => hubbleLines(dp, trace, query),
  };
}
