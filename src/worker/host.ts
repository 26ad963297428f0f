/**
 * The engine host: holds the scenario, its Datapath and the current Trace,
 * and answers protocol requests by calling the engine. It runs inside the
 * worker (engine.worker.ts) and in-process in unit tests, so both run the
 * same code (STYLE: duckdb-wasm's async_bindings).
 */
import type { FlowRequest, Settings } from '../engine/api.ts';
import { compareTraces } from '../engine/compare.ts';
import type { Datapath } from '../engine/derive/types.ts';
import type { MapTables } from '../engine/maps/rows.ts';
import type { Trace } from '../engine/trace.ts';
import type { ClusterModel, LoadResult } from '../scenario/model.ts';
import { parseCommand } from './command.ts';
import type { CliReply, CompareReply, LoadReply, ReplyValue, TableRows, WorkerRequest } from './protocol.ts';
import { summarize, type ScenarioSummary } from './summary.ts';

/** The engine functions the host needs (the agreed names of src/engine/index.ts). */
export interface EngineFns {
  loadScenario(text: string, name: string): LoadResult;
  derive(model: ClusterModel, settings?: Settings): Datapath;
  traceFlow(dp: Datapath, req: FlowRequest): Trace;
  tablesAt(dp: Datapath, trace: Trace | undefined, step: number, node: string): MapTables;
}

/** The terminal's commands, as the formats code prints them. */
export interface CliFormats {
  /** `cilium-dbg` arguments on one node as of `step`; throws for an unknown command. */
  cilium(dp: Datapath, trace: Trace | undefined, step: number, node: string, args: string[]): string;
  /** `hubble observe` arguments over the trace up to `step`. */
  hubble(dp: Datapath, trace: Trace | undefined, step: number, args: string[]): string;
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
        return this.tables(req.node, req.step);
      case 'cli':
        return this.cli(req.line, req.step);
      default: {
        const never: never = req;
        throw new HostError(`unknown request ${JSON.stringify(never)}`);
      }
    }
  }

  /** A broken scenario leaves the current one in place. */
  private load(text: string, name: string): LoadReply {
    const result = this.engine.loadScenario(text, name);
    if (!result.ok) return { ok: false, errors: result.errors };
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

  private tables(node: string, step: number): TableRows[] {
    const tables = this.engine.tablesAt(this.requireDp(), this.trace, step, node);
    const out: TableRows[] = [];
    for (const [map, rows] of Object.entries(tables)) {
      if (!rows) continue;
      out.push({ map, rows: [...rows].map(([key, value]) => ({ key, value })) });
    }
    return out;
  }

  private cli(line: string, step: number): CliReply {
    const dp = this.requireDp();
    const cmd = parseCommand(line, dp.nodes.map((n) => n.name));
    try {
      switch (cmd.kind) {
        case 'empty':
          return { ok: true, output: '' };
        case 'error':
          return { ok: false, output: cmd.message };
        case 'cilium':
          return { ok: true, output: cmd.filter(this.formats.cilium(dp, this.trace, step, cmd.node, cmd.args)) };
        case 'hubble':
          return { ok: true, output: cmd.filter(this.formats.hubble(dp, this.trace, step, cmd.args)) };
        default: {
          const never: never = cmd;
          return { ok: false, output: String(never) };
        }
      }
    } catch (e) {
      return { ok: false, output: e instanceof Error ? e.message : String(e) };
    }
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
