/**
 * Builds the page's services and brings the view the URL describes:
 * scenario, settings, flow and step. Order matters: the scenario must be
 * loaded before settings apply to it, and the flow is traced last.
 */
import builtins from 'virtual:scenarios';
import type { FlowRequest } from '../../engine/api.ts';
import { defaultLang, translate } from '../../i18n/index.ts';
import { createActions } from '../../state/actions.ts';
import { startClock } from '../../state/player.ts';
import { flowFits, presetsFor } from '../../state/presets.ts';
import { createAppStore } from '../../state/store.ts';
import { readUrl, syncUrl } from '../../state/url.ts';
import { EngineClient, type WorkerLike } from '../../worker/client.ts';
import type { Services } from './context.tsx';

const DEFAULT_SCENARIO = 'kans-lab';

async function fetchScenario(name: string): Promise<string> {
  if (!/^[\w.-]+$/.test(name)) throw new Error(`${name}: not a scenario name`);
  const res = await fetch(`${import.meta.env.BASE_URL}scenarios/${name}.yaml`);
  if (!res.ok) throw new Error(`scenario ${name}: ${res.status} ${res.statusText}`);
  return res.text();
}

export function createServices(): Services {
  const url = readUrl(window.location.search);
  const lang = url.lang ?? defaultLang(navigator.languages ?? [navigator.language]);
  const prefersLight = window.matchMedia?.('(prefers-color-scheme: light)').matches ?? false;
  const store = createAppStore({
    lang,
    theme: url.theme ?? (prefersLight ? 'light' : 'dark'),
    presenter: url.presenter ?? false,
    scenarioName: url.scenario ?? DEFAULT_SCENARIO,
  });
  const client = new EngineClient(
    () =>
      new Worker(new URL('../../worker/engine.worker.ts', import.meta.url), { type: 'module', name: 'flowlab-engine' }) as unknown as WorkerLike,
  );
  const actions = createActions(store, client, fetchScenario);
  client.on((e) => {
    if (e.type !== 'restarted') return;
    store.setState((s) => ({ notice: translate(s.lang, 'app.workerRestarted') }));
    void actions.retrace(true);
  });
  startClock(store, { setTimeout: (fn, ms) => window.setTimeout(fn, ms), clearTimeout: (h) => window.clearTimeout(h as number) });
  syncUrl(store, window.history, window.location);
  return { store, actions, client, builtins: builtins.length ? builtins : [DEFAULT_SCENARIO] };
}

/** Loads the URL's scenario (or the default), its settings, and traces its flow at its step. */
export async function openInitialView(services: Services): Promise<void> {
  const { store, actions } = services;
  const url = readUrl(window.location.search);
  const wanted = url.scenario ?? DEFAULT_SCENARIO;
  let ok = await actions.loadBuiltin(wanted);
  if (!ok && wanted !== DEFAULT_SCENARIO) ok = await actions.loadBuiltin(DEFAULT_SCENARIO);
  if (!ok) return;
  if (url.settings && Object.keys(url.settings).length) await actions.setSettings(url.settings, { retrace: false });
  const summary = store.getState().summary;
  if (!summary) return;
  const fromUrl: FlowRequest | undefined =
    url.from && url.to ? { from: url.from, to: url.to, proto: url.proto ?? 'icmp', ...(url.port ? { port: url.port } : {}) } : undefined;
  const presets = presetsFor(summary);
  const flow = fromUrl ?? presets.find((p) => p.id === 'cross-node')?.flow ?? presets[0]?.flow;
  if (flow) await actions.setFlow(flow, url.step);
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
