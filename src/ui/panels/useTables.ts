/**
 * Map rows of one node as of the current step, asked of the worker. Only the
 * latest answer is kept, so scrubbing fast never shows an older step's rows.
 */
import { useEffect, useState } from 'react';
import type { TableRows } from '../../worker/protocol.ts';
import { useApp, useServices } from '../app/context.tsx';

export function useTables(node: string | undefined): TableRows[] | undefined {
  const { client } = useServices();
  const trace = useApp((s) => s.trace);
  const summary = useApp((s) => s.summary);
  const step = useApp((s) => s.step);
  const [tables, setTables] = useState<TableRows[]>();
  useEffect(() => {
    if (!node || !summary) return;
    let live = true;
    client.request({ type: 'tables', node, step: trace ? step : -1 }).then(
      (t) => live && setTables((prev) => keepUnchanged(prev, t)),
      () => live && setTables(undefined),
    );
    return () => {
      live = false;
    };
  }, [client, node, step, trace, summary]);
  return tables;
}

function sameRows(a: TableRows['rows'], b: TableRows['rows']): boolean {
  return a.length === b.length && a.every((r, i) => r.key === b[i]?.key && r.value === b[i]?.value);
}

/**
 * Reuses the previous answer's objects for maps whose rows did not change,
 * so memoised tables skip rendering (most maps do not change on most steps).
 */
export function keepUnchanged(prev: TableRows[] | undefined, next: TableRows[]): TableRows[] {
  if (!prev) return next;
  const out = next.map((t) => {
    const old = prev.find((p) => p.map === t.map);
    return old && sameRows(old.rows, t.rows) ? old : t;
  });
  return out.length === prev.length && out.every((t, i) => t === prev[i]) ? prev : out;
}

/** Text of a cilium-dbg command on `node` as of the current step. */
export function useCli(line: string | undefined): string | undefined {
  const { client } = useServices();
  const trace = useApp((s) => s.trace);
  const summary = useApp((s) => s.summary);
  const step = useApp((s) => s.step);
  const [out, setOut] = useState<string>();
  useEffect(() => {
    if (!line || !summary) return;
    let live = true;
    client.request({ type: 'cli', line, step: trace ? step : -1 }).then(
      (r) => live && setOut(r.output),
      (e: unknown) => live && setOut(String(e)),
    );
    return () => {
      live = false;
    };
  }, [client, line, step, trace, summary]);
  return out;
}
