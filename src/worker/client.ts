/**
 * Promise-based client of the engine worker. If the worker dies, pending
 * requests fail, a fresh worker is started and the current scenario and
 * settings are sent to it again, so the page carries on (it is told, to say so).
 */
import type { Message } from '../engine/index.ts';
import {
  isReply,
  type ProgressStage,
  type ReplyValue,
  type RequestBody,
  type WireError,
  type WorkerMessage,
  type WorkerRequest,
} from './protocol.ts';

/** The part of a Worker the client uses (a fake one in tests). */
export interface WorkerLike {
  postMessage(message: WorkerRequest): void;
  terminate(): void;
  onmessage: ((ev: MessageEvent<WorkerMessage>) => void) | null;
  onerror: ((ev: Event) => void) | null;
}

export type ClientEvent =
  | { type: 'restarted'; reason: string }
  | { type: 'pushed-error'; error: WireError }
  | { type: 'progress'; stage: ProgressStage };

/** An error that crossed from the worker, with its original name. */
export class RemoteError extends Error {
  readonly known: string[];
  /** A FlowError's message, to be rendered in the page's language. */
  readonly explain: Message | undefined;
  constructor(e: WireError) {
    super(e.message);
    this.name = e.name;
    this.known = e.known ?? [];
    this.explain = e.explain;
  }
}

interface Pending {
  resolve: (v: never) => void;
  reject: (e: Error) => void;
}

export class EngineClient {
  private worker: WorkerLike;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  /** Requests replayed into a restarted worker, in order. */
  private readonly replay = new Map<'loadScenario' | 'setSettings', RequestBody>();
  private listeners: ((e: ClientEvent) => void)[] = [];

  constructor(private readonly spawn: () => WorkerLike) {
    this.worker = this.start();
  }

  on(listener: (e: ClientEvent) => void): () => void {
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  request<B extends RequestBody>(body: B): Promise<ReplyValue[B['type']]> {
    const id = this.nextId++;
    const promise = new Promise<ReplyValue[B['type']]>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: never) => void, reject });
    });
    this.worker.postMessage({ ...body, id } as WorkerRequest);
    if (body.type === 'loadScenario' || body.type === 'setSettings') {
      const type = body.type;
      promise.then(
        (v) => {
          const loaded = type === 'setSettings' || (v as ReplyValue['loadScenario']).ok;
          if (loaded) this.replay.set(type, body);
        },
        () => undefined,
      );
    }
    return promise;
  }

  /** Kills the worker as a crash would (tests use it to exercise the restart). */
  crash(reason: string): void {
    this.restart(reason);
  }

  dispose(): void {
    this.worker.terminate();
    this.failPending('the engine was closed');
  }

  private start(): WorkerLike {
    const w = this.spawn();
    w.onmessage = (ev) => this.receive(ev.data);
    w.onerror = (ev) => {
      const msg = (ev as ErrorEvent).message;
      this.restart(msg ? `the engine worker failed: ${msg}` : 'the engine worker failed');
    };
    return w;
  }

  private receive(m: WorkerMessage): void {
    if (!isReply(m)) {
      if (m.type === 'error') this.emit({ type: 'pushed-error', error: m.error });
      else this.emit({ type: 'progress', stage: m.stage });
      return;
    }
    const p = this.pending.get(m.requestId);
    if (!p) return;
    this.pending.delete(m.requestId);
    if (m.ok) p.resolve(m.value as never);
    else p.reject(new RemoteError(m.error));
  }

  private restart(reason: string): void {
    this.worker.onmessage = null;
    this.worker.onerror = null;
    this.worker.terminate();
    this.failPending(reason);
    this.worker = this.start();
    // The scenario must be there before settings are applied to it.
    for (const type of ['loadScenario', 'setSettings'] as const) {
      const body = this.replay.get(type);
      if (body) this.worker.postMessage({ ...body, id: this.nextId++ } as WorkerRequest);
    }
    this.emit({ type: 'restarted', reason });
  }

  private failPending(reason: string): void {
    for (const p of this.pending.values()) p.reject(new Error(reason));
    this.pending.clear();
  }

  private emit(e: ClientEvent): void {
    for (const l of this.listeners) l(e);
  }
}
