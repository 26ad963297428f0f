/**
 * Worker entry: a shim that feeds protocol requests to the EngineHost and
 * posts its answers. All logic lives in host.ts so tests run it in-process.
 */
import { engineFormats } from './formats.ts';
import { EngineHost } from './host.ts';
import { REAL_ENGINE } from './real-engine.ts';
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

const host = new EngineHost(REAL_ENGINE, engineFormats(REAL_ENGINE), (stage, load) => post({ type: 'progress', stage, ...(load ? { load } : {}) }));

/** Requests are answered in the order they came, also while a chosen file is being read. */
let queue: Promise<void> = Promise.resolve();

scope.onmessage = (ev: MessageEvent<WorkerRequest>) => {
  const req = ev.data;
  queue = queue.then(async () => {
    try {
      // A chosen file is read here, in the worker (host.handleAsync); everything else answers at once.
      post({ requestId: req.id, ok: true, value: await host.handleAsync(req) });
    } catch (e) {
      post({ requestId: req.id, ok: false, error: toWireError(e) });
    }
  });
};

scope.addEventListener('unhandledrejection', (ev) => post({ type: 'error', error: toWireError(ev.reason) }));
post({ type: 'progress', stage: 'ready' });
