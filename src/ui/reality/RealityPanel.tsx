/**
 * The real cluster beside the model: a sysdump's report (object files found
 * and missing, each agent's tables against the model's) and a list of real
 * Hubble flows; choosing one traces its 5-tuple and says, aspect by aspect,
 * where the real flow and the predicted path agree and where they differ.
 * A side panel, not a modal: the topology behind it shows the flow.
 */
import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import { issueMessage, render } from '../../i18n/index.ts';
import { realityStore } from '../../state/reality.ts';
import { useApp, useServices, useT } from '../app/context.tsx';
import { chooseFlow, openHubbleText } from './open-real.ts';
import type { ObservedFlow } from '../../engine/index.ts';

const MAX_ROWS = 500;
const MAX_DIFFS = 40;

const end = (e: ObservedFlow['source']) => `${e.podName ? `${e.namespace ?? ''}/${e.podName}` : e.ip}${e.port ? `:${e.port}` : ''}`;

export function RealityPanel() {
  const open = useStore(realityStore, (s) => s.open);
  const t = useT();
  if (!open) return null;
  return (
    <aside className="reality-panel" aria-label={t('reality.title')} data-testid="reality-panel">
      <div className="reality-head">
        <h2>{t('reality.title')}</h2>
        <button type="button" onClick={() => realityStore.setState({ open: false, observed: undefined })}>
          {t('scenario.close')}
        </button>
      </div>
      <SysdumpReport />
      <FlowList />
      <Replay />
    </aside>
  );
}

function SysdumpReport() {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const sysdump = useStore(realityStore, (s) => s.sysdump);
  if (!sysdump) return null;
  const { report, agents } = sysdump;
  return (
    <section className="reality-sysdump" data-testid="sysdump-report">
      <h3>{report.zip}</h3>
      <p>{t('reality.found')}</p>
      <ul className="reality-files">
        {report.found.map((f) => (
          <li key={f.path}>
            <code>{f.path.slice(f.path.lastIndexOf('/') + 1)}</code> {f.holds}: {f.objects}
          </li>
        ))}
      </ul>
      <p>{report.missing.length ? t('reality.missing') : t('reality.missing.none')}</p>
      {report.missing.length > 0 && (
        <ul className="reality-files">
          {report.missing.map((m) => <li key={m}><code>{m}</code></li>)}
        </ul>
      )}
      {agents.length === 0 && <p>{t('reality.agents.none')}</p>}
      {agents.map((a) => (
        <div key={a.pod} className="reality-agent">
          <h4>{a.node ? t('reality.agent', { pod: a.pod, node: a.node }) : t('reality.agent.unknown', { pod: a.pod })}</h4>
          {a.node && a.comparison.tables.map((tb) => (
            <div key={tb.table}>
              <p className={tb.differences.length ? 'differ' : 'agree'}>
                <code>{tb.command}</code>{' '}
                {(tb.says ? render(lang, tb.says) : tb.error) ?? t('reality.rows', { cluster: tb.clusterRows, model: tb.modelRows, n: tb.differences.length })}
              </p>
              {tb.differences.length > 0 && (
                <ul className="reality-diffs">
                  {tb.differences.slice(0, MAX_DIFFS).map((d, i) => <li key={i}>{render(lang, d)}</li>)}
                  {tb.differences.length > MAX_DIFFS && <li>{t('reality.more', { n: tb.differences.length - MAX_DIFFS })}</li>}
                </ul>
              )}
            </div>
          ))}
        </div>
      ))}
      {report.hubbleFlows.length > 1 && (
        <p>
          {report.hubbleFlows.map((h) => {
            const name = h.path.slice(h.path.lastIndexOf('/') + 1);
            return <button key={h.path} type="button" onClick={() => openHubbleText(name, h.text)}>{name}</button>;
          })}
        </p>
      )}
    </section>
  );
}

function FlowList() {
  const t = useT();
  const services = useServices();
  const hubble = useStore(realityStore, (s) => s.hubble);
  const chosen = useStore(realityStore, (s) => s.chosen?.index);
  const lang = useApp((s) => s.lang);
  if (!hubble) return null;
  return (
    <section className="reality-flows">
      <h3>{t('reality.flows', { name: hubble.name, n: hubble.flows.length })}</h3>
      {hubble.issues.length > 0 && (
        <ul className="reality-issues" role="alert">
          {hubble.issues.slice(0, 5).map((i) => <li key={i.line}>{issueMessage(lang, i)}</li>)}
          {hubble.issues.length > 5 && <li>{t('reality.more', { n: hubble.issues.length - 5 })}</li>}
        </ul>
      )}
      <table className="reality-table" data-testid="hubble-flows">
        <thead>
          <tr>
            <th>{t('reality.col.time')}</th>
            <th>{t('reality.col.source')}</th>
            <th>{t('reality.col.destination')}</th>
            <th>{t('reality.col.verdict')}</th>
            <th>{t('reality.col.point')}</th>
            <th>{t('reality.col.drop')}</th>
          </tr>
        </thead>
        <tbody>
          {hubble.flows.slice(0, MAX_ROWS).map((f, i) => (
            <tr key={f.line} className={`${chosen === i ? 'is-chosen' : ''} verdict-${f.verdict.toLowerCase()}`} aria-selected={chosen === i}>
              <td>
                <button type="button" onClick={() => void chooseFlow(services, i)} aria-label={t('reality.choose', { line: f.line })}>
                  {f.time.slice(11, 23) || `#${f.line}`}
                </button>
              </td>
              <td>{end(f.source)}</td>
              <td>{end(f.destination)}</td>
              <td>{f.verdict}</td>
              <td>{f.observationPoint ?? ''}{f.nodeName ? ` @ ${f.nodeName}` : ''}</td>
              <td>{f.dropReason ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Replay() {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const chosen = useStore(realityStore, (s) => s.chosen);
  const box = useRef<HTMLElement>(null);
  // The panel is short: bring the answer into view when it arrives.
  useEffect(() => box.current?.scrollIntoView?.({ block: 'nearest' }), [chosen?.result]);
  if (!chosen) return null;
  if (!chosen.result) return <p role="status">{t('reality.replaying')}</p>;
  const { request, aspects } = chosen.result;
  return (
    <section ref={box} className="reality-replay" data-testid="replay-result" aria-live="polite">
      <h3>{t('reality.compare')}</h3>
      {request && <p><code>{`${request.from} → ${request.to} ${request.proto}${request.port ? `:${request.port}` : ''}`}</code></p>}
      <ul>
        {aspects.map((a, i) => (
          <li key={i} className={a.agree ? 'agree' : 'differ'}>
            <span aria-hidden="true">{a.agree ? '✓ ' : '✗ '}</span>
            <span className="sr-only">{a.agree ? t('reality.agree') : t('reality.differ')} </span>
            {render(lang, a.says)}
          </li>
        ))}
      </ul>
    </section>
  );
}
