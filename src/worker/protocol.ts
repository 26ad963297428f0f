/**
 * The whole worker protocol in one file (STYLE: duckdb-wasm's worker_request.ts).
 * Requests carry an `id`; replies carry the `requestId` they answer; pushed
 * messages (progress, error) carry neither. Errors cross as {name, message}
 * because Error objects lose their class when structured-cloned.
 */
import { FlowError, SettingsError, type FlowRequest, type Settings, type TraceComparison, type CiliumView, type FlowFilter, type ObservedLine, type MapRow, type TableRows, type Trace, type Message } from '../engine/index.ts';
import type { AgentCapture, AgentResult, ObservedFlow, ReplayResult } from '../engine/index.ts';
import type { ScenarioIssue } from '../scenario/model.ts';
import type { SysdumpReport } from '../scenario/sysdump/index.ts';
import type { LoadProgress } from '../scenario/progress.ts';
import type { ScenarioSummary } from './summary.ts';

export type { CiliumView, LoadProgress, MapRow, ScenarioSummary, TableRows };

/**
 * Requests that read a trace name it by its flow (a traced Trace's `flow`):
 * traces are deterministic, so the host answers from the one it holds or
 * traces it again. Nothing refers to "the last trace" implicitly.
 */
export type WorkerRequest =
  | { id: number; type: 'loadScenario'; text: string; name: string }
  /**
   * A chosen file, read in the worker (the page never holds its text): JSON or YAML, by content, or a
   * cilium-sysdump zip (unzipped here too; its report and the agents' differences come back with the load).
   */
  | { id: number; type: 'loadScenario'; file: Blob; name: string }
  | { id: number; type: 'setSettings'; settings: Settings }
  | { id: number; type: 'trace'; flow: FlowRequest }
  /** The same flow under other settings, aligned with the current datapath's trace of it. */
  | { id: number; type: 'compare'; flow: FlowRequest; settings: Settings }
  /**
   * A node's tables as the agent programmed them, before any traffic. Asked
   * once per node and datapath: the page replays each step's map operations
   * itself (src/engine/maps/replay.ts).
   */
  | { id: number; type: 'tables'; node: string }
  /** `hubble observe` over a flow's trace: every line, each with the hop it reports. */
  | { id: number; type: 'hubble'; flow: FlowRequest; query: HubbleQuery }
  /** A `cilium-dbg` view on a node, for every step of a flow's trace (none: before any traffic). */
  | { id: number; type: 'cilium'; node: string; view: CiliumView; flow: FlowRequest | undefined }
  /**
   * A command run on a node or in a pod (`ssh k8s-w1 ip -c route`, `kubectl exec netpod -- ip neigh`):
   * the target's name and the command's words, never a shell line; for every step of the flow's trace.
   */
  | { id: number; type: 'exec'; target: string; argv: string[]; flow: FlowRequest | undefined }
  /**
   * Predict mode: the same flow (same seed) under each of several other configurations, each named by the
   * caller's id; one the agent refuses answers with its reason instead of a trace.
   */
  | { id: number; type: 'alternatives'; flow: FlowRequest; variants: { id: string; settings: Settings }[] }

  /** A cilium-sysdump's agent tables (cilium-bugtool output) against the loaded model, node by node. */
  | { id: number; type: 'agents'; captures: AgentCapture[] }
  /** A real Hubble flow traced by its 5-tuple and compared with the model's prediction. */
  | { id: number; type: 'replay'; flow: ObservedFlow };

export type RequestType = WorkerRequest['type'];

/** What each request answers with (the `value` of its ok reply). */
export interface ReplyValue {
  loadScenario: LoadReply;
  setSettings: ScenarioSummary;
  trace: Trace;
  compare: CompareReply;
  tables: TableRows[];
  hubble: HubbleLine[];
  cilium: CiliumReply;
  exec: ExecReply;
  alternatives: AlternativeTrace[];
  agents: AgentResult[];
  replay: ReplayResult;
}

/** One configuration's trace of the flow, or why the agent refused that configuration. */
export type AlternativeTrace = { id: string; trace: Trace } | { id: string; error: string };

export type LoadReply =
  | { ok: true; summary: ScenarioSummary; sysdump?: SysdumpLoaded }
  | { ok: false; errors: ScenarioIssue[] };

/** What a cilium-sysdump zip held beside its objects, and its agents' tables against the model just derived. */
export interface SysdumpLoaded {
  report: SysdumpReport;
  agents: AgentResult[];
}

/** Side B of a comparison: its trace, its cluster (tunnel mode adds devices) and the alignment with A. */
export interface CompareReply {
  trace: Trace;
  summary: ScenarioSummary;
  comparison: TraceComparison;
}

/** What `hubble observe` prints, as flags give it: a filter and the output form. */
export interface HubbleQuery {
  filter: FlowFilter;
  output?: 'compact' | 'json';
  printNodeName?: boolean;
}

/** One printed line and the `seq` of the hop it reports (the page shows those up to its cursor). */
export type HubbleLine = ObservedLine;

/**
 * A cilium view's text per step: each entry holds from its `step` (-1:
 * before the first hop) until the next entry's. A view changes only at the
 * hops that write the node's maps, so the list is short.
 */
export type CiliumReply = { ok: true; texts: { step: number; text: string }[] } | { ok: false; error: string };

/** A node or pod command's output per step, as a cilium view's (stderr, like tcpdump's banner, first). */
export type ExecReply = CiliumReply;

/** The text of a view at the player's step. */
export function ciliumTextAt(texts: readonly { step: number; text: string }[], step: number): string {
  let out = '';
  for (const t of texts) if (t.step <= step) out = t.text;
  return out;
}

export interface WireError {
  name: string;
  message: string;
  /** FlowError.known: the names that would have worked. */
  known?: string[];
  /** FlowError's (or a SettingsError's) words, rendered by the page in its language. */
  explain?: Message;
}

export type WorkerReply =
  | { requestId: number; ok: true; value: ReplyValue[RequestType] }
  | { requestId: number; ok: false; error: WireError };

/** Where the engine is in a long request (the page shows the last one while it waits). */
export type ProgressStage = 'ready' | 'parsing' | 'deriving';

/** Messages the worker sends unasked (`load`: where a loadScenario is, at most every 100 ms). */
export type WorkerPush =
  | { type: 'progress'; stage: ProgressStage; load?: LoadProgress }
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
      // Refused settings carry their words too (the page says them in its language).
      ...(e instanceof SettingsError && e.says ? { explain: e.says } : {}),
    };
  }
  return { name: 'Error', message: String(e) };
}
