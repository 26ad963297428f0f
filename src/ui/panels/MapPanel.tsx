/**
 * The BPF maps of one node as of the current step. The rows the current hop
 * read or wrote are lit, scrolled into view and aria-current; rows the flow
 * wrote so far are marked new. The tab follows the map the hop touched.
 */
import { memo, useEffect, useMemo, useRef } from 'react';
import type { TableRows } from '../../worker/protocol.ts';
import { selectCurrentEvent, selectEvents, selectPanelNode, touchedKeys, writtenKeys } from '../../state/selectors.ts';
import { useApp, useServices, useT } from '../app/context.tsx';
import { MAP_TABS, policyEndpointOf, tabOfMap } from './mapTabs.ts';
import { chosenEndpoint, PolicyFilter, policyEndpoints } from './PolicyFilter.tsx';
import { useCli, useTables } from './useTables.ts';

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

  const touched = useMemo(() => (node ? touchedKeys(ev, node) : new Set<string>()), [ev, node]);
  const written = useMemo(() => (node ? writtenKeys(events, step, node) : new Set<string>()), [events, step, node]);
  const spec = tabs.find((x) => x.id === tab) ?? tabs[0];
  const policyRows = tables?.find((x) => x.map === 'cilium_policy')?.rows;
  const policyIds = useMemo(() => policyEndpoints(policyRows), [policyRows]);
  const endpoint = node && spec?.id === 'policy' ? chosenEndpoint(policyId, ev, node, policyIds) : undefined;
  const shownRows = useMemo(() => {
    if (endpoint === undefined) return policyRows;
    return policyRows?.filter((r) => policyEndpointOf(r.key) === endpoint);
  }, [policyRows, endpoint]);
  const pods = useMemo(() => nodes?.find((n) => n.name === node)?.pods ?? [], [nodes, node]);
  const cli = spec?.id === 'policy' ? (endpoint !== undefined ? [`bpf policy get ${endpoint}`] : []) : spec?.cli;
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
      <div className="map-body" role="tabpanel" ref={bodyRef}>
        {spec?.id === 'policy' && <PolicyFilter ids={policyIds} chosen={endpoint} pods={pods} />}
        {cli?.map((line) => <CliBlock key={line} line={node ? `cilium -n ${node} ${line}` : undefined} title={line} />)}
        {spec?.maps.map((map) => (
          <MapTable
            key={map}
            map={map}
            rows={map === 'cilium_policy' ? shownRows : tables?.find((x) => x.map === map)?.rows}
            touched={keysOf(touched, map)}
            written={keysOf(written, map)}
            labels={labels}
          />
        ))}
      </div>
    </div>
  );
}

/** `map key` ids of one map, joined: a string so memo compares by value. */
function keysOf(ids: Set<string>, map: string): string {
  const prefix = `${map} `;
  return [...ids].filter((id) => id.startsWith(prefix)).map((id) => id.slice(prefix.length)).join('\n');
}

interface TableLabels {
  empty: string;
  key: string;
  value: string;
  isNew: string;
}

const MapTable = memo(function MapTable({ map, rows, touched, written, labels }: { map: string; rows: TableRows['rows'] | undefined; touched: string; written: string; labels: TableLabels }) {
  const hot = new Set(touched ? touched.split('\n') : []);
  const fresh = new Set(written ? written.split('\n') : []);
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
              const isHot = hot.has(r.key);
              const isNew = fresh.has(r.key);
              return (
                <tr key={r.key} data-key={r.key} aria-current={isHot ? 'true' : undefined} className={`${isHot ? 'is-touched' : ''}${isNew ? ' is-new' : ''}`}>
                  <td title={r.key}>
                    {isNew && <span className="new-badge">{labels.isNew}</span>}
                    {/* The endpoint is chosen above the table: its id prefix would only push the value off screen. */}
                    {map === 'cilium_policy' ? r.key.replace(/^cilium_policy_\d+ /, '') : r.key}
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
});

function CliBlock({ line, title }: { line: string | undefined; title: string }) {
  const out = useCli(line);
  return (
    <details className="cli-block">
      <summary>
        <code>cilium {title}</code>
      </summary>
      <pre>{out}</pre>
    </details>
  );
}
