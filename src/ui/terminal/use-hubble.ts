/**
 * `hubble observe` as of the current step, for the Hubble view and the
 * terminal alike: the lines of the whole trace are asked once per trace and
 * query, and the page shows those of hops 0..step.
 */
import { useEffect, useState } from 'react';
import type { HubbleLine, HubbleQuery } from '../../worker/protocol.ts';
import { useApp, useServices } from '../app/context.tsx';

export type HubbleOutput = { ok: true; lines: string[] } | { ok: false; error: string };

/** `query` must keep its identity while it means the same (memoise it). `last`: `--last N`. */
export function useHubble(query: HubbleQuery | undefined, last?: number): HubbleOutput | undefined {
  const { client } = useServices();
  const trace = useApp((s) => s.trace);
  const step = useApp((s) => s.step);
  const [reply, setReply] = useState<{ trace: object; query: HubbleQuery; lines: HubbleLine[] } | { error: string }>();
  useEffect(() => {
    if (!query || !trace) return;
    let live = true;
    client.request({ type: 'hubble', flow: trace.flow, query }).then(
      (lines) => live && setReply({ trace, query, lines }),
      (e: unknown) => live && setReply({ error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [client, query, trace]);
  if (!query) return undefined;
  if (!trace) return { ok: true, lines: [] };
  if (!reply) return undefined;
  if ('error' in reply) return { ok: false, error: reply.error };
  if (reply.trace !== trace || reply.query !== query) return undefined;
  const upto = trace.events[step]?.seq ?? step;
  const lines = reply.lines.filter((l) => l.seq <= upto).map((l) => l.text);
  return { ok: true, lines: last === undefined ? lines : lines.slice(Math.max(0, lines.length - last)) };
}
