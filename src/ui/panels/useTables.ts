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
      (t) => live && setTables(t),
      () => live && setTables(undefined),
    );
    return () => {
      live = false;
    };
  }, [client, node, step, trace, summary]);
  return tables;
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
