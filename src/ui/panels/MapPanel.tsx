/**
 * The BPF maps of one node as of the current step. The rows the current hop
 * read or wrote are lit, scrolled into view and aria-current; rows the flow
 * wrote so far are marked new. The tab follows the map the hop touched.
 */
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { rowKeyText, ciliumViewWords, type MapName } from '../../engine/index.ts';
import type { CiliumView, MapRow } from '../../worker/protocol.ts';
import { selectCurrentEvent, selectEvents, selectPanelNode, touchedRows, writtenRows, type RowKeys } from '../../state/selectors.ts';
import { useApp, useServices, useT } from '../app/context.tsx';
import { MAP_TABS, tabOfMap } from './map-tabs.ts';
import { chosenEndpoint, PolicyFilter, policyEndpoints } from './PolicyFilter.tsx';
import { useCilium, useTables } from './use-tables.ts';

const NO_ROWS: RowKeys = new Map();

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
  const tables = useTables(node);
  const policyId = useApp((s) => s.policyEndpoint);
  const tunnel = useApp((s) => s.summary?.config['routing-mode'] === 'tunnel');
  // The tunnel map exists only in tunnel mode.
  const tabs = MAP_TABS.filter((x) => x.id !== 'tunnel' || tunnel);

  // Follow the hop: show the tab of the first map it touched on this node.
  useEffect(() => {
    const op = ev?.maps.find((o) => o.node === node && tabOfMap(o.map));
    const next = op && tabOfMap(op.map);
    if (next && next !== store.getState().mapTab) store.setState({ mapTab: next });
  }, [ev, node, store]);

  const touched = useMemo(() => (node ? touchedRows(ev, node) : NO_ROWS), [ev, node]);
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
  const labels = useMemo<TableLabels>(() => ({ empty: t('maps.empty'), key: t('maps.key'), value: t('maps.value'), isNew: t('maps.new') }), [t]);
  const bodyRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (touched.size === 0) return;
    bodyRef.current?.querySelector('[aria-current="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [tables, touched, tab]);

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
      {/* Focusable so the rows can be scrolled from the keyboard (arrows, PageUp/PageDown stay ours). */}
      <div className="map-body" role="tabpanel" ref={bodyRef} tabIndex={0} aria-label={`${t('maps.title')}: ${t(`maps.tab.${tab}`)}`}>
        {spec?.id === 'policy' && <PolicyFilter ids={policyIds} chosen={endpoint} pods={pods} />}
        {cli?.map((view) => <CliBlock key={ciliumViewWords(view)} node={node} view={view} />)}
        {spec?.maps.map((map) => (
          <MapTable
            key={map}
            map={map}
            rows={map === 'cilium_policy' ? shownRows : tables?.find((x) => x.map === map)?.rows}
            touched={touched.get(map)}
            written={written.get(map)}
            labels={labels}
          />
        ))}
      </div>
    </div>
  );
}

interface TableLabels {
  empty: string;
  key: string;
  value: string;
  isNew: string;
}

interface MapTableProps {
  map: MapName;
  rows: readonly MapRow[] | undefined;
  /** Keys of this map's rows the hop touched, and those the flow wrote so far. */
  touched: ReadonlySet<string> | undefined;
  written: ReadonlySet<string> | undefined;
  labels: TableLabels;
}

const sameKeys = (a: ReadonlySet<string> | undefined, b: ReadonlySet<string> | undefined) =>
  a === b || ((a?.size ?? 0) === (b?.size ?? 0) && [...(a ?? [])].every((k) => b?.has(k)));

/** Re-renders only when its rows or its marks change (most maps do not, on most steps). */
const MapTable = memo(function MapTable({ map, rows, touched, written, labels }: MapTableProps) {
  return (
    <section className="map-table" data-map={map}>
      <h3>{map}</h3>
      {!rows || rows.length === 0 ? (
        <p className="muted">{labels.empty}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{labels.key}</th>
              <th scope="col">{labels.value}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const isHot = touched?.has(r.key) ?? false;
              const isNew = written?.has(r.key) ?? false;
              return (
                <tr key={r.key} data-key={r.key} aria-current={isHot ? 'true' : undefined} className={`${isHot ? 'is-touched' : ''}${isNew ? ' is-new' : ''}`}>
                  <td title={r.key}>
                    {isNew && <span className="new-badge">{labels.isNew}</span>}
                    {/* A policy row's endpoint is chosen above the table: its map name would only push the value off screen. */}
                    {rowKeyText(r)}
                  </td>
                  <td>{r.value}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}, (p, q) => p.map === q.map && p.rows === q.rows && p.labels === q.labels && sameKeys(p.touched, q.touched) && sameKeys(p.written, q.written));

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
