/**
 * Promise-based client of the engine worker. If the worker dies, pending
 * requests fail, a fresh worker is started and the current scenario and
 * settings are sent to it again, so the page carries on (it is told, to say so).
 *
 * A watchdog: a request that has not answered after `stallMs` is reported
 * ('stalled', with the oldest such request), so the page can show it and
 * offer Cancel. A worker busy in a loop never answers and never fails, so
 * only the page can end it: cancel() terminates it and starts a fresh one
 * with the last scenario and settings that loaded (not the stuck request).
 * A load that reports progress is alive however long it takes: each report
 * restarts its watchdog (a 100k-pod file takes longer than `stallMs`).
 */
import type { Message } from '../engine/index.ts';
import type { LoadProgress } from '../scenario/progress.ts';
import {
  isReply,
  type RequestType,
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
  | { type: 'restarted'; reason: string; cancelled: boolean }
  /** A request has run past the watchdog's limit (`request` undefined: none is late any more). */
  | { type: 'stalled'; request: RequestType | undefined; since: number | undefined }
  | { type: 'pushed-error'; error: WireError }
  | { type: 'progress'; stage: ProgressStage; load?: LoadProgress };

/** How a request ends when the person pressed Cancel (the page says so; it is not a load error). */
export class CancelledError extends Error {
  override readonly name = 'CancelledError';
}

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
  type: RequestType;
  since: number;
  late: boolean;
  timer: unknown;
}

/** The timers the watchdog uses (fake ones in tests). */
export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface ClientOptions {
  /** How long a request may run before the page is told (ms). */
  stallMs?: number;
  clock?: Clock;
}

/** Long enough for the largest built-in scenario on a slow laptop; short enough that a stuck page is noticed. */
export const STALL_MS = 8_000;

const realClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export class EngineClient {
  private worker: WorkerLike;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  /** Requests replayed into a restarted worker, in order. */
  private readonly replay = new Map<'loadScenario' | 'setSettings', RequestBody>();
  private listeners: ((e: ClientEvent) => void)[] = [];

  private readonly stallMs: number;
  private readonly clock: Clock;

  constructor(
    private readonly spawn: () => WorkerLike,
    options: ClientOptions = {},
  ) {
    this.stallMs = options.stallMs ?? STALL_MS;
    this.clock = options.clock ?? realClock;
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
      const timer = this.clock.setTimeout(() => this.late(id), this.stallMs);
      this.pending.set(id, { resolve: resolve as (v: never) => void, reject, type: body.type, since: this.clock.now(), late: false, timer });
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

  /** Ends whatever the worker is doing: a fresh worker with the last scenario and settings that loaded. */
  cancel(): void {
    this.restart('cancelled: the engine was restarted with the previous scenario', true);
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
      else {
        if (m.load) this.alive('loadScenario');
        this.emit({ type: 'progress', stage: m.stage, ...(m.load ? { load: m.load } : {}) });
      }
      return;
    }
    const p = this.pending.get(m.requestId);
    if (!p) return;
    this.settle(m.requestId, p);
    if (m.ok) p.resolve(m.value as never);
    else p.reject(new RemoteError(m.error));
  }

  /** The worker said it is working on requests of this type: their watchdogs start again. */
  private alive(type: RequestType): void {
    let wasLate = false;
    for (const [id, p] of this.pending) {
      if (p.type !== type) continue;
      this.clock.clearTimeout(p.timer);
      p.timer = this.clock.setTimeout(() => this.late(id), this.stallMs);
      wasLate ||= p.late;
      p.late = false;
    }
    if (wasLate) this.reportLate();
  }

  private restart(reason: string, cancelled = false): void {
    this.worker.onmessage = null;
    this.worker.onerror = null;
    this.worker.terminate();
    this.failPending(reason, cancelled);
    this.worker = this.start();
    // The scenario must be there before settings are applied to it.
    for (const type of ['loadScenario', 'setSettings'] as const) {
      const body = this.replay.get(type);
      if (body) this.worker.postMessage({ ...body, id: this.nextId++ } as WorkerRequest);
    }
    this.emit({ type: 'restarted', reason, cancelled });
  }

  private failPending(reason: string, cancelled = false): void {
    for (const [id, p] of [...this.pending]) {
      this.settle(id, p);
      p.reject(cancelled ? new CancelledError(reason) : new Error(reason));
    }
  }

  /** A request is answered (or failed): its watchdog stops, and the page hears when none is late any more. */
  private settle(id: number, p: Pending): void {
    this.clock.clearTimeout(p.timer);
    this.pending.delete(id);
    if (p.late) this.reportLate();
  }

  private late(id: number): void {
    const p = this.pending.get(id);
    if (!p) return;
    p.late = true;
    this.reportLate();
  }

  /** The oldest late request, or none. */
  private reportLate(): void {
    const oldest = [...this.pending.values()].find((p) => p.late);
    this.emit({ type: 'stalled', request: oldest?.type, since: oldest?.since });
  }

  private emit(e: ClientEvent): void {
    for (const l of this.listeners) l(e);
  }
}
