/**
 * One side's proof in the compare view's presenter layout: the client's
 * strace line beside tcpdump's line at that side's hop, each whole (wrapped,
 * never cut). The same lines as the single view's strip (evidence-lines.ts),
 * read from the side's own trace, step and scenario.
 */
import { useMemo } from 'react';
import type { Side } from '../../state/compare.ts';
import { SIDES } from '../../state/selectors.ts';
import { useApp, useT } from '../app/context.tsx';
import { hopLines } from '../evidence/evidence-lines.ts';

export function SideEvidence({ side }: { side: Side }) {
  const t = useT();
  const sel = SIDES[side];
  const trace = useApp(sel.trace);
  const step = useApp(sel.step);
  const summary = useApp(sel.summary);
  const client = trace?.client.kind === 'pod' ? trace.client : undefined;
  const lines = useMemo(
    () => (summary && trace?.events.length ? hopLines(trace.events, step, summary, client && `${client.namespace}/${client.name}`) : undefined),
    [trace, step, summary, client],
  );
  const td = lines?.tcpdump;
  const where = td ? (td.target.kind === 'pod' ? td.target.pod.replace(/^default\//, '') : td.target.node) : '';
  const letter = side.toUpperCase();
  return (
    <div className={`evidence-lines side-evidence side-evidence-${side}`} data-testid={`compare-evidence-${side}`} role="group" aria-label={t('compare.evidence', { side: letter })}>
      <div className="evidence-line">
        <code className="term-cmd">{t('compare.straceOf', { pod: client?.name ?? '–' })}</code>
        <pre data-testid="evidence-strace" tabIndex={0} aria-label={`${letter}: ${t('evidence.strace')}`}>{lines?.strace ?? t('evidence.noStrace')}</pre>
      </div>
      <div className="evidence-line">
        <code className="term-cmd">
          {t('compare.tcpdumpOf', { where: `${where} ${td?.iface ?? 'eth0'}` })}
          {td?.next && td.line ? ` · ${t('evidence.nextPacket')}` : ''}
        </code>
        <pre data-testid="evidence-tcpdump" tabIndex={0} aria-label={`${letter}: ${t('evidence.tcpdump')}`}>{td?.line ?? t('evidence.noTcpdump')}</pre>
      </div>
    </div>
  );
}
