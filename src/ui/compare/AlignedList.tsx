/**
 * The two hop lists lined up packet by packet (compareTraces): a heading
 * for each packet of the conversation, then its hops, paired by node and
 * program. `=` a hop both sides take alike, `≠` one both take with a
 * difference (named beside it: place, step, addresses, outer header), `A` /
 * `B` a hop only one side takes. The shared cursor is a row.
 */
import { Fragment, memo, useEffect, useRef } from 'react';
import type { AlignedRow, HopDiff, HopEvent } from '../../engine/index.ts';
import { hopDirection } from '../../engine/index.ts';
import { kindName, type Lang, type MessageKey } from '../../i18n/index.ts';
import { setCursor } from '../../state/player.ts';
import { useApp, useServices, useT, type T } from '../app/context.tsx';
import { isDropped } from '../../state/selectors.ts';

interface Labels {
  onlyA: string;
  onlyB: string;
  both: string;
  changed: string;
}

/** A packet's shape as its heading says it: direction, protocol or ARP, TCP flags. */
function packetWhat(t: T, ev: HopEvent | undefined): string {
  if (!ev) return '';
  const dir = t(hopDirection(ev) === 'reply' ? 'dir.reply' : 'dir.request');
  const p = ev.packet;
  if (!p) return `${dir} ${ev.socket?.call ?? ''}()`;
  if (p.arp) return `${dir} ${t(p.arp.op === 'reply' ? 'arp.reply' : 'arp.request')}`;
  const f = p.tcpFlags;
  const flags = f ? (['SYN', 'ACK', 'PSH', 'FIN', 'RST'] as const).filter((k) => f[k]).join('|') : '';
  return `${dir} ${p.proto}${flags ? ` ${flags}` : ''}`;
}

/** The first hop of a row's group that carries a packet, on either side (the heading's packet). */
function groupPacket(rows: readonly AlignedRow[], from: number, a: readonly HopEvent[], b: readonly HopEvent[]) {
  const g = rows[from]?.group;
  let sides = { a: false, b: false };
  let ev: HopEvent | undefined;
  for (let i = from; i < rows.length && rows[i]?.group === g; i++) {
    const r = rows[i];
    if (!r) break;
    sides = { a: sides.a || r.a !== undefined, b: sides.b || r.b !== undefined };
    const e = (r.a !== undefined ? a[r.a] : undefined) ?? (r.b !== undefined ? b[r.b] : undefined);
    // The first hop with a packet; a socket hop only when the group has none.
    if (e && (!ev || (e.packet && !ev.packet))) ev = e;
  }
  return { ev, sides };
}

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
  const labels: Labels = { onlyA: t('compare.onlyA'), onlyB: t('compare.onlyB'), both: t('compare.both'), changed: t('compare.changed') };
  return (
    <div className="aligned-list" ref={box} role="list" aria-label={t('compare.title')} tabIndex={0}>
      {rows.map((r, i) => {
        const starts = r.group !== undefined && rows[i - 1]?.group !== r.group;
        const head = starts ? groupPacket(rows, i, a, b) : undefined;
        const n = (r.group ?? 0) + 1;
        const what = head ? packetWhat(t, head.ev) : '';
        const title = !head
          ? ''
          : head.sides.a && head.sides.b
            ? t('compare.packet', { n, what })
            : t('compare.packetOnly', { n, what, side: head.sides.a ? 'A' : 'B' });
        return (
          <Fragment key={i}>
            {head && (
              <div role="listitem" className="aligned-packet" data-group={r.group}>
                {title}
              </div>
            )}
            <Row
              index={i}
              r={r}
              a={r.a !== undefined ? a[r.a] : undefined}
              b={r.b !== undefined ? b[r.b] : undefined}
              current={i === row}
              lang={lang}
              labels={labels}
              diffText={r.diff && r.diff.length > 0 ? diffText(t, r.diff) : ''}
              onPick={() => setCursor(store, i)}
            />
          </Fragment>
        );
      })}
    </div>
  );
}

/** What differs in a pair, in the reader's language. */
const diffText = (t: T, diff: readonly HopDiff[]): string => diff.map((d) => t(`compare.diff.${d}` as MessageKey)).join(', ');

const Row = memo(function Row({
  index,
  r,
  a,
  b,
  current,
  lang,
  labels,
  diffText: differs,
  onPick,
}: {
  index: number;
  r: AlignedRow;
  a: HopEvent | undefined;
  b: HopEvent | undefined;
  current: boolean;
  lang: Lang;
  labels: Labels;
  diffText: string;
  onPick: () => void;
}) {
  const paired = r.a !== undefined && r.b !== undefined;
  const mark = r.same ? '=' : paired ? '≠' : r.a !== undefined ? 'A' : 'B';
  const cls = r.same ? '' : paired ? ' is-diff diff-pair' : ` is-diff diff-${mark.toLowerCase()}`;
  const only = r.same ? labels.both : paired ? labels.changed : r.a !== undefined ? labels.onlyA : labels.onlyB;
  return (
    <div
      role="listitem"
      data-row={index}
      data-group={r.group}
      data-same={r.same ? 'true' : 'false'}
      data-diff={r.diff?.join(',') || undefined}
      aria-current={current ? 'true' : undefined}
      className={`aligned-row${cls}${current ? ' is-current' : ''}`}
      onClick={onPick}
    >
      <span className="aligned-mark" title={only} aria-label={only}>
        {mark}
      </span>
      <Cell ev={a} n={r.a} lang={lang} />
      <Cell ev={b} n={r.b} lang={lang} />
      <span className="aligned-differs">{differs}</span>
    </div>
  );
}, (p, q) => p.current === q.current && p.a === q.a && p.b === q.b && p.lang === q.lang && p.r === q.r && p.labels === q.labels && p.diffText === q.diffText);

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
