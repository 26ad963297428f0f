/**
 * The engine host: holds the scenario, its Datapath and the current Trace,
 * and answers protocol requests by calling the engine. It runs inside the
 * worker (engine.worker.ts) and in-process in unit tests, so both run the
 * same code (STYLE: duckdb-wasm's async_bindings).
 */
import { tableRows, type FlowRequest, type Settings, type Datapath, type HopEvent, type MapTables, type MapWords, type Trace, type OnDeriveProgress } from '../engine/index.ts';
import type { compareAgents, compareTraces, replayFlow } from '../engine/index.ts';
import type { ScenarioInput } from '../scenario/load.ts';
import type { ClusterModel, LoadResult } from '../scenario/model.ts';
import type { LoadProgress, OnProgress } from '../scenario/progress.ts';
import type { isZip, locate, readSysdump } from '../scenario/sysdump/index.ts';
import { readBlob } from './read-blob.ts';
import type {
  AlternativeTrace,
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
  /** The one entry for a scenario's bytes or text (scenario/load.ts). */
  loadScenario(input: ScenarioInput, name: string, progress?: OnProgress): LoadResult;
  derive(model: ClusterModel, settings?: Settings, onProgress?: OnDeriveProgress): Datapath;
  traceFlow(dp: Datapath, req: FlowRequest): Trace;
  /** A node's tables before any traffic (cached per datapath by the engine). */
  initialTables(dp: Datapath, node: string): MapTables;
  tablesAt(dp: Datapath, trace: Trace | undefined, step: number, node: string): MapTables;
  /** Words for rows of those tables (a policy row's origin), rendered by the page in its language. */
  initialWords?(dp: Datapath, node: string): MapWords;
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

/**
 * What only requests after the first drawing need: the views (`cilium-dbg`,
 * a node's or pod's commands, `hubble observe`), compare, predict's other
 * configurations, a sysdump's unzipping and a real Hubble flow's replay.
 * The worker fetches them as a chunk on first use (engine.worker.ts); tests
 * pass them at once (formats.ts, extras.ts).
 */
export interface HostExtras extends CliFormats {
  compareTraces: typeof compareTraces;
  compareAgents: typeof compareAgents;
  replayFlow: typeof replayFlow;
  isZip: typeof isZip;
  readSysdump: typeof readSysdump;
  locate: typeof locate;
}

/** The requests answered with HostExtras. */
const EXTRA_REQUESTS: ReadonlySet<WorkerRequest['type']> = new Set(['compare', 'hubble', 'cilium', 'exec', 'alternatives', 'agents', 'replay']);

/** The part of the derive phase that is the engine's derive(); the rest is each node's endpoints for the summary. */
const DERIVE_SHARE = 0.75;

/** How often a load's progress is passed on: well under the page's promise of every 500 ms. */
export const PROGRESS_MS = 100;

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
  /** Predict mode's other datapaths (or why the agent refused them) by settings, kept until the scenario or settings change. */
  private alternativeDps = new Map<string, Datapath | string>();

  /** Set once the extras are there: at once when given as an object, on first need when given as a loader. */
  private extras: HostExtras | undefined;

  constructor(
    private readonly engine: EngineFns,
    private readonly extrasSource: HostExtras | (() => Promise<HostExtras>),
    /** Told where a long request is (the worker pushes it to the page); a load's details at most every `everyMs`. */
    private readonly progress: (stage: ProgressStage, load?: LoadProgress) => void = () => undefined,
    private readonly clock: { now(): number; everyMs: number } = { now: () => Date.now(), everyMs: PROGRESS_MS },
  ) {
    if (typeof extrasSource !== 'function') this.extras = extrasSource;
  }

  handle<R extends WorkerRequest>(req: R): ReplyValue[R['type']] {
    return this.dispatch(req) as ReplyValue[R['type']];
  }

  /** As handle, and a chosen file is read first (in the worker, with progress). */
  async handleAsync<R extends WorkerRequest>(req: R): Promise<ReplyValue[R['type']]> {
    // A chosen file may be a sysdump zip: it takes the extras too (a click, long after the first drawing).
    if (EXTRA_REQUESTS.has(req.type) || 'file' in req) await this.loadExtras();
    if (req.type !== 'loadScenario' || !('file' in req)) return this.handle(req);
    const report = this.reporter();
    const bytes = await readBlob(req.file, (read, total) => report({ phase: 'read', bytes: read, totalBytes: total, objects: 0 }));
    // A zip is known by its bytes, whatever its name (as the CLI's --scenario); its name is the File's.
    const fileName = typeof File !== 'undefined' && req.file instanceof File ? req.file.name : `${req.name}.zip`;
    const reply = this.extra().isZip(bytes) ? this.loadSysdump(bytes, fileName, req.name, report) : this.load(bytes, req.name, report);
    return reply as ReplyValue[R['type']];
  }

  private async loadExtras(): Promise<void> {
    if (!this.extras && typeof this.extrasSource === 'function') this.extras = await this.extrasSource();
  }

  private extra(): HostExtras {
    if (!this.extras) throw new HostError('the views, compare and replay are loaded by handleAsync');
    return this.extras;
  }

  /**
   * A cilium-sysdump zip: its Kubernetes objects loaded as one scenario, the
   * loader's messages located in the zip's own files, and what else it held
   * (report, agents' tables against the new model) returned with the load.
   */
  private loadSysdump(bytes: Uint8Array, fileName: string, name: string, report: OnProgress): LoadReply {
    // Unzipping has no steps of its own to count: the bar says the parse has begun.
    report({ phase: 'parse', bytes: 0, totalBytes: bytes.length, objects: 0 });
    const read = this.extra().readSysdump(bytes, fileName);
    if (!read.ok) return { ok: false, errors: [read.issue] };
    const loaded = this.load(read.text, name, report);
    if (!loaded.ok) return { ok: false, errors: loaded.errors.map((e) => this.extra().locate(e, read.files)) };
    const captures = read.report.agents.map((a) => ({ pod: a.pod, tables: a.tables }));
    return { ...loaded, sysdump: { report: read.report, agents: this.extra().compareAgents(this.requireDp(), captures) } };
  }

  /** Passes a load's progress on when its phase changes, else at most every `everyMs`. */
  private reporter(): OnProgress {
    let last = Number.NEGATIVE_INFINITY;
    let phase = '';
    return (p) => {
      const now = this.clock.now();
      if (p.phase === phase && now - last < this.clock.everyMs) return;
      last = now;
      phase = p.phase;
      this.progress(p.phase === 'derive' ? 'deriving' : 'parsing', p);
    };
  }

  private dispatch(req: WorkerRequest): ReplyValue[WorkerRequest['type']] {
    switch (req.type) {
      case 'loadScenario':
        if ('file' in req) throw new HostError('a file is read by handleAsync');
        return this.load(req.text, req.name, this.reporter());
      case 'setSettings':
        return this.setSettings(req.settings);
      case 'trace':
        return this.runTrace(req.flow);
      case 'compare':
        return this.compare(req.flow, req.settings);
      case 'tables':
        return this.tables(req.node) satisfies TableRows[];
      case 'hubble':
        return this.extra().hubble(this.requireDp(), this.traceOf(req.flow), req.query);
      case 'cilium':
        return this.cilium(req.node, req.view, req.flow);
      case 'exec':
        return this.exec(req.target, req.argv, req.flow);
      case 'alternatives':
        return this.alternatives(req.flow, req.variants);
      case 'agents':
        return this.extra().compareAgents(this.requireDp(), req.captures);
      case 'replay':
        return this.extra().replayFlow(this.requireDp(), req.flow);
      default: {
        const never: never = req;
        throw new HostError(`unknown request ${JSON.stringify(never)}`);
      }
    }
  }

  /** A broken scenario leaves the current one in place. */
  private load(input: ScenarioInput, name: string, report: OnProgress): LoadReply {
    this.progress('parsing');
    const result = this.engine.loadScenario(input, name, report);
    if (!result.ok) return { ok: false, errors: result.errors };
    const totalBytes = typeof input === 'string' ? input.length : input.length;
    const objects = result.model.nodes.length + result.model.pods.length + result.model.services.length;
    report({ phase: 'derive', bytes: totalBytes, totalBytes, objects, totalObjects: objects });
    this.progress('deriving');
    const derived = (share: number) => report({ phase: 'derive', bytes: totalBytes, totalBytes, objects, totalObjects: objects, derived: share });
    const dp = this.engine.derive(result.model, this.settings, ({ done, total }) => derived((DERIVE_SHARE * done) / Math.max(1, total)));
    // Each node's endpoints and interfaces are built on first use, and the summary reads them all: built
    // here node by node (seconds for 100,000 pods), so the bar keeps moving until the summary is sent.
    dp.nodes.forEach((n, i) => {
      void n.interfaces;
      derived(DERIVE_SHARE + ((1 - DERIVE_SHARE) * (i + 1)) / dp.nodes.length);
    });
    derived(1);
    this.model = result.model;
    this.dp = dp;
    this.trace = undefined;
    this.other = undefined;
    this.alternativeDps.clear();
    return { ok: true, summary: summarize(dp, this.settings, result.model.config) };
  }

  private setSettings(settings: Settings): ScenarioSummary {
    const model = this.requireModel();
    // Derive first: a bad value throws and the old datapath stays.
    const dp = this.engine.derive(model, settings);
    this.settings = { ...settings };
    this.dp = dp;
    this.trace = undefined;
    // The other configurations are one change from these settings: a new set (bounded memory on a big cluster).
    this.alternativeDps.clear();
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
    return { trace, summary: summarize(dp, settings, model.config), comparison: this.extra().compareTraces(a, trace) };
  }

  /**
   * The flow under each configuration. Derived datapaths are cached by their
   * settings (they depend only on the scenario), so stepping to another flow
   * or back re-derives nothing; a refused configuration answers its reason.
   */
  private alternatives(flow: FlowRequest, variants: readonly { id: string; settings: Settings }[]): AlternativeTrace[] {
    const model = this.requireModel();
    return variants.map(({ id, settings }) => {
      const key = JSON.stringify(Object.entries(settings).sort(([x], [y]) => x.localeCompare(y)));
      let dp = this.alternativeDps.get(key);
      if (dp === undefined) {
        try {
          dp = this.engine.derive(model, settings);
        } catch (e) {
          dp = e instanceof Error ? e.message : String(e);
        }
        this.alternativeDps.set(key, dp);
      }
      if (typeof dp === 'string') return { id, error: dp };
      try {
        return { id, trace: this.engine.traceFlow(dp, flow) };
      } catch (e) {
        return { id, error: e instanceof Error ? e.message : String(e) };
      }
    });
  }

  /** The trace a request names by its flow: the one held when it is that flow's, else traced again. */
  private traceOf(flow: FlowRequest): Trace {
    if (this.trace && flowKey(this.trace.flow) === flowKey(flow)) return this.trace;
    return this.runTrace(flow);
  }

  /** A node's initial rows, with the words the engine gives some of them (a policy row's origin). */
  private tables(node: string): TableRows[] {
    const dp = this.requireDp();
    return tableRows(this.engine.initialTables(dp, node), this.engine.initialWords?.(dp, node));
  }

  /** The view's text before the first hop and after each hop that writes this node's maps. */
  private cilium(node: string, view: CiliumView, flow: FlowRequest | undefined): CiliumReply {
    const dp = this.requireDp();
    const trace = flow && this.traceOf(flow);
    const writes = (ev: HopEvent) => ev.maps.some((op) => op.node === node && op.op !== 'lookup');
    return textsPerStep(trace, writes, (step) => this.extra().cilium(dp, trace, step, node, view));
  }

  /** The command's text before the first hop and after every hop where it changes (tcpdump, neigh, conntrack ...). */
  private exec(target: string, argv: readonly string[], flow: FlowRequest | undefined): ExecReply {
    const dp = this.requireDp();
    const trace = flow && this.traceOf(flow);
    return textsPerStep(trace, () => true, (step) => this.extra().exec(dp, trace, step, target, argv));
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
