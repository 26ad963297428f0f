/**
 * The hop's proof, on screen without a click (issue #7 point 3): the map rows
 * it read or wrote, answer rows included (the socket LB's master row, chosen
 * slot and backend), each raw as the cilium CLI prints it with its value in
 * words beside it; and the client's strace line beside tcpdump's line, whole.
 */
import { useMemo } from 'react';
import { selectCurrentEvent, selectEvents } from '../../state/selectors.ts';
import type { CaptureTarget } from '../../engine/index.ts';
import type { ScenarioSummary } from '../../worker/summary.ts';
import { useApp, useT } from '../app/context.tsx';
import { decodeRow, rawValue } from '../panels/decode.ts';
import { targetId } from '../terminal/tcpdump.ts';
import { hopLines } from './evidence-lines.ts';
import { opOutcome, type OpOutcome } from './op-outcome.ts';

/** cilium_lb4_services_v2 → services_v2: the prefix is the same on every row. */
const shortMap = (m: string) => m.replace(/^cilium_(lb4_)?/, '');

export function EvidenceRows() {
  const t = useT();
  const ev = useApp(selectCurrentEvent);
  const asked = useApp((s) => s.evidence?.map?.rows);
  // The rows a request names (a lesson stop's maps) first, so they are the ones on screen; then the hop's others.
  const ops = useMemo(() => {
    const all = ev?.maps ?? [];
    if (!asked?.length) return all;
    const named = new Set(asked);
    return [...all.filter((o) => named.has(o.key)), ...all.filter((o) => !named.has(o.key))];
  }, [ev, asked]);
  const lookup = useMemo(() => (map: string, key: string) => ops.find((o) => o.map === map && o.key === key)?.value, [ops]);
  if (!ev) return null;
  return (
    // A tab stop, so a long list of rows scrolls from the keyboard.
    <section className="evidence-rows" aria-label={t('evidence.rows')} data-testid="evidence-rows" tabIndex={0}>
      {/* h2: the page's sections are h2 under the title (axe heading-order); the map panel's heading follows. */}
      <h2>{t('evidence.rows')}</h2>
      {ops.length === 0 ? (
        <p className="muted">{t('evidence.noRows')}</p>
      ) : (
        <ul>
          {ops.map((op, i) => {
            const outcome = opOutcome(op);
            const words = decodeRow(op, lookup);
            const raw = rawValue(op);
            return (
              <li key={i} className={`evidence-row is-${outcome}`} data-map={op.map} data-testid="evidence-row">
                <div className="evidence-raw">
                  <span className="evidence-map">{shortMap(op.map)}</span>{' '}
                  <span className={`evidence-op is-${outcome}`}>{outcomeWord(t, outcome)}</span>{' '}
                  <code className="evidence-key">{op.key}</code>
                  {raw && <code className="evidence-value"> → {raw}</code>}
                </div>
                {words && (
                  <div className="evidence-words" data-testid="evidence-words">
                    {t(words.key, words.params)}
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function outcomeWord(t: ReturnType<typeof useT>, o: OpOutcome): string {
  switch (o) {
    case 'hit':
      return t('inspector.hit');
    case 'miss':
      return t('evidence.notFound');
    case 'inserted':
      return t('evidence.inserted');
    case 'updated':
      return t('evidence.updated');
    case 'deleted':
      return t('inspector.op.delete');
  }
}

/** strace | tcpdump, side by side, each line whole (wrapped, never cut). */
export function EvidenceLines() {
  const t = useT();
  const events = useApp(selectEvents);
  const step = useApp((s) => s.step);
  const summary = useApp((s) => s.summary);
  const client = useApp((s) => (s.trace?.client.kind === 'pod' ? `${s.trace.client.namespace}/${s.trace.client.name}` : undefined));
  const clientName = useApp((s) => (s.trace?.client.kind === 'pod' ? s.trace.client.name : ''));
  const asked = useApp((s) => s.evidence?.tcpdump);
  const target = useMemo(() => (summary && asked ? targetOf(summary, asked) : undefined), [summary, asked]);
  const lines = useMemo(
    () => (summary && events.length ? hopLines(events, step, summary, client, target) : undefined),
    [events, step, summary, client, target],
  );
  const td = lines?.tcpdump;
  const where = td ? (td.target.kind === 'pod' ? td.target.pod.replace(/^default\//, '') : td.target.node) : '';
  return (
    <div className="evidence-lines" data-testid="evidence-lines">
      <div className="evidence-line">
        <code className="term-cmd" title={t('evidence.strace')}>
          $ kubectl exec {clientName} -- strace -e trace=network
        </code>
        {/* A tab stop: the fixed-height pane scrolls a long line from the keyboard. */}
        <pre data-testid="evidence-strace" tabIndex={0} aria-label={t('evidence.strace')}>{lines?.strace ?? t('evidence.noStrace')}</pre>
      </div>
      <div className="evidence-line">
        <code className="term-cmd" title={t('evidence.tcpdump')}>
          {where} $ tcpdump -n -i {td?.iface ?? 'eth0'}
          {td?.next && td.line ? ` · ${t('evidence.nextPacket')}` : ''}
        </code>
        <pre data-testid="evidence-tcpdump" tabIndex={0} aria-label={t('evidence.tcpdump')}>{td?.line ?? t('evidence.noTcpdump')}</pre>
      </div>
    </div>
  );
}

/** A target the store names (`tcpdumpAt`, a lesson's evidence) in the current scenario. */
function targetOf(summary: ScenarioSummary, id: string): CaptureTarget | undefined {
  for (const n of summary.nodes) {
    for (const p of n.pods) {
      const pod: CaptureTarget = { kind: 'pod', node: n.name, pod: p.key, podIp: p.ip };
      if (targetId(pod) === id) return pod;
      const lxc: CaptureTarget = { kind: 'device', node: n.name, iface: p.lxc };
      if (targetId(lxc) === id) return lxc;
    }
    const dev: CaptureTarget = { kind: 'device', node: n.name, iface: n.device };
    if (targetId(dev) === id) return dev;
    const [node, iface] = id.split('/');
    if (node === n.name && iface && !iface.includes('@')) return { kind: 'device', node: n.name, iface };
  }
  return undefined;
}
