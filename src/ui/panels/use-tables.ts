/**
 * Map rows of one node as of the current step, replayed in the page
 * (DESIGN §8 "Replay"): the node's initial tables are asked of the worker
 * once per datapath (a scenario and its settings), and each step applies the
 * trace's map operations of hops 0..step to them. Stepping asks nothing.
 */
import { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { replayTables, type HopEvent } from '../../engine/index.ts';
import type { EngineClient } from '../../worker/client.ts';
import { ciliumTextAt, type CiliumReply, type CiliumView, type RequestBody, type TableRows } from '../../worker/protocol.ts';
import type { ScenarioSummary } from '../../worker/summary.ts';
import { selectEvents } from '../../state/selectors.ts';
import { useApp, useServices } from '../app/context.tsx';

/** A datapath's initial tables by node: asked once each, read synchronously once answered. */
interface DatapathTables {
  asked: Map<string, Promise<void>>;
  ready: Map<string, TableRows[]>;
}

/** Keyed by the summary object: a new scenario or new settings bring a new one (a new datapath). */
const cache = new WeakMap<ScenarioSummary, DatapathTables>();

function tablesOf(summary: ScenarioSummary): DatapathTables {
  let t = cache.get(summary);
  if (!t) cache.set(summary, (t = { asked: new Map(), ready: new Map() }));
  return t;
}

function ask(client: EngineClient, summary: ScenarioSummary, node: string): Promise<void> {
  const t = tablesOf(summary);
  let p = t.asked.get(node);
  if (!p) {
    p = client.request({ type: 'tables', node }).then((rows) => {
      t.ready.set(node, rows);
    });
    // A failed answer (a restarted worker) is asked again next time.
    p.catch(() => t.asked.delete(node));
    t.asked.set(node, p);
  }
  return p;
}

/** Nodes whose maps the trace reads or writes: the panel follows the hop to them. */
function traceNodes(events: readonly HopEvent[]): Set<string> {
  const out = new Set<string>();
  for (const ev of events) {
    out.add(ev.node);
    for (const op of ev.maps) out.add(op.node);
  }
  return out;
}

export function useTables(node: string | undefined): TableRows[] | undefined {
  const { client } = useServices();
  const summary = useApp((s) => s.summary);
  const trace = useApp((s) => s.trace);
  const events = useApp(selectEvents);
  const step = useApp((s) => s.step);
  const [, answered] = useReducer((n: number) => n + 1, 0);
  // The trace's nodes are asked at once, so the panel following the hop asks nothing while stepping.
  useEffect(() => {
    if (!summary) return;
    let live = true;
    const nodes = traceNodes(events);
    if (node) nodes.add(node);
    for (const n of nodes) {
      if (summary.nodes.some((x) => x.name === n) && !tablesOf(summary).ready.has(n)) {
        ask(client, summary, n).then(
          () => live && answered(),
          () => undefined,
        );
      }
    }
    return () => {
      live = false;
    };
  }, [client, summary, events, node]);
  const initial = summary && node ? tablesOf(summary).ready.get(node) : undefined;
  const prev = useRef<TableRows[]>(undefined);
  return useMemo(() => {
    if (!initial || !node) return undefined;
    const next = keepUnchanged(prev.current, replayTables(initial, events, trace ? step : -1, node));
    prev.current = next;
    return next;
  }, [initial, node, events, trace, step]);
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
 * `view` must keep its identity while it means the same (a constant or memoised).
 */
export function useCilium(node: string | undefined, view: CiliumView | undefined, open: boolean): { ok: boolean; text: string } | undefined {
  const trace = useApp((s) => s.trace);
  const request = useMemo(
    (): CiliumRequest | undefined => (node && view ? { type: 'cilium', node, view, flow: trace?.flow } : undefined),
    [node, view, trace],
  );
  return useStepTexts(request, open);
}

/** A node or pod command (`ssh NODE ...`, `kubectl exec POD -- ...`) at the player's step; undefined while it comes. */
export function useExec(target: string | undefined, argv: readonly string[] | undefined, open: boolean): { ok: boolean; text: string } | undefined {
  const trace = useApp((s) => s.trace);
  // `argv` comes from the terminal's memoised parse: the same array until the line changes.
  const request = useMemo(
    (): ExecRequest | undefined => (target && argv ? { type: 'exec', target, argv: [...argv], flow: trace?.flow } : undefined),
    [target, argv, trace],
  );
  return useStepTexts(request, open);
}

type CiliumRequest = Extract<RequestBody, { type: 'cilium' }>;
type ExecRequest = Extract<RequestBody, { type: 'exec' }>;

/**
 * A view whose text the worker gives for every step of the trace at once (a cilium view, a node command):
 * asked once per request while open, then read at the player's step without asking again.
 */
function useStepTexts(
  request: CiliumRequest | ExecRequest | undefined, open: boolean,
): { ok: boolean; text: string } | undefined {
  const { client } = useServices();
  const summary = useApp((s) => s.summary);
  const trace = useApp((s) => s.trace);
  const step = useApp((s) => s.step);
  const [reply, setReply] = useState<CiliumReply>();
  useEffect(() => {
    if (!open || !request || !summary) return;
    let live = true;
    client.request(request).then(
      (r) => live && setReply(r),
      (e: unknown) => live && setReply({ ok: false, error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [client, request, open, summary]);
  if (!open || !reply) return undefined;
  return reply.ok ? { ok: true, text: ciliumTextAt(reply.texts, trace ? step : -1) } : { ok: false, text: reply.error };
}
