/**
 * What the page asks of the engine: each action sends a request through the
 * client and folds the answer into the store. A generation counter drops
 * answers that a newer request has made stale (a fast flow change while a
 * trace is still computing).
 */
import type { FlowRequest, Settings } from '../engine/api.ts';
import type { EngineClient } from '../worker/client.ts';
import type { LoadReply } from '../worker/protocol.ts';
import { RemoteError } from '../worker/client.ts';
import { clampStep } from './player.ts';
import type { AppStore } from './store.ts';

export interface Actions {
  loadBuiltin(name: string): Promise<boolean>;
  loadText(text: string, name: string): Promise<boolean>;
  setSetting(key: string, value: string | undefined): Promise<void>;
  setSettings(settings: Settings, opts?: { retrace: boolean }): Promise<void>;
  setFlow(flow: FlowRequest, step?: number): Promise<void>;
  /** Re-runs the current flow; keeps the step when it still exists. */
  retrace(keepStep: boolean): Promise<void>;
}

export type FetchText = (name: string) => Promise<string>;
/** A built-in scenario the page already sent to the worker during startup. */
export type Preloaded = (name: string) => Promise<{ text: string; reply: LoadReply }> | undefined;

export function createActions(store: AppStore, client: EngineClient, fetchText: FetchText, preloaded?: Preloaded): Actions {
  let traceGen = 0;

  const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

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
    } catch (e) {
      if (gen !== traceGen) return;
      const known = e instanceof RemoteError ? e.known : [];
      store.setState({ trace: undefined, traceError: { message: message(e), known }, step: 0, playing: false });
    }
  }

  async function loadText(text: string, name: string, early?: Promise<LoadReply>): Promise<boolean> {
    store.setState({ busy: true, draftText: text });
    try {
      const reply = await (early ?? client.request({ type: 'loadScenario', text, name }));
      if (!reply.ok) {
        store.setState({ loadErrors: reply.errors, busy: false });
        return false;
      }
      store.setState({ summary: reply.summary, scenarioName: name, loadErrors: [], busy: false, notice: undefined });
      return true;
    } catch (e) {
      store.setState({ busy: false, loadErrors: [{ severity: 'error', message: message(e) }] });
      return false;
    }
  }

  async function applySettings(settings: Settings, opts = { retrace: true }): Promise<void> {
    try {
      const summary = await client.request({ type: 'setSettings', settings });
      store.setState({ summary, settings: summary.settings });
      if (opts.retrace) await retrace(true);
    } catch (e) {
      store.setState({ notice: message(e) });
    }
  }

  return {
    async loadBuiltin(name) {
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
  };
}
