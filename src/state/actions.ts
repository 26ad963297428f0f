/**
 * What the page asks of the engine: each action sends a request through the
 * client and folds the answer into the store. A generation counter drops
 * answers that a newer request has made stale (a fast flow change while a
 * trace is still computing).
 */
import { message as words, type FlowRequest, type Settings } from '../engine/index.ts';
import type { EngineClient } from '../worker/client.ts';
import type { LoadReply, ScenarioSummary, SysdumpLoaded } from '../worker/protocol.ts';
import { CancelledError, RemoteError } from '../worker/client.ts';
import { NO_COMPARISON, rowOfStep, sideBSettings, sideStep } from './compare.ts';
import { clampStep } from './player.ts';
import type { AppStore } from './store.ts';

export interface Actions {
  loadBuiltin(name: string): Promise<boolean>;
  loadText(text: string, name: string): Promise<boolean>;
  /**
   * A chosen file, read in the worker (its text never comes to the page). A cilium-sysdump zip is unzipped
   * there too; what it held beside its objects goes to `onSysdump` once the scenario loaded.
   */
  loadFile(file: Blob, name: string, onSysdump?: (sysdump: SysdumpLoaded) => void): Promise<boolean>;
  setSetting(key: string, value: string | undefined): Promise<void>;
  setSettings(settings: Settings, opts?: { retrace: boolean }): Promise<void>;
  setFlow(flow: FlowRequest, step?: number): Promise<void>;
  /** Re-runs the current flow; keeps the step when it still exists. */
  retrace(keepStep: boolean): Promise<void>;
  /** Opens the compare view against `spec` (preset id or `key:value,...`); undefined closes it. */
  setCompare(spec: string | undefined, row?: number): Promise<void>;
}

export type FetchText = (name: string) => Promise<string>;
/** A built-in scenario the page already sent to the worker during startup. */
export type PreloadFor = (name: string) => Promise<{ text: string; reply: LoadReply }> | undefined;
/** The build's summary of a built-in scenario, to draw before the worker answers. */
export type Presummary = (name: string) => Promise<ScenarioSummary | undefined> | undefined;

const sideStepA = (rows: Parameters<typeof sideStep>[0], row: number) => sideStep(rows, row, 'a');

export function createActions(store: AppStore, client: EngineClient, fetchText: FetchText, preloaded?: PreloadFor, presummary?: Presummary): Actions {
  let traceGen = 0;
  let compareGen = 0;

  const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
  /** Why a flow cannot be traced: a FlowError's message (rendered by the view in its language), else the text. */
  const flowMessage = (e: unknown) => (e instanceof RemoteError && e.explain ? e.explain : message(e));

  async function retrace(keepStep: boolean, step?: number): Promise<void> {
    const gen = ++traceGen;
    const { flow } = store.getState();
    try {
      const trace = await client.request({ type: 'trace', flow });
      if (gen !== traceGen) return;
      store.setState((s) => {
        const want = step ?? (keepStep ? s.step : 0);
        return { trace, traceError: undefined, step: clampStep({ trace }, want), playing: false };
      });
      const spec = store.getState().compare?.spec;
      if (spec !== undefined) await compare(spec, keepStep ? undefined : 0);
    } catch (e) {
      if (gen !== traceGen) return;
      const known = e instanceof RemoteError ? e.known : [];
      // Side B of a comparison was the old flow: it goes too (the view shows side A's error).
      store.setState((s) => ({
        trace: undefined,
        traceError: { message: flowMessage(e), known },
        step: 0,
        row: 0,
        playing: false,
        compare: s.compare && { ...s.compare, ...NO_COMPARISON },
      }));
    }
  }

  /**
   * Traces side B. A failure (the agent refuses the settings) is kept on the
   * compare state, so side A and its trace stay on screen with the reason.
   */
  async function compare(spec: string, row?: number): Promise<void> {
    const gen = ++compareGen;
    const { flow, settings, step } = store.getState();
    const parsed = sideBSettings(settings, spec);
    if (!parsed.ok) {
      store.setState({ compare: { spec, settings: {}, ...NO_COMPARISON, error: words('settings.url.compare', { spec, error: parsed.says }) } });
      return;
    }
    const b = parsed.settings;
    try {
      const reply = await client.request({ type: 'compare', flow, settings: b });
      if (gen !== compareGen || store.getState().compare?.spec !== spec) return;
      const { rows, hopsA, hopsB, differing, differences } = reply.comparison;
      const at = row ?? rowOfStep(rows, step);
      const r = Math.min(Math.max(0, at), Math.max(0, rows.length - 1));
      store.setState({
        compare: { spec, settings: b, trace: reply.trace, summary: reply.summary, rows, hopsA, hopsB, differing, differences, error: undefined },
        row: r,
        step: sideStepA(rows, r),
        playing: false,
      });
    } catch (e) {
      if (gen !== compareGen || store.getState().compare?.spec !== spec) return;
      store.setState({ compare: { spec, settings: b, ...NO_COMPARISON, error: flowMessage(e) }, row: 0 });
    }
  }

  async function loadText(text: string, name: string, early?: Promise<LoadReply>): Promise<boolean> {
    store.setState({ draftText: text });
    return load(early ?? client.request({ type: 'loadScenario', text, name }), name, text.length);
  }

  /** Waits for a load; a failed or cancelled one leaves the loaded scenario (and its trace) as they were. */
  async function load(
    reply: Promise<LoadReply>, name: string, totalBytes: number, onSysdump?: (s: SysdumpLoaded) => void,
  ): Promise<boolean> {
    store.setState({ busy: true, loadProgress: { phase: 'read', bytes: 0, totalBytes, objects: 0 } });
    try {
      const r = await reply;
      if (!r.ok) {
        store.setState({ loadErrors: r.errors, busy: false, loadProgress: undefined });
        return false;
      }
      store.setState({ summary: r.summary, scenarioName: name, loadErrors: [], busy: false, loadProgress: undefined, notice: undefined });
      if (r.sysdump) onSysdump?.(r.sysdump);
      return true;
    } catch (e) {
      // Cancel is what the person asked for: the page says so (bootstrap's 'restarted'), no error is listed.
      const loadErrors = e instanceof CancelledError ? [] : [{ severity: 'error' as const, message: message(e) }];
      store.setState({ busy: false, loadProgress: undefined, loadErrors });
      return false;
    }
  }

  async function applySettings(settings: Settings, opts = { retrace: true }): Promise<void> {
    try {
      const summary = await client.request({ type: 'setSettings', settings });
      store.setState({ summary, settings: summary.settings, settingsError: undefined });
      if (opts.retrace) await retrace(true);
    } catch (e) {
      // The worker keeps the old datapath, so the trace on screen stays valid.
      store.setState({ settingsError: { message: flowMessage(e), settings } });
    }
  }

  return {
    async loadBuiltin(name) {
      // First paint: the build's summary, if it comes before the worker's (replaced by it below).
      void presummary?.(name)?.then((summary) => {
        if (summary && !store.getState().summary) store.setState({ summary, scenarioName: name });
      });
      let text: string;
      let early: Promise<LoadReply> | undefined;
      try {
        const pre = preloaded?.(name);
        if (pre) {
          const p = await pre;
          text = p.text;
          early = Promise.resolve(p.reply);
        } else text = await fetchText(name);
      } catch (e) {
        store.setState({ notice: message(e) });
        return false;
      }
      const ok = await loadText(text, name, early);
      if (ok) store.setState({ draftText: '' });
      return ok;
    },
    loadText: (text, name) => loadText(text, name),
    loadFile: (file, name, onSysdump) => load(client.request({ type: 'loadScenario', file, name }), name, file.size, onSysdump),
    setSetting(key, value) {
      const settings = { ...store.getState().settings };
      if (value === undefined) delete settings[key];
      else settings[key] = value;
      return applySettings(settings);
    },
    setSettings: applySettings,
    async setFlow(flow, step) {
      store.setState({ flow });
      await retrace(false, step);
    },
    retrace: (keepStep) => retrace(keepStep),
    async setCompare(spec, row) {
      if (spec === undefined) {
        compareGen++;
        store.setState({ compare: undefined, row: 0 });
        return;
      }
      store.setState((s) => ({ compare: { spec, settings: s.compare?.settings ?? {}, ...NO_COMPARISON, error: undefined } }));
      await compare(spec, row);
    },
  };
}
