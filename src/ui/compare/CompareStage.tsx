/**
 * The compare view: the same flow under two settings, side by side. Each
 * side has its hop sentence and its own topology (side B may have tunnel
 * devices side A lacks); below, the aligned hop lists with the shared
 * cursor. The map panel, inspector and terminal views fold away here so
 * both drawings fit a 1280x720 projector.
 *
 * Presenter mode draws ONE drawing for both sides (they run the same
 * scenario): two side-by-side drawings would each get half the projector and
 * type under 14 px. Both markers walk the shared drawing in their side's
 * colour, each with its letter and its half of the callout band; beside it
 * each side's hop sentence and its strace | tcpdump lines, so the proof of
 * both sides is on screen without a click.
 */
import type { Message } from '../../engine/index.ts';
import { render } from '../../i18n/index.ts';
import { specPairs } from '../../state/compare.ts';
import { useApp, useT } from '../app/context.tsx';
import { ErrorBoundary } from '../ErrorBoundary.tsx';
import { Topology } from '../topology/Topology.tsx';
import { AlignedList } from './AlignedList.tsx';
import { SideCaption, sideBName } from './SideCaption.tsx';
import { SideEvidence } from './SideEvidence.tsx';

function CompareHeader() {
  const t = useT();
  const c = useApp((s) => s.compare);
  const row = useApp((s) => s.row);
  const traceError = useApp((s) => s.traceError);
  if (!c) return null;
  if (traceError) {
    return (
      <p className="compare-head is-error" role="alert">
        {t('flow.error', { message: traceError.message })} {traceError.known.length > 0 && t('flow.known', { names: traceError.known.join(', ') })}
      </p>
    );
  }
  if (c.error) {
    return (
      <p className="compare-head is-error" role="alert" data-testid="compare-error">
        {t('compare.error', { message: c.error })}
      </p>
    );
  }
  if (!c.trace) return <p className="compare-head">{t('compare.loading')}</p>;
  return (
    <>
      <CompareDifferences />
      <p className="compare-head" data-testid="compare-summary">
        <strong>{t('compare.summary', { a: c.hopsA, b: c.hopsB, n: c.differing, total: c.rows.length })}</strong>
        <span className="compare-row">{t('compare.row', { n: row + 1, total: c.rows.length })}</span>
        <span className="compare-legend">
          <span className="aligned-mark">=</span> {t('compare.both')} <span className="aligned-mark diff-a">A</span> {t('compare.onlyA')}{' '}
          <span className="aligned-mark diff-b">B</span> {t('compare.onlyB')}{' '}
          <span className="aligned-mark diff-pair">≠</span> {t('compare.changed')}
        </span>
      </p>
    </>
  );
}

/**
 * What really differs between the two paths (engine/compare-features.ts), one line per side:
 * "B: per-packet DNAT in bpf_lxc, kernel routing via the stack", or that the path is the same.
 */
function CompareDifferences() {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const d = useApp((s) => s.compare?.differences);
  const spec = useApp((s) => s.compare?.spec ?? '');
  if (!d) return null;
  const line = (ms: readonly Message[]) => ms.map((m) => render(lang, m)).join(', ');
  if (d.a.length === 0 && d.b.length === 0) {
    return (
      <p className="compare-differs" data-testid="compare-differs">
        {t('compare.samePath', { pairs: specPairs(spec) })}
      </p>
    );
  }
  return (
    <p className="compare-differs" data-testid="compare-differs">
      {d.a.length > 0 && <span className="differs-a">{t('compare.differsA', { what: line(d.a) })}</span>}
      {d.b.length > 0 && <span className="differs-b">{t('compare.differsB', { what: line(d.b) })}</span>}
    </p>
  );
}

export function CompareStage() {
  const presenter = useApp((s) => s.presenter);
  return presenter ? <SharedStage /> : <SideBySideStage />;
}

/** What differs and the hop counts, above both layouts. */
function HeadPane() {
  return (
    <section className="compare-head-pane">
      <ErrorBoundary inline>
        <CompareHeader />
      </ErrorBoundary>
    </section>
  );
}

/** A side's name for screen readers: "A, as configured" or "B, <what side B changes>". */
const sideLabel = (t: ReturnType<typeof useT>, side: 'a' | 'b', spec: string) =>
  side === 'a' ? t('compare.sideA') : t('compare.sideB', { what: sideBName(t, spec) });

/**
 * Presenter mode: the header and the shared drawing left, each side's hop and proof right. The aligned
 * hop list is left out: the callouts and the sides' captions say each side's hop, → steps the rows.
 */
function SharedStage() {
  const t = useT();
  const spec = useApp((s) => s.compare?.spec ?? '');
  return (
    <main className="stage compare-stage is-shared" data-testid="compare-stage">
      <HeadPane />
      <section className="topology-pane compare-shared">
        <ErrorBoundary inline>
          <Topology shared />
        </ErrorBoundary>
      </section>
      {/* One column for both sides, from the top: their proof needs the height more than the header does. */}
      <div className="compare-sides">
        {(['a', 'b'] as const).map((side) => (
          <section key={side} className={`compare-side compare-side-${side}`} aria-label={sideLabel(t, side, spec)}>
            <ErrorBoundary inline>
              <SideCaption side={side} />
              <SideEvidence side={side} />
            </ErrorBoundary>
          </section>
        ))}
      </div>
    </main>
  );
}

function SideBySideStage() {
  const t = useT();
  const spec = useApp((s) => s.compare?.spec ?? '');
  const hasB = useApp((s) => s.compare?.trace !== undefined);
  return (
    <main className="stage compare-stage" data-testid="compare-stage">
      <HeadPane />
      {(['a', 'b'] as const).map((side) => (
        <section key={side} className={`compare-side compare-side-${side}`} aria-label={sideLabel(t, side, spec)}>
          <ErrorBoundary inline>
            <SideCaption side={side} />
            <div className="compare-topology">{side === 'a' || hasB ? <Topology side={side} /> : null}</div>
          </ErrorBoundary>
        </section>
      ))}
      <section className="compare-list-pane">
        <ErrorBoundary inline>
          <AlignedList />
        </ErrorBoundary>
      </section>
    </main>
  );
}
