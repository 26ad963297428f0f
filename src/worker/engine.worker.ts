/**
 * Worker entry: a shim that feeds protocol requests to the EngineHost and
 * posts its answers. All logic lives in host.ts so tests run it in-process.
 */
import { derive, initialTables, tablesAt, traceFlow } from '../engine/index.ts';
import { loadScenario } from '../scenario/load.ts';
import { engineFormats } from './formats.ts';
import { EngineHost } from './host.ts';
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

const engine = { loadScenario, derive, traceFlow, initialTables, tablesAt };
const host = new EngineHost(engine, engineFormats(engine), (stage) => post({ type: 'progress', stage }));

scope.onmessage = (ev: MessageEvent<WorkerRequest>) => {
  const req = ev.data;
  try {
    post({ requestId: req.id, ok: true, value: host.handle(req) });
  } catch (e) {
    post({ requestId: req.id, ok: false, error: toWireError(e) });
  }
};

scope.addEventListener('unhandledrejection', (ev) => post({ type: 'error', error: toWireError(ev.reason) }));
post({ type: 'progress', stage: 'ready' });
