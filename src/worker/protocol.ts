/**
 * The whole worker protocol in one file (STYLE: duckdb-wasm's worker_request.ts).
 * Requests carry an `id`; replies carry the `requestId` they answer; pushed
 * messages (progress, error) carry neither. Errors cross as {name, message}
 * because Error objects lose their class when structured-cloned.
 */
import type { FlowRequest, Settings } from '../engine/api.ts';
import type { TraceComparison } from '../engine/compare.ts';
import type { Trace } from '../engine/trace.ts';
import type { ScenarioIssue } from '../scenario/model.ts';
import type { ScenarioSummary } from './summary.ts';
import { FlowError } from '../engine/api.ts';
import type { Message } from '../engine/messages.ts';

export type { ScenarioSummary };

/** One map's rows as of a step, in insertion order. */
export interface TableRows {
  map: string;
  rows: { key: string; value: string }[];
}

export type WorkerRequest =
  | { id: number; type: 'loadScenario'; text: string; name: string }
  | { id: number; type: 'setSettings'; settings: Settings }
  | { id: number; type: 'trace'; flow: FlowRequest }
  /** The same flow under other settings, aligned with the current datapath's trace of it. */
  | { id: number; type: 'compare'; flow: FlowRequest; settings: Settings }
  | { id: number; type: 'tables'; node: string; step: number }
  | { id: number; type: 'cli'; line: string; step: number };

export type RequestType = WorkerRequest['type'];

/** What each request answers with (the `value` of its ok reply). */
export interface ReplyValue {
  loadScenario: LoadReply;
  setSettings: ScenarioSummary;
  trace: Trace;
  compare: CompareReply;
  tables: TableRows[];
  cli: CliReply;
}

export type LoadReply =
  | { ok: true; summary: ScenarioSummary }
  | { ok: false; errors: ScenarioIssue[] };

/** Side B of a comparison: its trace, its cluster (tunnel mode adds devices) and the alignment with A. */
export interface CompareReply {
  trace: Trace;
  summary: ScenarioSummary;
  comparison: TraceComparison;
}

export interface CliReply {
  /** The terminal text; an error message when `ok` is false. */
  output: string;
  ok: boolean;
}

export interface WireError {
  name: string;
  message: string;
  /** FlowError.known: the names that would have worked. */
  known?: string[];
  /** FlowError's message id and params, rendered by the page in its language. */
  explain?: Message;
}

export type WorkerReply =
  | { requestId: number; ok: true; value: ReplyValue[RequestType] }
  | { requestId: number; ok: false; error: WireError };

/** Messages the worker sends unasked. */
export type WorkerPush =
  | { type: 'progress'; stage: string }
  | { type: 'error'; error: WireError };

export type WorkerMessage = WorkerReply | WorkerPush;

export function isReply(m: WorkerMessage): m is WorkerReply {
  return 'requestId' in m;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A request without its id, as the client's callers write it. */
export type RequestBody = DistributiveOmit<WorkerRequest, 'id'>;

export function toWireError(e: unknown): WireError {
  if (e instanceof Error) {
    const known = (e as { known?: unknown }).known;
    return {
      name: e.name,
      message: e.message,
      ...(Array.isArray(known) ? { known: known.map(String) } : {}),
      ...(e instanceof FlowError ? { explain: { id: e.id, params: e.params } } : {}),
    };
  }
  return { name: 'Error', message: String(e) };
}
