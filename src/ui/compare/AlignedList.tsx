/**
 * The two hop lists aligned row by row (compareTraces: LCS of hop
 * signatures). Rows only one side has are marked, so where the paths part
 * and meet again is visible at a glance; the shared cursor is a row.
 */
import { memo, useEffect, useRef } from 'react';
import type { AlignedRow, HopEvent } from '../../engine/index.ts';
import { hopDirection } from '../../engine/index.ts';
import { kindName, type Lang } from '../../i18n/index.ts';
import { setCursor } from '../../state/player.ts';
import { useApp, useServices, useT } from '../app/context.tsx';
import { isDropped } from '../../state/selectors.ts';

export function AlignedList() {
  const t = useT();
  const { store } = useServices();
  const rows = useApp((s) => s.compare?.rows);
  const a = useApp((s) => s.trace?.events);
  const b = useApp((s) => s.compare?.trace?.events);
  const row = useApp((s) => s.row);
  const lang = useApp((s) => s.lang);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.querySelector('[aria-current="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [row]);
  if (!rows || !a || !b) return null;
  const labels = { onlyA: t('compare.onlyA'), onlyB: t('compare.onlyB'), both: t('compare.both') };
  return (
    <div className="aligned-list" ref={box} role="list" aria-label={t('compare.title')} tabIndex={0}>
      {rows.map((r, i) => (
        <Row key={i} index={i} r={r} a={r.a !== undefined ? a[r.a] : undefined} b={r.b !== undefined ? b[r.b] : undefined} current={i === row} lang={lang} labels={labels} onPick={() => setCursor(store, i)} />
      ))}
    </div>
  );
}

const Row = memo(function Row({
  index,
  r,
  a,
  b,
  current,
  lang,
  labels,
  onPick,
}: {
  index: number;
  r: AlignedRow;
  a: HopEvent | undefined;
  b: HopEvent | undefined;
  current: boolean;
  lang: Lang;
  labels: { onlyA: string; onlyB: string; both: string };
  onPick: () => void;
}) {
  const mark = r.same ? '=' : r.a !== undefined ? 'A' : 'B';
  const only = r.same ? labels.both : r.a !== undefined ? labels.onlyA : labels.onlyB;
  return (
    <div
      role="listitem"
      data-row={index}
      data-same={r.same ? 'true' : 'false'}
      aria-current={current ? 'true' : undefined}
      className={`aligned-row${r.same ? '' : ` is-diff diff-${mark.toLowerCase()}`}${current ? ' is-current' : ''}`}
      onClick={onPick}
    >
      <span className="aligned-mark" title={only} aria-label={only}>
        {mark}
      </span>
      <Cell ev={a} n={r.a} lang={lang} />
      <Cell ev={b} n={r.b} lang={lang} />
    </div>
  );
}, (p, q) => p.current === q.current && p.a === q.a && p.b === q.b && p.lang === q.lang && p.r === q.r && p.labels === q.labels);

function Cell({ ev, n, lang }: { ev: HopEvent | undefined; n: number | undefined; lang: Lang }) {
  if (!ev || n === undefined) return <span className="aligned-cell is-empty">—</span>;
  const dropped = isDropped(ev);
  return (
    <span className={`aligned-cell dir-${hopDirection(ev)}${dropped ? ' is-drop' : ''}`} title={`${ev.kind} @${ev.node}/${ev.iface} · ${ev.program}`}>
      <span className="aligned-n">{n + 1}</span>
      <span className="aligned-kind">{kindName(lang, ev.kind)}</span>
      <span className="aligned-where">
        {ev.node}/{ev.iface}
      </span>
    </span>
  );
}
