/**
 * Builds the page's services and brings the view the URL describes:
 * scenario, settings, flow and step. Order matters: the scenario must be
 * loaded before settings apply to it, and the flow is traced last.
 */
import builtins from 'virtual:scenarios';
import lessons from 'virtual:lessons';
import type { FlowRequest } from '../../engine/index.ts';
import { defaultLang, render, translate, type Lang } from '../../i18n/index.ts';
import { DEFAULT_SCENARIO } from '../../scenario/builtin.ts';
import { createActions } from '../../state/actions.ts';
import { startClock } from '../../state/player.ts';
import { flowFits, presetsFor } from '../../state/presets.ts';
import { createAppStore } from '../../state/store.ts';
import { readUrl, syncUrl } from '../../state/url.ts';
import { watchPredict } from '../../state/predict/load.ts';
import type { Services } from './context.tsx';
import { fetchScenario, type EarlyStart } from './engine-start.ts';
import { openLesson, startLessons } from '../lessons/driver.ts';

/** The page's first language: the URL's, else the browser's. */
export function initialLang(): Lang {
  return readUrl(window.location.search).lang ?? defaultLang(navigator.languages ?? [navigator.language]);
}

export function createServices(early: EarlyStart): Services {
  const url = readUrl(window.location.search);
  const lang = initialLang();
  const prefersLight = window.matchMedia?.('(prefers-color-scheme: light)').matches ?? false;
  const store = createAppStore({
    lang,
    theme: url.theme ?? (prefersLight ? 'light' : 'dark'),
    presenter: url.presenter ?? false,
    predict: url.predict ?? false,
    handout: (url.handout ?? false) && url.lesson !== undefined,
    scenarioName: url.scenario ?? DEFAULT_SCENARIO,
  });
  const { client } = early;
  // Each preloaded scenario is used once; a later choice of the same name loads again.
  const preloaded = (name: string) => {
    const pre = early.preloaded.get(name);
    early.preloaded.delete(name);
    return pre;
  };
  const presummary = (name: string) => {
    const pre = early.presummary.get(name);
    early.presummary.delete(name);
    return pre;
  };
  const actions = createActions(store, client, fetchScenario, preloaded, presummary);
  client.on((e) => {
    if (e.type === 'progress') store.setState({ engineStage: e.stage, ...(e.load && store.getState().busy ? { loadProgress: e.load } : {}) });
    if (e.type === 'stalled') store.setState({ stalled: e.request && e.since !== undefined ? { request: e.request, since: e.since } : undefined });
    if (e.type !== 'restarted') return;
    store.setState((s) => ({ notice: translate(s.lang, e.cancelled ? 'app.cancelled' : 'app.workerRestarted') }));
    void actions.retrace(true);
  });
  watchPredict(store, client);
  startClock(store, { setTimeout: (fn, ms) => window.setTimeout(fn, ms), clearTimeout: (h) => window.clearTimeout(h as number) });
  let urlTimer: number | undefined;
  syncUrl(store, window.history, window.location, (write) => {
    window.clearTimeout(urlTimer);
    urlTimer = window.setTimeout(write, 150);
  });
  const lessonDriver = startLessons(store, actions, lessons);
  return { store, actions, client, builtins: builtins.length ? builtins : [DEFAULT_SCENARIO], lessons, lessonDriver };
}

/** Loads the URL's scenario (or the default), its settings, and traces its flow at its step. */
export async function openInitialView(services: Services): Promise<void> {
  const { store, actions } = services;
  const url = readUrl(window.location.search);
  // A lesson link opens its stop: the lesson names the scenario, settings and flow.
  const notices: string[] = [];
  if (url.lesson !== undefined) {
    if (openLesson(store, services.lessons, url.lesson, (url.stop ?? 1) - 1)) return;
    store.setState({ handout: false });
    notices.push(translate(store.getState().lang, 'lesson.unknown', { name: url.lesson.slice(0, 60) }));
  }
  const wanted = url.scenario ?? DEFAULT_SCENARIO;
  // Marks for the bench and DevTools: where startup time goes.
  performance.mark('flowlab:load-start');
  let ok = await actions.loadBuiltin(wanted);
  performance.mark('flowlab:scenario-loaded');
  const lang = store.getState().lang;
  // What the link asked for and the page could not do is said, not silently replaced.
  if (!ok && wanted !== DEFAULT_SCENARIO) {
    ok = await actions.loadBuiltin(DEFAULT_SCENARIO);
    const name = wanted.length > 60 ? `${wanted.slice(0, 60)}…` : wanted;
    if (ok) notices.push(translate(lang, 'app.urlUnknownScenario', { name, fallback: DEFAULT_SCENARIO }));
  }
  if (!ok) return;
  if (url.settings && Object.keys(url.settings).length) await actions.setSettings(url.settings, { retrace: false });
  if (url.settingsError) notices.push(render(lang, url.settingsError));
  for (const i of url.ignored ?? []) notices.push(translate(lang, 'app.urlIgnored', { ...i }));
  if (notices.length) store.setState((s) => ({ notice: [s.notice, ...notices].filter(Boolean).join(' ') }));
  const summary = store.getState().summary;
  if (!summary) return;
  const fromUrl: FlowRequest | undefined =
    url.from && url.to ? { from: url.from, to: url.to, proto: url.proto ?? 'icmp', ...(url.port ? { port: url.port } : {}) } : undefined;
  const presets = presetsFor(summary);
  const flow = fromUrl ?? presets.find((p) => p.id === 'cross-node')?.flow ?? presets[0]?.flow;
  if (flow) await actions.setFlow(flow, url.compare ? 0 : url.step);
  performance.mark('flowlab:traced');
  if (url.compare) await actions.setCompare(url.compare, url.step);
}

/** After loading another scenario: keep the flow if its names still exist, else its first preset. */
export async function traceAfterLoad(services: Services): Promise<void> {
  const { store, actions } = services;
  const s = store.getState();
  if (!s.summary) return;
  if (flowFits(s.flow, s.summary)) return actions.retrace(false);
  const preset = presetsFor(s.summary)[0];
  if (preset) await actions.setFlow(preset.flow);
}
