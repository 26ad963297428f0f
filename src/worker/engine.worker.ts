/**
 * Worker entry: a shim that feeds protocol requests to the EngineHost and
 * posts its answers. All logic lives in host.ts so tests run it in-process.
 */
import { EngineHost } from './host.ts';
import { REAL_ENGINE } from './real-engine.ts';
import { withYaml } from './yaml-on-demand.ts';
import { toWireError, type WorkerMessage, type WorkerRequest } from './protocol.ts';

/** The worker global, typed by what is used (the app's lib is DOM, not WebWorker). */
const scope = globalThis as unknown as {
  onmessage: ((ev: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerMessage): void;
  addEventListener(type: 'unhandledrejection', listener: (ev: PromiseRejectionEvent) => void): void;
};

function post(message: WorkerMessage): void {
  scope.postMessage(message);
}

// The views, compare, predict, sysdump and replay code is a chunk of its own, fetched on the first request that
// needs it: the first drawing waits for none of it (bench: JS fetched until the topology shows).
const extras = () => import('./formats.ts').then((m) => m.engineFormats(REAL_ENGINE));
const host = new EngineHost(REAL_ENGINE, extras, (stage, load) => post({ type: 'progress', stage, ...(load ? { load } : {}) }));

/** Requests are answered in the order they came, also while a chosen file is being read. */
let queue: Promise<void> = Promise.resolve();
/**
 * A scenario text this small is tried without the yaml package (a built-in: the opening one needs none);
 * a larger one or a chosen file waits for the package first, so it is never parsed twice.
 */
const TRY_WITHOUT_YAML = 256 * 1024;

scope.onmessage = (ev: MessageEvent<WorkerRequest>) => {
  const req = ev.data;
  queue = queue.then(async () => {
    try {
      // A chosen file is read here, in the worker (host.handleAsync); everything else answers at once.
      // A small scenario is loaded again if it needed the yaml package; a big one fetches it first (yaml-on-demand.ts).
      const fetchYamlFirst = req.type === 'loadScenario' && ('file' in req || req.text.length > TRY_WITHOUT_YAML);
      post({ requestId: req.id, ok: true, value: await withYaml(() => host.handleAsync(req), fetchYamlFirst) });
    } catch (e) {
      post({ requestId: req.id, ok: false, error: toWireError(e) });
    }
  });
};

scope.addEventListener('unhandledrejection', (ev) => post({ type: 'error', error: toWireError(ev.reason) }));
post({ type: 'progress', stage: 'ready' });
