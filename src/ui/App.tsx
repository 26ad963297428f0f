/**
 * The page, laid out for a 16:9 projector: flow picker and playback on top,
 * the topology centre-left with the hop sentence above it, the map panel on
 * the right, the hop inspector and the views (hop list, Hubble, tcpdump,
 * strace, terminal) below. Each region has its own error boundary.
 */
import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { useApp, useServices, useT } from './app/context.tsx';
import { Deferred } from './app/Deferred.tsx';
import { Stalled } from './app/Stalled.tsx';
import { CompareControl } from './compare/CompareControl.tsx';
import { CompareStage } from './compare/CompareStage.tsx';
import { FlowPicker, Presets } from './controls/FlowPicker.tsx';
import { useKeyboard } from './controls/keys.ts';
import { Playback } from './controls/Playback.tsx';
import { SettingsBar } from './controls/SettingsBar.tsx';
import { ViewToggles } from './controls/ViewToggles.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { HopAnnouncer } from './help/HopAnnouncer.tsx';
import { ExportButtons } from './export/ExportButtons.tsx';
import { KeyHint } from './help/KeyHint.tsx';
import { LessonBar, LessonMenu } from './lessons/LessonBar.tsx';
import { Legend } from './help/Legend.tsx';
import { EvidenceLines, EvidenceRows } from './evidence/HopEvidence.tsx';
import { HopCaption } from './hop/HopCaption.tsx';
import { HopInspector } from './hop/HopInspector.tsx';
import { MapPanel } from './panels/MapPanel.tsx';
import { ScenarioPicker } from './scenario/OpenScenario.tsx';
import { Views } from './terminal/Views.tsx';
import { Topology } from './topology/Topology.tsx';
import { predicting } from '../state/predict/player.ts';
import { realityStore } from '../state/reality.ts';
import { usePredictKeys } from './predict/use-predict-keys.ts';

// Panels most visits never open load on first use, so their code is not fetched before the drawing shows.
const Handout = lazy(() => import('./lessons/Handout.tsx').then((m) => ({ default: m.Handout })));
const RealityPanel = lazy(() => import('./reality/RealityPanel.tsx').then((m) => ({ default: m.RealityPanel })));
const PredictPanel = lazy(() => import('./predict/PredictPanel.tsx').then((m) => ({ default: m.PredictPanel })));

/** The real cluster's panel, fetched once a sysdump or a Hubble file opened it. */
function Reality() {
  const open = useStore(realityStore, (s) => s.open);
  return open ? (
    <Suspense fallback={null}>
      <RealityPanel />
    </Suspense>
  ) : null;
}

/** The predict question, fetched once predict mode is on. */
function Predict() {
  const on = useApp(predicting);
  return on ? (
    <Suspense fallback={null}>
      <PredictPanel />
    </Suspense>
  ) : null;
}

/** Mirrors theme, language and presenter mode onto <html> for CSS and screen readers. */
function useDocumentView() {
  const theme = useApp((s) => s.theme);
  const lang = useApp((s) => s.lang);
  const presenter = useApp((s) => s.presenter);
  useEffect(() => {
    const el = document.documentElement;
    el.dataset.theme = theme;
    el.lang = lang;
    el.dataset.presenter = presenter ? 'on' : 'off';
  }, [theme, lang, presenter]);
}

/** A pane; `scrolls` makes it a tab stop so the keyboard can scroll it (it then needs a label). */
function Region({ className, children, label, scrolls }: { className: string; children: ReactNode; label?: string; scrolls?: boolean }) {
  return (
    <section className={className} aria-label={label} tabIndex={scrolls ? 0 : undefined}>
      <ErrorBoundary inline>{children}</ErrorBoundary>
    </section>
  );
}

function Notice() {
  const t = useT();
  const { store } = useServices();
  const notice = useApp((s) => s.notice);
  if (!notice) return null;
  return (
    <div className="notice" role="status">
      {notice}{' '}
      <button type="button" className="link" onClick={() => store.setState({ notice: undefined })} aria-label={t('notice.dismiss')}>
        ✕
      </button>
    </div>
  );
}

export function App() {
  const t = useT();
  const { store } = useServices();
  const comparing = useApp((s) => s.compare !== undefined);
  const handout = useApp((s) => s.handout);
  useDocumentView();
  useKeyboard(store);
  usePredictKeys(store);
  return (
    <>
    {handout && (
      <Suspense fallback={null}>
        <Handout />
      </Suspense>
    )}
    <div className="app">
      <header className="topbar">
        <div className="topbar-row">
          <h1 className="brand">{t('app.title')}</h1>
          <ErrorBoundary inline>
            <Presets />
            <LessonMenu />
            <ScenarioPicker />
            <ViewToggles />
          </ErrorBoundary>
        </div>
        <div className="topbar-row">
          <ErrorBoundary inline>
            <FlowPicker />
            <Playback />
          </ErrorBoundary>
        </div>
        <div className="topbar-row topbar-secondary">
          <ErrorBoundary inline>
            <CompareControl />
            <SettingsBar />
          </ErrorBoundary>
        </div>
        <ErrorBoundary inline>
          <LessonBar />
        </ErrorBoundary>
      </header>
      <div className="notices">
        <Notice />
        <Stalled />
      </div>
      {comparing ? <CompareStage /> : <SingleStage />}
      <ErrorBoundary inline>
        <KeyHint />
        <Legend />
        <HopAnnouncer />
        <Reality />
      </ErrorBoundary>
    </div>
    </>
  );
}

/** The one-trace page: caption, topology, maps, inspector and views. */
function SingleStage() {
  const t = useT();
  return (
    <main className="stage">
      <Region className="caption-pane" label={t('caption.label')} scrolls>
        <HopCaption />
      </Region>
      <Region className="topology-pane">
        <Topology tools={<ExportButtons />} />
      </Region>
      <Region className="maps-pane" label={t('maps.title')}>
        <Deferred>
          <EvidenceRows />
          <MapPanel />
        </Deferred>
        <Predict />
      </Region>
      {/* Fixed height, like the caption: the drawing's box never moves between hops. */}
      <Region className="lines-pane" label={t('evidence.title')}>
        <Deferred>
          <EvidenceLines />
        </Deferred>
      </Region>
      <Region className="inspector-pane" label={t('inspector.title')} scrolls>
        <Deferred>
          <HopInspector />
        </Deferred>
      </Region>
      <Region className="views-pane">
        <Deferred>
          <Views />
        </Deferred>
      </Region>
    </main>
  );
}
