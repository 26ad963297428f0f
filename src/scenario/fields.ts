/**
 * Typed reads of one object's fields. Every bad or missing value becomes a
 * located issue (object, field path, YAML line) instead of an exception, so
 * one pass over a scenario reports every mistake at once.
 */
import { where, type FieldPath, type K8sObject } from './documents.ts';
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
  text: string,
): ScenarioIssue {
  const line = path && path.length > 0 ? obj.lineOf(path) : obj.ref.line;
  const field = path && path.length > 0 ? fieldText(path) : undefined;
  // A hostile name (megabytes long) would otherwise be repeated whole in every message about its object.
  const object = obj.ref.object.length > 160 ? `${obj.ref.object.slice(0, 157)}...` : obj.ref.object;
  const shortField = field !== undefined && field.length > 160 ? `${field.slice(0, 157)}...` : field;
  const head = shortField === undefined ? object : `${object}, ${shortField}`;
  return {
    severity,
    message: `${head} (${where(obj.ref.doc, line)}): ${text}`,
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

  error(path: FieldPath | undefined, text: string): undefined {
    this.sink.push(issueAt(this.obj, path, 'error', text));
    return undefined;
  }

  warn(path: FieldPath | undefined, text: string): void {
    this.sink.push(issueAt(this.obj, path, 'warning', text));
  }

  str(path: FieldPath, required = false): string | undefined {
    const v = this.get(path);
    if (v === undefined || v === null || v === '') return required ? this.error(path, 'is required') : undefined;
    // Scalars YAML typed as numbers or booleans are what a person meant as text.
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    if (typeof v !== 'string') return this.error(path, `must be a string, not ${shown(v)}`);
    return v;
  }

  int(path: FieldPath, range: IntRange = {}): number | undefined {
    const v = this.get(path);
    if (v === undefined || v === null) return range.required ? this.error(path, 'is required') : undefined;
    const { min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER } = range;
    if (typeof v !== 'number' || !Number.isInteger(v)) return this.error(path, `must be an integer, not ${shown(v)}`);
    if (v < min || v > max) return this.error(path, `${v} is out of range (${min}..${max})`);
    return v;
  }

  bool(path: FieldPath): boolean | undefined {
    const v = this.get(path);
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'boolean') return this.error(path, `must be true or false, not ${shown(v)}`);
    return v;
  }

  ipv4(path: FieldPath, required = false): Ipv4 | undefined {
    const text = this.str(path, required);
    if (text === undefined) return undefined;
    const ip = parseIpv4(text);
    if (ip === undefined) {
      const why = text.includes(':') ? ' (IPv6 is not modelled)' : '';
      return this.error(path, `${shown(text)} is not an IPv4 address${why}`);
    }
    return ip;
  }

  cidr(path: FieldPath, required = false): Cidr | undefined {
    const text = this.str(path, required);
    if (text === undefined) return undefined;
    const cidr = parseCidr(text);
    return cidr ?? this.error(path, `${shown(text)} is not an IPv4 CIDR (a.b.c.d/n)`);
  }

  /** A sequence; absent = empty; anything else is an error (and empty). */
  list(path: FieldPath): unknown[] {
    const v = this.get(path);
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) {
      this.error(path, `must be a list, not ${shown(v)}`);
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
      this.error(path, `must be a map of strings, not ${shown(v)}`);
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
