/**
 * Map rows of one node as of the current step, replayed in the page
 * (DESIGN §8 "Replay"): the node's initial tables are asked of the worker
 * once per datapath (a scenario and its settings), and each step applies the
 * trace's map operations of hops 0..step to them. Stepping asks nothing.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { replayTables } from '../../engine/maps/replay.ts';
import type { EngineClient } from '../../worker/client.ts';
import { ciliumTextAt, type CiliumReply, type TableRows } from '../../worker/protocol.ts';
import type { ScenarioSummary } from '../../worker/summary.ts';
import { selectEvents } from '../../state/selectors.ts';
import { useApp, useServices } from '../app/context.tsx';

/** Initial tables per datapath (its summary object) and node: each is asked once. */
const initialCache = new WeakMap<ScenarioSummary, Map<string, Promise<TableRows[]>>>();

function initialTables(client: EngineClient, summary: ScenarioSummary, node: string): Promise<TableRows[]> {
  let perDp = initialCache.get(summary);
  if (!perDp) initialCache.set(summary, (perDp = new Map()));
  let p = perDp.get(node);
  if (!p) {
    p = client.request({ type: 'tables', node });
    // A failed answer (a restarted worker) is asked again next time.
    p.catch(() => perDp.delete(node));
    perDp.set(node, p);
  }
  return p;
}

export function useTables(node: string | undefined): TableRows[] | undefined {
  const { client } = useServices();
  const summary = useApp((s) => s.summary);
  const trace = useApp((s) => s.trace);
  const events = useApp(selectEvents);
  const step = useApp((s) => s.step);
  const [initial, setInitial] = useState<{ summary: ScenarioSummary; node: string; tables: TableRows[] }>();
  useEffect(() => {
    if (!node || !summary) return;
    let live = true;
    initialTables(client, summary, node).then(
      (tables) => live && setInitial({ summary, node, tables }),
      () => live && setInitial(undefined),
    );
    return () => {
      live = false;
    };
  }, [client, node, summary]);
  const prev = useRef<TableRows[]>(undefined);
  return useMemo(() => {
    // Rows of another node or datapath are not shown while this one's come.
    if (!initial || initial.node !== node || initial.summary !== summary) return undefined;
    const next = keepUnchanged(prev.current, replayTables(initial.tables, events, trace ? step : -1, initial.node));
    prev.current = next;
    return next;
  }, [initial, node, summary, events, trace, step]);
}

function sameRows(a: TableRows['rows'], b: TableRows['rows']): boolean {
  return a.length === b.length && a.every((r, i) => r.key === b[i]?.key && r.value === b[i]?.value);
}

/**
 * Reuses the previous step's objects for maps whose rows did not change,
 * so memoised tables skip rendering (most maps do not change on most steps).
 */
export function keepUnchanged(prev: TableRows[] | undefined, next: TableRows[]): TableRows[] {
  if (!prev) return next;
  const out = next.map((t) => {
    const old = prev.find((p) => p.map === t.map);
    return old && (old === t || sameRows(old.rows, t.rows)) ? old : t;
  });
  return out.length === prev.length && out.every((t, i) => t === prev[i]) ? prev : out;
}

/**
 * A cilium-dbg view on `node` as of the current step. Asked once per trace
 * (the worker answers its text at every step), and only while `open`.
 */
export function useCilium(node: string | undefined, argv: readonly string[], open: boolean): { ok: boolean; text: string } | undefined {
  const { client } = useServices();
  const summary = useApp((s) => s.summary);
  const trace = useApp((s) => s.trace);
  const step = useApp((s) => s.step);
  const [reply, setReply] = useState<CiliumReply>();
  useEffect(() => {
    if (!open || !node || !summary) return;
    let live = true;
    client.request({ type: 'cilium', node, argv, flow: trace?.flow }).then(
      (r) => live && setReply(r),
      (e: unknown) => live && setReply({ ok: false, error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [client, node, argv, open, trace, summary]);
  if (!open || !reply) return undefined;
  return reply.ok ? { ok: true, text: ciliumTextAt(reply.texts, trace ? step : -1) } : { ok: false, text: reply.error };
}
