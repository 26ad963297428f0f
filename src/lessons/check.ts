/**
 * Checks a lesson against the engine: each stop's flow is traced on its
 * scenario under its settings, its hop selector must find a hop, and the
 * evidence it names must be there (the hop touched the maps; strace,
 * tcpdump and hubble show what the caption claims). The unit test runs it
 * on every built-in lesson, so an engine change that breaks a lesson fails;
 * `flowlab lesson check` runs it for a teacher. Pure: the caller says how
 * to load a scenario.
 */
import {
  FlowError, hubbleLines, parseSettingsSpec, resolveCaptureTarget, straceLines, tcpdumpLines, traceFlow,
  type Datapath, type HopEvent, type Trace,
} from '../engine/index.ts';
import type { Lesson, LessonIssue, LineClaim, Stop } from './model.ts';
import { findHop, selectorText } from './select.ts';

/** Loads a built-in scenario under settings; throws with a sentence when it cannot. */
export type LoadDatapath = (scenario: string, settings: Record<string, string>) => Datapath;

export interface StopCheck {
  stop: number;
  trace?: Trace;
  /** Index of the selected hop in the trace's events. */
  step?: number;
  hop?: HopEvent;
  problems: LessonIssue[];
}

const why = (e: unknown) => (e instanceof FlowError ? `${e.id} ${JSON.stringify(e.params)}` : e instanceof Error ? e.message : String(e));

export function checkLesson(lesson: Lesson, load: LoadDatapath): StopCheck[] {
  return lesson.stops.map((stop, i) => checkStop(lesson.id, stop, i + 1, load));
}

export function checkStop(lesson: string, stop: Stop, n: number, load: LoadDatapath): StopCheck {
  const problems: LessonIssue[] = [];
  const fail = (field: string, message: string) => problems.push({ lesson, stop: n, field, line: stop.line, message });
  let dp: Datapath;
  try {
    dp = load(stop.scenario, stop.settings);
  } catch (e) {
    fail(Object.keys(stop.settings).length ? 'settings' : 'scenario', why(e));
    return { stop: n, problems };
  }
  let trace: Trace;
  try {
    trace = traceFlow(dp, { ...stop.flow, seed: 1 });
  } catch (e) {
    fail('flow', `cannot be traced: ${why(e)}`);
    return { stop: n, problems };
  }
  if (stop.compare !== undefined) {
    const spec = parseSettingsSpec(stop.compare);
    if (!spec.ok) fail('compare', spec.error);
    else {
      try {
        traceFlow(load(stop.scenario, { ...stop.settings, ...spec.settings }), { ...stop.flow, seed: 1 });
      } catch (e) {
        fail('compare', `side B cannot be traced: ${why(e)}`);
      }
    }
  }
  const step = findHop(trace.events, stop.hop);
  if (step === undefined) {
    fail('hop', `no hop matches ${selectorText(stop.hop)} in the ${trace.events.length} hops of this flow`);
    return { stop: n, trace, problems };
  }
  const hop = trace.events[step];
  if (!hop) return { stop: n, trace, problems };
  const ev = stop.evidence;
  if (ev.maps) {
    for (const map of ev.maps.names) {
      const ops = hop.maps.filter((o) => o.map === map);
      if (ops.length === 0) fail('evidence.maps', `the hop (${hop.kind} ${hop.program}) touches no row of ${map}`);
      // A lookup that missed found no row: there is nothing to light in the map panel.
      else if (!ops.some((o) => o.hit || o.op === 'update')) fail('evidence.maps', `the hop's lookups in ${map} all miss: no row to show`);
    }
    const key = ev.maps.key;
    if (key !== undefined && !hop.maps.some((o) => ev.maps?.names.includes(o.map) && o.key.includes(key))) {
      fail('evidence.key', `no row the hop touched in ${ev.maps.names.join(', ')} has a key with "${key}"`);
    }
  }
  if (ev.strace) {
    const all = straceLines(trace.events).map((l) => l.line);
    const upto = straceLines(trace.events, step).map((l) => l.line);
    if (upto.length === 0) fail('evidence.strace', 'the client made no system call by this hop');
    claim('evidence.strace', ev.strace, upto, all, fail);
  }
  if (ev.tcpdump) {
    try {
      const target = resolveCaptureTarget(dp, ev.tcpdump.at);
      claim('evidence.tcpdump', ev.tcpdump, tcpdumpLines(trace.events, target, step), tcpdumpLines(trace.events, target), fail);
    } catch (e) {
      fail('evidence.tcpdump.at', why(e));
    }
  }
  if (ev.hubble) {
    const all = hubbleLines(dp, trace);
    const seq = hop.seq;
    claim('evidence.hubble', ev.hubble, all.filter((l) => l.seq <= seq).map((l) => l.text), all.map((l) => l.text), fail);
  }
  return { stop: n, trace, step, hop, problems };
}

/** `shows`: in the lines on screen at the hop; `lacks`: in no line of the whole conversation. */
function claim(field: string, c: LineClaim, upto: string[], all: string[], fail: (f: string, m: string) => void): void {
  if (c.shows !== undefined && !upto.some((l) => l.includes(c.shows ?? ''))) {
    fail(`${field}.shows`, `no line up to the hop shows "${c.shows}" (${upto.length} lines)`);
  }
  const bad = c.lacks === undefined ? undefined : all.find((l) => l.includes(c.lacks ?? ''));
  if (bad !== undefined) fail(`${field}.lacks`, `a line shows "${c.lacks}": ${bad}`);
}
