/**
 * Reads a lesson file: YAML in, a Lesson or every problem as a located
 * one-line message (lesson, stop, field, line). Unknown fields are errors, so
 * a teacher's typo (`hop: {knid: ...}`) is said, not silently ignored. Pure:
 * the page, the CLI and the tests share it. Whether the names exist in the
 * scenario (pods, settings keys) is check.ts's job, with the engine.
 */
import { isMap, LineCounter, parseDocument, type Document } from 'yaml';
import { parseSettingsPairs, type FlowProto, type HopKind, type MapName } from '../engine/index.ts';
import { HOP_KINDS, MAP_NAMES } from './names.ts';
import type { Evidence, HopSelector, Lesson, LessonIssue, LineClaim, Stop, Words } from './model.ts';

export type LessonParse = { ok: true; lesson: Lesson } | { ok: false; errors: LessonIssue[] };

/** Largest lesson file read (a lesson is a page of text). */
export const MAX_LESSON_BYTES = 256 * 1024;
const ID = /^[a-z0-9][a-z0-9-]{0,62}$/;
const PROTOS: readonly FlowProto[] = ['icmp', 'tcp', 'udp'];

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `name`: the file's name without .yaml; the lesson's `id` must equal it when both are known. */
export function parseLesson(text: string, name?: string, opts: { scenarios?: readonly string[] } = {}): LessonParse {
  const label = name ?? 'lesson';
  if (text.length > MAX_LESSON_BYTES) {
    return { ok: false, errors: [{ lesson: label, message: `the file is larger than ${MAX_LESSON_BYTES} bytes` }] };
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const errors: LessonIssue[] = [];
  if (doc.errors.length) {
    for (const e of doc.errors.slice(0, 5)) {
      errors.push({ lesson: label, line: lines.linePos(e.pos[0]).line, message: e.message.split('\n')[0] ?? 'not YAML' });
    }
    return { ok: false, errors };
  }
  const root: unknown = doc.toJS({ maxAliasCount: 50 });
  const lineOf = (path: (string | number)[]) => lineAt(doc, lines, path);
  const id = isObj(root) && typeof root['id'] === 'string' ? root['id'] : label;
  const r = new Reader(id, lineOf, errors);
  if (!isObj(root)) {
    r.fail([], undefined, 'a lesson is a mapping with id, title and stops');
    return { ok: false, errors };
  }
  r.known(root, [], undefined, ['id', 'title', 'order', 'stops']);
  if (typeof root['id'] !== 'string' || !ID.test(root['id'])) r.fail(['id'], undefined, 'give an id of lower-case letters, digits and -');
  else if (name !== undefined && root['id'] !== name) r.fail(['id'], undefined, `"${root['id']}" must be the file's name (${name})`);
  const title = r.words(root['title'], ['title'], undefined);
  const order = root['order'] === undefined ? 100 : root['order'];
  if (typeof order !== 'number' || !Number.isFinite(order)) r.fail(['order'], undefined, 'must be a number');
  const stops: Stop[] = [];
  const raw = root['stops'];
  if (!Array.isArray(raw) || raw.length === 0) r.fail(['stops'], undefined, 'give a list of one or more stops');
  else raw.forEach((s, i) => {
    const stop = readStop(r, s, i, opts.scenarios);
    if (stop) stops.push(stop);
  });
  if (errors.length || !title) return { ok: false, errors };
  return { ok: true, lesson: { id, title, order: typeof order === 'number' ? order : 100, stops } };
}

function lineAt(doc: Document, lines: LineCounter, path: (string | number)[]): number | undefined {
  for (let p = path; ; p = p.slice(0, -1)) {
    const node = p.length ? doc.getIn(p, true) : doc.contents;
    const range = (node as { range?: [number, number] } | null | undefined)?.range;
    if (range) return lines.linePos(range[0]).line;
    if (!p.length) return undefined;
  }
}

class Reader {
  constructor(
    readonly lesson: string,
    readonly lineOf: (path: (string | number)[]) => number | undefined,
    readonly errors: LessonIssue[],
  ) {}

  fail(path: (string | number)[], stop: number | undefined, message: string): void {
    // The field as a teacher reads it: `hop.kind`, not `stops.1.hop.kind` (the stop is said on its own).
    const field = (stop === undefined ? path : path.slice(2)).join('.') || undefined;
    this.errors.push({ lesson: this.lesson, ...(stop !== undefined ? { stop: stop + 1 } : {}), ...(field ? { field } : {}), line: this.lineOf(path), message });
  }

  known(o: Obj, path: (string | number)[], stop: number | undefined, fields: readonly string[]): void {
    for (const k of Object.keys(o)) {
      if (!fields.includes(k)) this.fail([...path, k], stop, `unknown field; known: ${fields.join(', ')}`);
    }
  }

  words(v: unknown, path: (string | number)[], stop: number | undefined): Words | undefined {
    if (!isObj(v)) {
      this.fail(path, stop, 'give the text in both languages: {en: ..., ko: ...}');
      return undefined;
    }
    this.known(v, path, stop, ['en', 'ko']);
    let ok = true;
    for (const lang of ['en', 'ko'] as const) {
      const t = v[lang];
      if (typeof t !== 'string' || !t.trim()) {
        this.fail([...path, lang], stop, `the ${lang === 'en' ? 'English' : 'Korean'} text is missing`);
        ok = false;
      }
    }
    return ok ? { en: String(v['en']).trim(), ko: String(v['ko']).trim() } : undefined;
  }

  text(v: unknown, path: (string | number)[], stop: number): string | undefined {
    if (v === undefined) return undefined;
    if (typeof v !== 'string' || !v.trim()) {
      this.fail(path, stop, 'must be a non-empty text');
      return undefined;
    }
    return v.trim();
  }
}

function readStop(r: Reader, s: unknown, i: number, scenarios: readonly string[] | undefined): Stop | undefined {
  const base = ['stops', i];
  const line = r.lineOf(base) ?? 0;
  if (!isObj(s)) {
    r.fail(base, i, 'a stop is a mapping with scenario, flow, hop, evidence and caption');
    return undefined;
  }
  const before = r.errors.length;
  r.known(s, base, i, ['scenario', 'flow', 'settings', 'compare', 'hop', 'evidence', 'caption']);
  const scenario = s['scenario'];
  if (typeof scenario !== 'string' || !scenario) r.fail([...base, 'scenario'], i, 'name a built-in scenario');
  else if (scenarios && !scenarios.includes(scenario)) {
    r.fail([...base, 'scenario'], i, `"${scenario}" is not a built-in scenario (${scenarios.join(', ')})`);
  }
  const flow = readFlow(r, s['flow'], [...base, 'flow'], i);
  const settings = readSettings(r, s['settings'], [...base, 'settings'], i);
  const compare = r.text(s['compare'], [...base, 'compare'], i);
  const hop = readHop(r, s['hop'], [...base, 'hop'], i);
  const evidence = readEvidence(r, s['evidence'], [...base, 'evidence'], i);
  const caption = r.words(s['caption'], [...base, 'caption'], i);
  if (r.errors.length > before || !flow || !settings || !hop || !evidence || !caption || typeof scenario !== 'string') return undefined;
  return { scenario, flow, settings, ...(compare ? { compare } : {}), hop, evidence, caption, line };
}

function readFlow(r: Reader, v: unknown, path: (string | number)[], i: number): Stop['flow'] | undefined {
  if (!isObj(v)) {
    r.fail(path, i, 'give {from, to, proto[, port]} as the flow picker takes them');
    return undefined;
  }
  r.known(v, path, i, ['from', 'to', 'proto', 'port']);
  const from = r.text(v['from'], [...path, 'from'], i);
  const to = r.text(v['to'], [...path, 'to'], i);
  if (!from) r.fail([...path, 'from'], i, 'name the source (a pod, node or IP)');
  if (!to) r.fail([...path, 'to'], i, 'name the destination (a pod, service, node or IP)');
  const proto = v['proto'];
  if (!PROTOS.includes(proto as FlowProto)) r.fail([...path, 'proto'], i, `must be one of ${PROTOS.join(', ')}`);
  const port = v['port'];
  if (port !== undefined && !(Number.isInteger(port) && (port as number) > 0 && (port as number) < 65536)) {
    r.fail([...path, 'port'], i, 'must be a port number 1-65535');
  }
  if (!from || !to || !PROTOS.includes(proto as FlowProto)) return undefined;
  return { from, to, proto: proto as FlowProto, ...(typeof port === 'number' ? { port } : {}) };
}

/** A mapping of cilium-config keys, or the URL's `key:value,...` text: one reading (settings-pairs.ts). */
function readSettings(r: Reader, v: unknown, path: (string | number)[], i: number): Record<string, string> | undefined {
  if (v === undefined) return {};
  const text = typeof v === 'string' ? v : isObj(v) ? Object.entries(v).map(([k, x]) => `${k}:${String(x)}`).join(',') : undefined;
  if (text === undefined) {
    r.fail(path, i, 'give cilium-config keys and values, e.g. {enable-ip-masq-agent: "false"}');
    return undefined;
  }
  const p = parseSettingsPairs(text);
  if (!p.ok) {
    r.fail(path, i, p.error);
    return undefined;
  }
  // Sorted, as the URL writes them, so a stop's settings compare equal to the page's.
  return Object.fromEntries(Object.entries(p.settings).sort(([x], [y]) => x.localeCompare(y)));
}

function readHop(r: Reader, v: unknown, path: (string | number)[], i: number): HopSelector | undefined {
  if (!isObj(v)) {
    r.fail(path, i, 'select the hop by what it is, e.g. {kind: socket-lb-rewrite, nth: 1} (not by number)');
    return undefined;
  }
  r.known(v, path, i, ['kind', 'program', 'message', 'node', 'iface', 'direction', 'nth']);
  const before = r.errors.length;
  const kind = v['kind'];
  if (kind !== undefined && !HOP_KINDS.includes(kind as (typeof HOP_KINDS)[number])) {
    r.fail([...path, 'kind'], i, `"${String(kind)}" is not a hop kind (${HOP_KINDS.join(', ')})`);
  }
  const program = r.text(v['program'], [...path, 'program'], i);
  const message = r.text(v['message'], [...path, 'message'], i);
  const node = r.text(v['node'], [...path, 'node'], i);
  const iface = r.text(v['iface'], [...path, 'iface'], i);
  const direction = v['direction'];
  if (direction !== undefined && direction !== 'request' && direction !== 'reply') r.fail([...path, 'direction'], i, 'must be request or reply');
  const nth = v['nth'] ?? 1;
  if (!Number.isInteger(nth) || (nth as number) < 1) r.fail([...path, 'nth'], i, 'must be a whole number from 1 (the first match)');
  if (kind === undefined && !program && !message) r.fail(path, i, 'give at least one of kind, program, message');
  if (r.errors.length > before) return undefined;
  return {
    ...(kind !== undefined ? { kind: kind as HopKind } : {}),
    ...(program ? { program } : {}),
    ...(message ? { message } : {}),
    ...(node ? { node } : {}),
    ...(iface ? { iface } : {}),
    ...(direction === 'request' || direction === 'reply' ? { direction } : {}),
    nth: nth as number,
  };
}

function readClaim(r: Reader, v: unknown, path: (string | number)[], i: number, extra: string[] = []): LineClaim | undefined {
  if (v === true) return {};
  if (!isObj(v)) {
    r.fail(path, i, `give true or {${[...extra, 'shows', 'lacks'].join(', ')}}`);
    return undefined;
  }
  r.known(v, path, i, [...extra, 'shows', 'lacks']);
  const shows = r.text(v['shows'], [...path, 'shows'], i);
  const lacks = r.text(v['lacks'], [...path, 'lacks'], i);
  return { ...(shows ? { shows } : {}), ...(lacks ? { lacks } : {}) };
}

function readEvidence(r: Reader, v: unknown, path: (string | number)[], i: number): Evidence | undefined {
  if (!isObj(v)) {
    r.fail(path, i, 'give what to show: maps, strace, tcpdump, hubble and/or terminal');
    return undefined;
  }
  r.known(v, path, i, ['maps', 'key', 'strace', 'tcpdump', 'hubble', 'terminal']);
  const before = r.errors.length;
  const out: Evidence = {};
  const maps = v['maps'];
  if (maps !== undefined) {
    const list = typeof maps === 'string' ? [maps] : Array.isArray(maps) ? maps : undefined;
    if (!list || list.length === 0) r.fail([...path, 'maps'], i, 'give a map name or a list of them');
    else {
      list.forEach((m, k) => {
        if (!MAP_NAMES.includes(m as (typeof MAP_NAMES)[number])) {
          r.fail([...path, 'maps', ...(Array.isArray(maps) ? [k] : [])], i, `"${String(m)}" is not a map (${MAP_NAMES.join(', ')})`);
        }
      });
      const key = r.text(v['key'], [...path, 'key'], i);
      out.maps = { names: list as MapName[], ...(key ? { key } : {}) };
    }
  } else if (v['key'] !== undefined) r.fail([...path, 'key'], i, 'goes with maps');
  if (v['strace'] !== undefined) {
    const c = readClaim(r, v['strace'], [...path, 'strace'], i);
    if (c) out.strace = c;
  }
  if (v['hubble'] !== undefined) {
    const c = readClaim(r, v['hubble'], [...path, 'hubble'], i);
    if (c) out.hubble = c;
  }
  const td = v['tcpdump'];
  if (td !== undefined) {
    const c = readClaim(r, td, [...path, 'tcpdump'], i, ['at']);
    const at = isObj(td) ? r.text(td['at'], [...path, 'tcpdump', 'at'], i) : undefined;
    if (!at) r.fail([...path, 'tcpdump', 'at'], i, 'name the interface: a pod (its eth0) or NODE:IFACE');
    else if (c) out.tcpdump = { ...c, at };
  }
  const terminal = r.text(v['terminal'], [...path, 'terminal'], i);
  if (terminal) out.terminal = terminal;
  if (r.errors.length === before && Object.keys(out).length === 0) r.fail(path, i, 'show at least one piece of evidence');
  return r.errors.length > before ? undefined : out;
}
