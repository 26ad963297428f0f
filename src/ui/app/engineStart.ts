/**
 * The first thing the page does, before React and the app's code are even
 * evaluated: start the engine worker and fetch the scenario the URL names,
 * so both load in parallel with the UI's JavaScript (time to topology).
 */
import { EngineClient, type WorkerLike } from '../../worker/client.ts';
import type { LoadReply } from '../../worker/protocol.ts';

export interface EarlyStart {
  client: EngineClient;
  /** Scenarios already fetched and sent to the worker, by name: the text and the worker's answer. */
  preloaded: Map<string, Promise<Preloaded>>;
}

export interface Preloaded {
  text: string;
  reply: LoadReply;
}

export const DEFAULT_SCENARIO = 'kans-lab';

export async function fetchScenario(name: string): Promise<string> {
  if (!/^[\w.-]+$/.test(name)) throw new Error(`${name}: not a scenario name`);
  const res = await fetch(`${import.meta.env.BASE_URL}scenarios/${name}.yaml`);
  if (!res.ok) throw new Error(`scenario ${name}: ${res.status} ${res.statusText}`);
  return res.text();
}

export function startEngine(): EarlyStart {
  const client = new EngineClient(
    () =>
      new Worker(new URL('../../worker/engine.worker.ts', import.meta.url), { type: 'module', name: 'flowlab-engine' }) as unknown as WorkerLike,
  );
  const name = new URLSearchParams(window.location.search).get('scenario') || DEFAULT_SCENARIO;
  const loaded = fetchScenario(name).then(async (text) => ({ text, reply: await client.request({ type: 'loadScenario', text, name }) }));
  // A failure is reported when the app asks for this scenario, not here.
  loaded.catch(() => undefined);
  return { client, preloaded: new Map([[name, loaded]]) };
}
