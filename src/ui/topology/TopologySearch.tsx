/**
 * Finds a node or pod in a big cluster and brings it into view: Enter draws
 * it full size (pinned beside the flow's nodes); From / To make it the flow's
 * source or destination. Suggestions are the first matches only, so a
 * 100k-pod cluster never builds a 100k-option list.
 */
import { useId, useMemo, useState } from 'react';
import { podRef } from '../../state/presets.ts';
import type { ScenarioSummary } from '../../worker/summary.ts';
import { useServices, useT } from '../app/context.tsx';

export interface Found {
  node: string;
  /** Pod key (`namespace/name`) when a pod was found. */
  pod?: string;
  /** How the flow names it (pod ref or node name). */
  ref: string;
}

const SUGGESTIONS = 12;

/** A node by name, or a pod by `ns/name`, bare name or IP (exact first, then the first that contains the text). */
export function findInCluster(summary: ScenarioSummary, query: string): Found | undefined {
  const q = query.trim().toLowerCase();
  if (!q) return undefined;
  let loose: Found | undefined;
  for (const n of summary.nodes) {
    const name = n.name.toLowerCase();
    if (name === q || n.ip === q) return { node: n.name, ref: n.name };
    for (const p of n.pods) {
      const ref = podRef(p);
      if (p.key.toLowerCase() === q || ref.toLowerCase() === q || p.ip === q) return { node: n.name, pod: p.key, ref };
      if (!loose && ref.toLowerCase().includes(q)) loose = { node: n.name, pod: p.key, ref };
    }
    if (!loose && name.includes(q)) loose = { node: n.name, ref: n.name };
  }
  return loose;
}

function suggestions(summary: ScenarioSummary, query: string): string[] {
  const q = query.trim().toLowerCase();
  const out: string[] = [];
  if (q.length < 2) return out;
  for (const n of summary.nodes) {
    if (n.name.toLowerCase().includes(q)) out.push(n.name);
    for (const p of n.pods) {
      if (out.length >= SUGGESTIONS) return out;
      const ref = podRef(p);
      if (ref.toLowerCase().includes(q) || p.ip.startsWith(q)) out.push(ref);
    }
    if (out.length >= SUGGESTIONS) return out;
  }
  return out;
}

export function TopologySearch({ summary, onFind, onClear }: { summary: ScenarioSummary; onFind: (f: Found) => void; onClear: (() => void) | undefined }) {
  const t = useT();
  const { store, actions } = useServices();
  const [query, setQuery] = useState('');
  const [missing, setMissing] = useState(false);
  const listId = useId();
  const options = useMemo(() => suggestions(summary, query), [summary, query]);
  const find = (): Found | undefined => {
    const f = findInCluster(summary, query);
    setMissing(!f);
    if (f) onFind(f);
    return f;
  };
  const setEnd = (end: 'from' | 'to') => {
    const f = find();
    if (f) void actions.setFlow({ ...store.getState().flow, [end]: f.ref });
  };
  return (
    <form
      className="topology-search"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        find();
      }}
    >
      <input
        type="search"
        aria-label={t('topology.search')}
        placeholder={t('topology.search')}
        list={listId}
        value={query}
        aria-invalid={missing || undefined}
        onChange={(e) => {
          setQuery(e.target.value);
          setMissing(false);
        }}
      />
      <datalist id={listId}>
        {options.map((o) => (
          <option key={o} value={o} />
        ))}
      </datalist>
      <button type="button" onClick={() => setEnd('from')}>
        {t('topology.searchFrom')}
      </button>
      <button type="button" onClick={() => setEnd('to')}>
        {t('topology.searchTo')}
      </button>
      {onClear && (
        <button type="button" aria-label={t('topology.searchClear')} title={t('topology.searchClear')} onClick={onClear}>
          ✕
        </button>
      )}
    </form>
  );
}
