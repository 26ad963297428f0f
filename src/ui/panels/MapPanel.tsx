/**
 * The BPF maps of one node as of the current step, virtualised
 * (@tanstack/react-virtual) so a 512k-row ipcache costs only the rows on
 * screen. The rows the current hop read or wrote (and the rows a lesson's
 * evidence names) are lit, decoded in words, aria-current and scrolled into
 * view; rows the flow wrote so far are marked new. The tab follows the map the
 * hop touched; a filter box narrows the rows (lit rows always stay). One tab
 * stop for the rows (roving tabindex): ↑/↓ move between them.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { rowKeyText, ciliumViewWords, type MapName } from '../../engine/index.ts';
import type { CiliumView, MapRow } from '../../worker/protocol.ts';
import { selectCurrentEvent, selectEvents, selectPanelNode, touchedRows, writtenRows, type RowKeys } from '../../state/selectors.ts';
import { useApp, useServices, useT } from '../app/context.tsx';
import { decodeRow, rawValue } from './decode.ts';
import { firstLit, mapItems, nextRow, type MapItem } from './map-items.ts';
import { MAP_TABS, tabOfMap } from './map-tabs.ts';
import { chosenEndpoint, PolicyFilter, policyEndpoints } from './PolicyFilter.tsx';
import { useCilium, useTables } from './use-tables.ts';

const NO_ROWS: RowKeys = new Map();
/** Up to this many items the rows are measured (and wrap); beyond, fixed heights (see MapRows). */
const MEASURED_ROWS = 2000;

export function MapPanel() {
  const t = useT();
  const { store } = useServices();
  const node = useApp(selectPanelNode);
  const picked = useApp((s) => s.panelNode);
  const nodes = useApp((s) => s.summary?.nodes);
  const tab = useApp((s) => s.mapTab);
  const ev = useApp(selectCurrentEvent);
  const events = useApp(selectEvents);
  const step = useApp((s) => s.step);
  const evidence = useApp((s) => s.evidence);
  const reveal = useApp((s) => s.reveal);
  const tables = useTables(node);
  const policyId = useApp((s) => s.policyEndpoint);
  const tunnel = useApp((s) => s.summary?.config['routing-mode'] === 'tunnel');
  // The tunnel map exists only in tunnel mode.
  const tabs = MAP_TABS.filter((x) => x.id !== 'tunnel' || tunnel);

  // Follow the hop: show the tab of the first map it touched on this node (unless evidence asked for a tab).
  useEffect(() => {
    if (store.getState().evidence?.map) return;
    const op = ev?.maps.find((o) => o.node === node && tabOfMap(o.map));
    const next = op && tabOfMap(op.map);
    if (next && next !== store.getState().mapTab) store.setState({ mapTab: next });
  }, [ev, node, store]);

  const touched = useMemo(() => {
    const hop = node ? touchedRows(ev, node) : NO_ROWS;
    const asked = evidence?.map?.rows;
    if (!asked?.length) return hop;
    // A lesson's rows are lit beside the hop's own, in every map of the asked tab.
    const out = new Map<MapName, Set<string>>();
    for (const [m, keys] of hop) out.set(m, new Set(keys));
    for (const m of MAP_TABS.find((x) => x.id === evidence?.map?.tab)?.maps ?? []) {
      const keys = out.get(m) ?? new Set<string>();
      for (const k of asked) keys.add(k);
      out.set(m, keys);
    }
    return out;
  }, [ev, node, evidence]);
  const written = useMemo(() => (node ? writtenRows(events, step, node) : NO_ROWS), [events, step, node]);
  const spec = tabs.find((x) => x.id === tab) ?? tabs[0];
  const policyRows = tables?.find((x) => x.map === 'cilium_policy')?.rows;
  const policyIds = useMemo(() => policyEndpoints(policyRows), [policyRows]);
  const endpoint = node && spec?.id === 'policy' ? chosenEndpoint(policyId, ev, node, policyIds) : undefined;
  const shownRows = useMemo(() => {
    if (endpoint === undefined) return policyRows;
    return policyRows?.filter((r) => r.endpointId === endpoint);
  }, [policyRows, endpoint]);
  const pods = useMemo(() => nodes?.find((n) => n.name === node)?.pods ?? [], [nodes, node]);
  const cli = useMemo(
    (): CiliumView[] | undefined =>
      spec?.id === 'policy' ? (endpoint !== undefined ? [{ view: 'bpf policy get', args: [String(endpoint)] }] : []) : spec?.cli,
    [spec, endpoint],
  );
  const maps = useMemo(
    () => (spec?.maps ?? []).map((map) => ({ map, rows: map === 'cilium_policy' ? shownRows : tables?.find((x) => x.map === map)?.rows })),
    [spec, shownRows, tables],
  );

  return (
    <div className="map-panel">
      <div className="map-panel-head">
        <h2>{t('maps.title')}</h2>
        <label className="node-picker">
          <span>{t('maps.node')}</span>
          <select value={picked ?? ''} onChange={(e) => store.setState({ panelNode: e.currentTarget.value || undefined })}>
            <option value="">
              {t('maps.followHop')} ({node ?? '–'})
            </option>
            {nodes?.map((n) => (
              <option key={n.name} value={n.name}>
                {n.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="tabs" role="tablist" aria-label={t('maps.title')}>
        {tabs.map((x) => {
          const lit = ev?.maps.some((o) => o.node === node && x.maps.includes(o.map));
          return (
            <button
              key={x.id}
              role="tab"
              type="button"
              aria-selected={x.id === tab}
              className={`tab${lit ? ' is-lit' : ''}`}
              onClick={() => store.setState({ mapTab: x.id })}
            >
              {t(`maps.tab.${x.id}`)}
            </button>
          );
        })}
      </div>
      <div className="map-extras">
        {spec?.id === 'policy' && <PolicyFilter ids={policyIds} chosen={endpoint} pods={pods} />}
        {cli?.map((view) => <CliBlock key={ciliumViewWords(view)} node={node} view={view} />)}
      </div>
      <MapRows key={spec?.id} maps={maps} touched={touched} written={written} reveal={reveal} label={`${t('maps.title')}: ${t(`maps.tab.${tab}`)}`} />
    </div>
  );
}

interface MapRowsProps {
  maps: { map: MapName; rows: readonly MapRow[] | undefined }[];
  /** Keys of rows lit at this hop, and those the flow wrote so far, by map. */
  touched: RowKeys;
  written: RowKeys;
  /** Bumped to bring the lit rows into view again (P, a lesson's evidence). */
  reveal: number;
  label: string;
}

/** One virtual list over the tab's maps: a head per map, then its rows. */
function MapRows({ maps, touched, written, reveal, label }: MapRowsProps) {
  const t = useT();
  const presenter = useApp((s) => s.presenter);
  const [filter, setFilter] = useState('');
  const query = useDeferredValue(filter);
  const isLit = useMemo(() => (map: MapName, key: string) => touched.get(map)?.has(key) ?? false, [touched]);
  const items = useMemo(() => mapItems(maps, query, isLit), [maps, query, isLit]);
  // A slot row reads its master row for the count; lit rows are few, so a linear find is enough.
  const lookup = useMemo(() => (map: MapName, key: string) => maps.find((m) => m.map === map)?.rows?.find((r) => r.key === key)?.value, [maps]);
  const parent = useRef<HTMLDivElement>(null);
  const rowHeight = presenter ? 26 : 22;
  // A few thousand rows are measured, so long keys wrap whole. Beyond that every row has a fixed height
  // (one line, the full text in its title; a lit row three): measuring re-lays every later row, which at
  // 512k rows costs more than a frame.
  const measured = items.length <= MEASURED_ROWS;
  const sizeOf = useCallback(
    (i: number) => {
      const it = items[i];
      if (it?.kind === 'head') return rowHeight + 8;
      if (!measured && it?.kind === 'row' && isLit(it.map, it.row.key)) return rowHeight * 3;
      return rowHeight;
    },
    [items, isLit, measured, rowHeight],
  );
  // Stable per list: the virtualizer lays out every item again whenever getItemKey changes (O(rows) a frame).
  const getItemKey = useCallback((i: number) => itemKey(items[i], i), [items]);
  const v = useVirtualizer({
    count: items.length,
    getScrollElement: () => parent.current,
    estimateSize: sizeOf,
    getItemKey,
    overscan: 12,
  });
  const lit = useMemo(() => firstLit(items, isLit), [items, isLit]);
  const [active, setActive] = useState<number>(-1);
  const focusIndex = active >= 0 && items[active]?.kind === 'row' ? active : lit >= 0 ? lit : nextRow(items, -1, 1);

  // The lit rows into view on each hop, tab, filter and reveal. Done by hand, as in EventList:
  // scrollToIndex re-measures in a loop, a long task on every step.
  // A measured list's positions are estimates until its rows render: the virtualizer's scrollToIndex
  // corrects them as it goes (cheap at that size); fixed heights are exact, so the offset is set by hand.
  useEffect(() => {
    const el = parent.current;
    if (!el || lit < 0) return;
    const item = v.measurementsCache[lit];
    if (!item) return;
    if (item.start >= el.scrollTop && item.end <= el.scrollTop + el.clientHeight) return;
    if (!measured) {
      el.scrollTop = Math.max(0, item.start - el.clientHeight / 3);
      return;
    }
    v.scrollToIndex(lit, { align: 'center' });
    // Rows grow as they are measured (long values wrap): for a few frames, settle on the rendered row itself.
    let frames = 0;
    let id = 0;
    const settle = () => {
      const row = el.querySelector<HTMLElement>(`[data-index="${lit}"]`);
      if (row) {
        const r = row.getBoundingClientRect();
        const b = el.getBoundingClientRect();
        if (r.top < b.top || r.bottom > b.bottom) el.scrollTop += r.top - b.top - Math.max(0, (b.height - r.height) / 3);
      }
      if (++frames < 6) id = requestAnimationFrame(settle);
    };
    id = requestAnimationFrame(settle);
    return () => cancelAnimationFrame(id);
  }, [lit, items, reveal, v, measured]);

  const moveTo = (i: number) => {
    setActive(i);
    const el = parent.current;
    const item = v.measurementsCache[i];
    if (el && item) {
      if (item.start < el.scrollTop) el.scrollTop = item.start;
      else if (item.end > el.scrollTop + el.clientHeight) el.scrollTop = item.end - el.clientHeight;
    }
    requestAnimationFrame(() => parent.current?.querySelector<HTMLElement>(`[data-index="${i}"]`)?.focus({ preventScroll: true }));
  };
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const d = e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : 0;
    if (d === 0) return;
    e.preventDefault();
    moveTo(nextRow(items, focusIndex, d));
  };
  const total = useMemo(() => maps.reduce((n, m) => n + (m.rows?.length ?? 0), 0), [maps]);
  const shown = useMemo(() => items.reduce((n, it) => n + (it.kind === 'row' ? 1 : 0), 0), [items]);
  const measure = measured ? v.measureElement : undefined;
  return (
    <>
      <div className="map-filter">
        <input
          type="search"
          value={filter}
          onChange={(e) => setFilter(e.currentTarget.value)}
          placeholder={t('maps.filterPlaceholder')}
          aria-label={t('maps.filter')}
          data-testid="map-filter"
        />
        <span className="muted" data-testid="map-count">{t('maps.shown', { shown, total })}</span>
      </div>
      {/* Focusable itself too, so the rows scroll from the keyboard even before one is chosen (↑/↓ move to a row). */}
      <div className="map-body" ref={parent} role="table" tabIndex={0} aria-label={label} aria-rowcount={shown} onKeyDown={onKey} data-testid="map-body">
        <div className={`map-rows${measured ? '' : ' is-fixed'}`} role="rowgroup" style={{ height: v.getTotalSize() }}>
          {v.getVirtualItems().map((vi) => {
            const it = items[vi.index];
            if (!it) return null;
            const style = measured ? { transform: `translateY(${vi.start}px)` } : { transform: `translateY(${vi.start}px)`, height: vi.size };
            if (it.kind === 'head') {
              return (
                <div key={vi.key} ref={measure} data-index={vi.index} className="map-head" role="row" style={style}>
                  <span role="columnheader">{it.map}</span>
                  <span role="columnheader" className="muted">
                    {it.shown === it.total ? it.total : `${it.shown} / ${it.total}`}
                  </span>
                </div>
              );
            }
            if (it.kind === 'empty') {
              return (
                <div key={vi.key} ref={measure} data-index={vi.index} className="map-empty muted" role="row" style={style}>
                  <span role="cell">{t('maps.empty')}</span>
                </div>
              );
            }
            const hot = touched.get(it.map)?.has(it.row.key) ?? false;
            const isNew = written.get(it.map)?.has(it.row.key) ?? false;
            // A policy row's origin is always said (it was always on the row); other rows' words only when lit.
            // A large map's rows are one line high (fixed): there the origin goes into the title instead.
            const words = hot || (measured && it.row.words) ? decodeRow(it.row, lookup) : undefined;
            const raw = rawValue(it.row);
            const origin = !measured && it.row.words ? ` — ${t('decode.policyOrigin', { origin: it.row.words })}` : '';
            return (
              <div
                key={vi.key}
                ref={measure}
                data-index={vi.index}
                data-key={it.row.key}
                data-map={it.map}
                role="row"
                tabIndex={vi.index === focusIndex ? 0 : -1}
                aria-current={hot ? 'true' : undefined}
                className={`map-row${hot ? ' is-touched' : ''}${isNew ? ' is-new' : ''}`}
                style={style}
                onFocus={() => setActive(vi.index)}
              >
                <span role="cell" className="map-key" title={rowKeyText(it.row)}>
                  {isNew && <span className="new-badge">{t('maps.new')}</span>}
                  {rowKeyText(it.row)}
                </span>
                <span role="cell" className="map-value" title={measured ? undefined : `${raw}${origin}`}>
                  {raw}
                  {words && <span className="map-words">{t(words.key, words.params)}</span>}
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </>
  );
}

function itemKey(it: MapItem | undefined, i: number): string {
  if (!it) return String(i);
  return it.kind === 'row' ? `${it.map}|${it.row.endpointId ?? ''}|${it.row.key}` : `${it.kind}|${it.map}`;
}

/** A cilium-dbg view; asked of the worker only while it is open. */
function CliBlock({ node, view }: { node: string | undefined; view: CiliumView }) {
  const [open, setOpen] = useState(false);
  const out = useCilium(node, view, open);
  return (
    <details className="cli-block" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        <code>cilium {ciliumViewWords(view)}</code>
      </summary>
      {/* Wide output scrolls sideways: a tab stop so the keyboard can scroll it (axe: scrollable-region-focusable). */}
      <pre tabIndex={0} aria-label={`cilium ${ciliumViewWords(view)}`}>{out?.text}</pre>
    </details>
  );
}
