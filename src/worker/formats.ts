/**
 * The views the page asks for, backed by the formats code (src/engine/formats):
 * `cilium-dbg` views over a node's tables as of a step, and `hubble observe`
 * over a whole trace, line by line.
 */
import { runCiliumView, hubbleLines, type Datapath, type CiliumView, type Trace } from '../engine/index.ts';
import type { CliFormats, EngineFns } from './host.ts';
import type { HubbleLine, HubbleQuery } from './protocol.ts';

export function engineFormats(engine: Pick<EngineFns, 'tablesAt'>): CliFormats {
  return {
    cilium(dp: Datapath, trace: Trace | undefined, step: number, node: string, view: CiliumView): string {
      const r = runCiliumView(dp, engine.tablesAt(dp, trace, step, node), node, view);
      if (!r.ok) throw new Error(r.error);
      return r.stderr ? `${r.stderr}\n${r.text}` : r.text;
    },
    hubble: (dp: Datapath, trace: Trace, query: HubbleQuery): HubbleLine[] => hubbleLines(dp, trace, query),
  };
}
