/**
 * The engine host: holds the scenario, its Datapath and the current Trace,
 * and answers protocol requests by calling the engine. It runs inside the
 * worker (engine.worker.ts) and in-process in unit tests, so both run the
 * same code (STYLE: duckdb-wasm's async_bindings).
 */
import { compareAgents, compareTraces, replayFlow, tableRows, type FlowRequest, type Settings, type Datapath, type HopEvent, type MapTables, type Trace } from '../engine/index.ts';
import type { ClusterModel, LoadResult } from '../scenario/model.ts';
import type {
  CiliumReply,
  CiliumView,
  CompareReply,
  ExecReply,
  HubbleLine,
  HubbleQuery,
  LoadReply,
  ProgressStage,
  ReplyValue,
  TableRows,
  WorkerRequest,
} from './protocol.ts';
import { summarize, type ScenarioSummary } from './summary.ts';

/** The engine functions the host needs (the agreed names of src/engine/index.ts). */
export interface EngineFns {
  loadScenario(text: string, name: string): LoadResult;
  derive(model: ClusterModel, settings?: Settings): Datapath;
  traceFlow(dp: Datapath, req: FlowRequest): Trace;
  /** A node's tables before any traffic (cached per datapath by the engine). */
  initialTables(dp: Datapath, node: string): MapTables;
  tablesAt(dp: Datapath, trace: Trace | undefined, step: number, node: string): MapTables;
}

/** The views the page shows, as the formats code prints them. */
export interface CliFormats {
  /** A `cilium-dbg` view on one node as of `step`; throws with the command's error. */
  cilium(dp: Datapath, trace: Trace | undefined, step: number, node: string, view: CiliumView): string;
  /** A command on a node or in a pod, as of `step`; throws with the command's error. */
  exec(dp: Datapath, trace: Trace | undefined, step: number, target: string, argv: readonly string[]): string;
  /** `hubble observe` over the whole trace, one entry per printed line. */
  hubble(dp: Datapath, trace: Trace, query: HubbleQuery): HubbleLine[];
}

export class HostError extends Error {
  override readonly name = 'HostError';
}

export class EngineHost {
  private model: ClusterModel | undefined;
  private dp: Datapath | undefined;
  private settings: Settings = {};
  private trace: Trace | undefined;
  /** Side B's datapath, kept while its settings stay the same (stepping re-asks nothing). */
  private other: { key: string; dp: Datapath } | undefined;

  constructor(
    private readonly engine: EngineFns,
    private readonly formats: CliFormats,
    /** Told where a long request is (the worker pushes it to the page). */
    private readonly progress: (stage: ProgressStage) => void = () => undefined,
  ) {}

  handle<R extends WorkerRequest>(req: R): ReplyValue[R['type']] {
    return this.dispatch(req) as ReplyValue[R['type']];
  }

  private dispatch(req: WorkerRequest): ReplyValue[WorkerRequest['type']] {
    switch (req.type) {
      case 'loadScenario':
        return this.load(req.text, req.name);
      case 'setSettings':
        return this.setSettings(req.settings);
      case 'trace':
        return this.runTrace(req.flow);
      case 'compare':
        return this.compare(req.flow, req.settings);
      case 'tables':
        return tableRows(this.engine.initialTables(this.requireDp(), req.node)) satisfies TableRows[];
      case 'hubble':
        return this.formats.hubble(this.requireDp(), this.traceOf(req.flow), req.query);
      case 'cilium':
        return this.cilium(req.node, req.view, req.flow);
      case 'exec':
        return this.exec(req.target, req.argv, req.flow);
      case 'agents':
        return compareAgents(this.requireDp(), req.captures);
      case 'replay':
        return replayFlow(this.requireDp(), req.flow);
      default: {
        const never: never = req;
        throw new HostError(`unknown request ${JSON.stringify(never)}`);
      }
    }
  }

  /** A broken scenario leaves the current one in place. */
  private load(text: string, name: string): LoadReply {
    this.progress('parsing');
    const result = this.engine.loadScenario(text, name);
    if (!result.ok) return { ok: false, errors: result.errors };
    this.progress('deriving');
    const dp = this.engine.derive(result.model, this.settings);
    this.model = result.model;
    this.dp = dp;
    this.trace = undefined;
    this.other = undefined;
    return { ok: true, summary: summarize(dp, this.settings, result.model.config) };
  }

  private setSettings(settings: Settings): ScenarioSummary {
    const model = this.requireModel();
    // Derive first: a bad value throws and the old datapath stays.
    const dp = this.engine.derive(model, settings);
    this.settings = { ...settings };
    this.dp = dp;
    this.trace = undefined;
    return summarize(dp, this.settings, model.config);
  }

  private runTrace(flow: FlowRequest): Trace {
    const trace = this.engine.traceFlow(this.requireDp(), flow);
    this.trace = trace;
    return trace;
  }

  /**
   * Side A is traced again here rather than taken from `this.trace`: the
   * page may have asked for another flow since, and traces are deterministic.
   */
  private compare(flow: FlowRequest, settings: Settings): CompareReply {
    const model = this.requireModel();
    const a = this.engine.traceFlow(this.requireDp(), flow);
    const key = JSON.stringify(Object.entries(settings).sort(([x], [y]) => x.localeCompare(y)));
    if (this.other?.key !== key) this.other = { key, dp: this.engine.derive(model, settings) };
    const dp = this.other.dp;
    const trace = this.engine.traceFlow(dp, flow);
    return { trace, summary: summarize(dp, settings, model.config), comparison: compareTraces(a, trace) };
  }

  /** The trace a request names by its flow: the one held when it is that flow's, else traced again. */
  private traceOf(flow: FlowRequest): Trace {
    if (this.trace && flowKey(this.trace.flow) === flowKey(flow)) return this.trace;
    return this.runTrace(flow);
  }

  /** The view's text before the first hop and after each hop that writes this node's maps. */
  private cilium(node: string, view: CiliumView, flow: FlowRequest | undefined): CiliumReply {
    const dp = this.requireDp();
    const trace = flow && this.traceOf(flow);
    const writes = (ev: HopEvent) => ev.maps.some((op) => op.node === node && op.op !== 'lookup');
    return textsPerStep(trace, writes, (step) => this.formats.cilium(dp, trace, step, node, view));
  }

  /** The command's text before the first hop and after every hop where it changes (tcpdump, neigh, conntrack ...). */
  private exec(target: string, argv: readonly string[], flow: FlowRequest | undefined): ExecReply {
    const dp = this.requireDp();
    const trace = flow && this.traceOf(flow);
    return textsPerStep(trace, () => true, (step) => this.formats.exec(dp, trace, step, target, argv));
  }

  private requireModel(): ClusterModel {
    if (!this.model) throw new HostError('no scenario is loaded');
    return this.model;
  }

  private requireDp(): Datapath {
    if (!this.dp) throw new HostError('no scenario is loaded');
    return this.dp;
  }
}

/** A flow request's identity: the fields a trace depends on, in one order. */
function flowKey(f: FlowRequest): string {
  return JSON.stringify([f.from, f.to, f.proto, f.port, f.seed]);
}

/**
 * A text as of every step: before the first hop, then after each hop `may` says can change it, kept only
 * where it did change (the page reads it at its cursor without asking again). An error in the view is its answer.
 */
function textsPerStep(
  trace: Trace | undefined, may: (ev: HopEvent) => boolean, textAt: (step: number) => string,
): CiliumReply {
  const texts: { step: number; text: string }[] = [];
  try {
    const at = (step: number) => {
      const text = textAt(step);
      if (texts[texts.length - 1]?.text !== text) texts.push({ step, text });
    };
    at(-1);
    trace?.events.forEach((ev, i) => {
      if (may(ev)) at(i);
    });
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  return { ok: true, texts };
}
