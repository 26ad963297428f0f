/**
 * The first thing the page does, before React and the app's code are even
 * evaluated: start the engine worker and fetch the scenario the URL names,
 * so both load in parallel with the UI's JavaScript (time to topology).
 */
import { DEFAULT_SCENARIO } from '../../scenario/builtin.ts';
import { EngineClient, type WorkerLike } from '../../worker/client.ts';
import type { LoadReply, ScenarioSummary } from '../../worker/protocol.ts';

export interface EarlyStart {
  client: EngineClient;
  /** Scenarios already fetched and sent to the worker, by name: the text and the worker's answer. */
  preloaded: Map<string, Promise<PreloadedScenario>>;
  /**
   * The build's summary of a built-in scenario (vite.config.ts), fetched at
   * once: the topology draws from it while the worker is still parsing the
   * YAML. Only without `set=` in the URL (other settings can add devices).
   */
  presummary: Map<string, Promise<ScenarioSummary | undefined>>;
}

export interface PreloadedScenario {
  text: string;
  reply: LoadReply;
}

export async function fetchScenario(name: string): Promise<string> {
  if (!/^[\w.-]+$/.test(name)) throw new Error(`${name}: not a scenario name`);
  const res = await fetch(`${import.meta.env.BASE_URL}scenarios/${name}.yaml`);
  if (!res.ok) throw new Error(`scenario ${name}: ${res.status} ${res.statusText}`);
  return res.text();
}

async function fetchSummary(name: string): Promise<ScenarioSummary | undefined> {
  try {
    const res = await fetch(`${import.meta.env.BASE_URL}scenarios/${name}.summary.json`);
    return res.ok ? ((await res.json()) as ScenarioSummary) : undefined;
  } catch {
    return undefined; // dev server or a pasted scenario: the worker's answer is enough
  }
}

export function startEngine(): EarlyStart {
  const query = new URLSearchParams(window.location.search);
  // `watchdog=MS`: how long a request may run before the page offers Cancel (worker/client.ts; default 8 s).
  const watchdog = Number(query.get('watchdog'));
  const client = new EngineClient(
    () =>
      new Worker(new URL('../../worker/engine.worker.ts', import.meta.url), { type: 'module', name: 'flowlab-engine' }) as unknown as WorkerLike,
    Number.isInteger(watchdog) && watchdog >= 100 ? { stallMs: watchdog } : {},
  );
  const name = query.get('scenario') || DEFAULT_SCENARIO;
  const presummary = new Map(/^[\w.-]+$/.test(name) && !query.has('set') ? [[name, fetchSummary(name)]] : []);
  const loaded = fetchScenario(name).then(async (text) => ({ text, reply: await client.request({ type: 'loadScenario', text, name }) }));
  // A failure is reported when the app asks for this scenario, not here.
  loaded.catch(() => undefined);
  return { client, preloaded: new Map([[name, loaded]]), presummary };
}
