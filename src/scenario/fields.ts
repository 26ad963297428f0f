/**
 * Typed reads of one object's fields. Every bad or missing value becomes a
 * located issue (object, field path, YAML line) instead of an exception, so
 * one pass over a scenario reports every mistake at once.
 */
import { type FieldPath, type K8sObject } from './documents.ts';
import { english, say, whereDoc, type IssueText } from './issue-text.ts';
export { issueOf } from './issue-of.ts';
import type { ScenarioIssue } from './model.ts';
import { parseCidr, parseIpv4, type Cidr, type Ipv4 } from './values.ts';

/** `spec.ports[0].port`; keys with dots or slashes are quoted: `metadata.annotations['a.b/c']`. */
export function fieldText(path: FieldPath): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[A-Za-z0-9_-]+$/.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `['${seg}']`;
  }
  return out;
}

/** A located issue: `Pod default/webpod1, status.podIP (document 5, line 88): <text>`. */
export function issueAt(
  obj: K8sObject,
  path: FieldPath | undefined,
  severity: ScenarioIssue['severity'],
  body: IssueText,
): ScenarioIssue {
  const line = path && path.length > 0 ? obj.lineOf(path) : obj.ref.line;
  const field = path && path.length > 0 ? fieldText(path) : undefined;
  // A hostile name (megabytes long) would otherwise be repeated whole in every message about its object.
  const object = obj.ref.object.length > 160 ? `${obj.ref.object.slice(0, 157)}...` : obj.ref.object;
  const shortField = field !== undefined && field.length > 160 ? `${field.slice(0, 157)}...` : field;
  const at = whereDoc(obj.ref.doc, line);
  const text = shortField === undefined
    ? say('scenario.at.object', { object, where: at, text: body })
    : say('scenario.at.field', { object, field: shortField, where: at, text: body });
  return {
    severity,
    message: english(text),
    text,
    object: obj.ref.object,
    field,
    line,
    doc: obj.ref.doc,
  };
}

/** JSON-ish rendering of a bad value for a message, kept short. */
export function shown(value: unknown): string {
  // JSON has no infinities: YAML's .inf and .nan would show as "null".
  if (typeof value === 'number' && !Number.isFinite(value)) return Number.isNaN(value) ? '.nan' : value > 0 ? '.inf' : '-.inf';
  const text = typeof value === 'string' ? `"${value}"` : JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

interface IntRange {
  min?: number;
  max?: number;
  required?: boolean;
}

export class Fields {
  constructor(
    readonly obj: K8sObject,
    private readonly sink: ScenarioIssue[],
  ) {}

  get(path: FieldPath): unknown {
    let v: unknown = this.obj.body;
    for (const seg of path) {
      if (v === null || typeof v !== 'object') return undefined;
      v = (v as Record<string | number, unknown>)[seg];
    }
    return v;
  }

  has(path: FieldPath): boolean {
    const v = this.get(path);
    return v !== undefined && v !== null;
  }

  error(path: FieldPath | undefined, text: IssueText): undefined {
    this.sink.push(issueAt(this.obj, path, 'error', text));
    return undefined;
  }

  warn(path: FieldPath | undefined, text: IssueText): void {
    this.sink.push(issueAt(this.obj, path, 'warning', text));
  }

  str(path: FieldPath, required = false): string | undefined {
    const v = this.get(path);
    if (v === undefined || v === null || v === '') return required ? this.error(path, say('scenario.required')) : undefined;
    // Scalars YAML typed as numbers or booleans are what a person meant as text.
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    if (typeof v !== 'string') return this.error(path, say('scenario.must_be_string', { value: shown(v) }));
    return v;
  }

  int(path: FieldPath, range: IntRange = {}): number | undefined {
    const v = this.get(path);
    if (v === undefined || v === null) return range.required ? this.error(path, say('scenario.required')) : undefined;
    const { min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER } = range;
    if (typeof v !== 'number' || !Number.isInteger(v)) return this.error(path, say('scenario.must_be_integer', { value: shown(v) }));
    if (v < min || v > max) return this.error(path, say('scenario.out_of_range', { value: v, min, max }));
    return v;
  }

  bool(path: FieldPath): boolean | undefined {
    const v = this.get(path);
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'boolean') return this.error(path, say('scenario.must_be_bool', { value: shown(v) }));
    return v;
  }

  ipv4(path: FieldPath, required = false): Ipv4 | undefined {
    const text = this.str(path, required);
    if (text === undefined) return undefined;
    const ip = parseIpv4(text);
    if (ip === undefined) {
      const id = text.includes(':') ? 'scenario.not_ipv4.ipv6' : 'scenario.not_ipv4';
      return this.error(path, say(id, { value: shown(text) }));
    }
    return ip;
  }

  cidr(path: FieldPath, required = false): Cidr | undefined {
    const text = this.str(path, required);
    if (text === undefined) return undefined;
    const cidr = parseCidr(text);
    return cidr ?? this.error(path, say('scenario.not_cidr', { value: shown(text) }));
  }

  /** A sequence; absent = empty; anything else is an error (and empty). */
  list(path: FieldPath): unknown[] {
    const v = this.get(path);
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) {
      this.error(path, say('scenario.must_be_list', { value: shown(v) }));
      return [];
    }
    return v;
  }

  /** A map of strings (labels, selectors, annotations, ConfigMap data). */
  stringMap(path: FieldPath): Record<string, string> {
    const v = this.get(path);
    // No prototype: `__proto__` and `constructor` are keys like any other, not Object's own.
    const out: Record<string, string> = Object.create(null) as Record<string, string>;
    if (v === undefined || v === null) return out;
    if (typeof v !== 'object' || Array.isArray(v)) {
      this.error(path, say('scenario.must_be_string_map', { value: shown(v) }));
      return out;
    }
    for (const [k, value] of Object.entries(v as Record<string, unknown>)) {
      // The usual case, a string, is taken as is (what str() would give) without a path per entry.
      if (typeof value === 'string') {
        out[k] = value;
        continue;
      }
      const s = this.str([...path, k]);
      if (s !== undefined || value === '') out[k] = s ?? '';
    }
    return out;
  }
}
