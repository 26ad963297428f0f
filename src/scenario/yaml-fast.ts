/**
 * A fast reader for the block YAML that `kubectl get -o yaml` and Helm
 * print: block mappings and sequences, plain and quoted one-line scalars,
 * `{}` and `[]`, one-line flow sequences of scalars (`["-f", "/dev/null"]`,
 * as manifests write a container's command), and `|` literal blocks.
 * Anything else in a document (anchors, tags, other flow collections,
 * folded or multi-line scalars,
 * duplicate keys ...) answers UNSUPPORTED and the document goes to the `yaml`
 * package, which reads every form and locates every error. Where this reader
 * answers, it gives what yaml's parse would (YAML 1.2 core schema):
 * yaml-fast.test.ts checks that on generated and built-in documents.
 * Why it exists: docs/loading-notes.md (yaml reads ~2 MB/s; this ~10x that).
 */

export const UNSUPPORTED: unique symbol = Symbol('unsupported');
type Out = unknown;

class Unsupported extends Error {}
const no = (): never => {
  throw new Unsupported();
};

/** One line: its indentation and the text after it (`\r` was refused up front). */
interface Line {
  indent: number;
  text: string;
}

/** yaml's core-schema null and bool spellings (schema/common/null.ts, core/bool.ts), as sets: no regex per scalar. */
const NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);
const TRUES = new Set(['true', 'True', 'TRUE']);
const FALSES = new Set(['false', 'False', 'FALSE']);

/** Plain scalars as YAML 1.2's core schema resolves them (yaml's schema/core). */
function plain(s: string): Out {
  if (s.length <= 5) {
    if (NULLS.has(s)) return null;
    if (TRUES.has(s)) return true;
    if (FALSES.has(s)) return false;
  }
  const c = s.charCodeAt(0);
  // Only something starting with a digit, sign, dot or 0 can be a number: skip the regexes for names.
  if ((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46) {
    if (/^[-+]?[0-9]+$/.test(s)) return Number(s);
    if (/^0o[0-7]+$/.test(s)) return parseInt(s.slice(2), 8);
    if (/^0x[0-9a-fA-F]+$/.test(s)) return parseInt(s.slice(2), 16);
    if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/.test(s)) return parseFloat(s);
    if (/^[-+]?\.(?:inf|Inf|INF)$/.test(s)) return s.startsWith('-') ? -Infinity : Infinity;
    if (/^\.(?:nan|NaN|NAN)$/.test(s)) return NaN;
  }
  return s;
}

/** A value after `key: ` or `- `: one line, its comment cut. */
function scalar(raw: string): Out {
  const c = raw.charAt(0);
  if (c === '"') return quoted(raw, doubleQuoted);
  if (c === "'") return quoted(raw, singleQuoted);
  if (raw === '{}' || raw.startsWith('{} #')) return {};
  if (raw === '[]' || raw.startsWith('[] #')) return [];
  if (c === '[') return flowSequence(raw);
  // Indicators that start something this reader does not read (flow, alias, anchor, tag, block, directive).
  if ('[]{}&*!|>%@`#,'.includes(c)) no();
  if ((c === '-' || c === '?' || c === ':') && (raw.length === 1 || raw.charAt(1) === ' ')) no();
  const hash = raw.indexOf(' #');
  const text = (hash >= 0 ? raw.slice(0, hash) : raw).trimEnd();
  if (text.includes(': ') || text.endsWith(':') || text.includes('\t')) no();
  return plain(text);
}

/** Plain scalars in a flow sequence: no indicator first, no flow indicator, `:`, `#` or space inside. */
const FLOW_PLAIN = /^[A-Za-z0-9_./][A-Za-z0-9_./+=@~-]*/;

/**
 * `[a, "b", 1]` closed on its line, then nothing but a comment: quoted or
 * plain scalars separated by commas. Nested collections, empty or trailing
 * entries, pairs and multi-word plain scalars are yaml's to read.
 */
function flowSequence(raw: string): Out[] {
  const out: Out[] = [];
  let j = 1;
  for (;;) {
    while (raw.charCodeAt(j) === 32) j++;
    const c = raw.charAt(j);
    if (c === '"' || c === "'") {
      const { value, end } = (c === '"' ? doubleQuoted : singleQuoted)(raw.slice(j));
      out.push(value);
      j += end;
    } else {
      const m = FLOW_PLAIN.exec(raw.slice(j));
      if (!m) no();
      const text = m?.[0] ?? '';
      out.push(plain(text));
      j += text.length;
    }
    while (raw.charCodeAt(j) === 32) j++;
    const sep = raw.charAt(j++);
    if (sep === ']') break;
    if (sep !== ',') no();
  }
  const rest = raw.slice(j).trimStart();
  if (rest !== '' && !(rest.startsWith('#') && raw.charAt(j) === ' ')) no();
  return out;
}

/** A quoted scalar that closes on its line, then nothing but a comment. */
function quoted(raw: string, read: (raw: string) => { value: string; end: number }): string {
  const { value, end } = read(raw);
  const rest = raw.slice(end).trimStart();
  if (rest !== '' && !rest.startsWith('#')) no();
  if (rest.startsWith('#') && raw.charAt(end) !== ' ') no();
  return value;
}

function doubleQuoted(raw: string): { value: string; end: number } {
  let j = 1;
  let escapes = false;
  for (; j < raw.length; j++) {
    const c = raw.charCodeAt(j);
    if (c === 92) {
      escapes = true;
      j++;
    } else if (c === 34) break;
  }
  if (j >= raw.length) no();
  const body = raw.slice(1, j);
  // YAML's escapes are JSON's plus more (\x, \e, \N ...): only JSON's are read here, by JSON.parse.
  if (escapes && /\\[^"\\/bfnrtu]/.test(body)) no();
  let value: unknown;
  try {
    value = escapes || /[\u0000-\u001f]/.test(body) ? JSON.parse(`"${body}"`) : body;
  } catch {
    no();
  }
  return { value: value as string, end: j + 1 };
}

function singleQuoted(raw: string): { value: string; end: number } {
  for (let j = 1; j < raw.length; j++) {
    if (raw.charCodeAt(j) !== 39) continue;
    if (raw.charCodeAt(j + 1) === 39) {
      j++;
      continue;
    }
    return { value: raw.slice(1, j).replace(/''/g, "'"), end: j + 1 };
  }
  return no();
}

/** `key: rest` → [key, rest]; `key:` → [key, '']; undefined when the line is not a mapping entry. */
function entry(text: string): [string, string] | undefined {
  const c = text.charAt(0);
  if (c === '"' || c === "'") {
    const { value, end } = (c === '"' ? doubleQuoted : singleQuoted)(text);
    if (text.charAt(end) !== ':') return undefined;
    const after = text.charAt(end + 1);
    if (after !== '' && after !== ' ') no();
    return [value, text.slice(end + 1).trim()];
  }
  let at = text.indexOf(': ');
  if (at < 0 && text.endsWith(':')) at = text.length - 1;
  if (at < 0) return undefined;
  const key = text.slice(0, at);
  if (key.includes(' #') || '[]{}&*!|>%@`#,"\''.includes(c) || ((c === '-' || c === '?') && key.charAt(1) === ' ')) no();
  // A key YAML would read as a number, bool or null is stringified by toJS: leave those to yaml.
  if (typeof plain(key) !== 'string' || key !== key.trim() || key.includes('\t')) no();
  return [key, text.slice(at + 1).trim()];
}

class Reader {
  private i = 0;
  /** The line peek() last read, and where: the parsers peek at a line several times before they take it. */
  private seenAt = -1;
  private seen: Line | undefined;

  constructor(private readonly raw: string[]) {}

  /** The next line with content (blank and comment-only lines skipped), or undefined at the end. */
  peek(): Line | undefined {
    if (this.i === this.seenAt) return this.seen;
    for (; this.i < this.raw.length; this.i++) {
      const s = this.raw[this.i] ?? '';
      let indent = 0;
      while (s.charCodeAt(indent) === 32) indent++;
      if (indent === s.length || s.charCodeAt(indent) === 35) continue;
      if (s.charCodeAt(indent) === 9) no();
      this.seenAt = this.i;
      return (this.seen = { indent, text: s.slice(indent).trimEnd() });
    }
    return undefined;
  }

  /** Replaces the current line by what follows its `- ` (a compact mapping or sequence in a sequence item). */
  rest(line: Line, skip: number): void {
    let extra = 0;
    while (line.text.charCodeAt(skip + extra) === 32) extra++;
    this.raw[this.i] = ' '.repeat(line.indent + skip + extra) + line.text.slice(skip + extra);
    this.seenAt = -1;
  }

  next(): void {
    this.i++;
  }

  /** The value of a node whose content starts on the next lines, deeper than `parent`. */
  block(parent: number, seqAtParent: boolean): Out {
    const line = this.peek();
    if (!line) return null;
    if (line.indent > parent) return isItem(line.text) ? this.sequence(line.indent) : this.mapping(line.indent);
    // `key:` then `- item` at the key's own indentation: a sequence (how kubectl prints them).
    if (seqAtParent && line.indent === parent && isItem(line.text)) return this.sequence(parent);
    return null;
  }

  mapping(indent: number): Record<string, Out> {
    const out: Record<string, Out> = {};
    for (let line = this.peek(); line && line.indent >= indent; line = this.peek()) {
      if (line.indent > indent || isItem(line.text)) no();
      const kv = entry(line.text);
      if (!kv) no();
      const [key, rest] = kv as [string, string];
      if (key === '__proto__' || Object.hasOwn(out, key)) no();
      this.next();
      if (rest === '' || rest.startsWith('#')) out[key] = this.block(indent, true);
      else if (rest.startsWith('|')) out[key] = this.literal(indent, rest);
      else out[key] = scalar(rest);
    }
    return out;
  }

  sequence(indent: number): Out[] {
    const out: Out[] = [];
    for (let line = this.peek(); line && line.indent >= indent; line = this.peek()) {
      if (line.indent > indent || !isItem(line.text)) {
        if (line.indent > indent) no();
        break;
      }
      const rest = line.text.slice(1).trim();
      if (rest === '' || rest.startsWith('#')) {
        this.next();
        out.push(this.block(indent, false));
      } else if (isItem(rest) || entry(rest)) {
        // `- name: x` (a mapping whose first entry shares the dash's line) or `- - x`.
        this.rest(line, 1);
        const inner = this.peek() as Line;
        out.push(isItem(inner.text) ? this.sequence(inner.indent) : this.mapping(inner.indent));
      } else if (rest.startsWith('|')) {
        this.next();
        out.push(this.literal(indent, rest));
      } else {
        this.next();
        out.push(scalar(rest));
      }
    }
    return out;
  }

  /** A `|` or `|-` block: lines deeper than `parent`, kept as they are (comments are content here). */
  literal(parent: number, header: string): string {
    const m = /^\|(-?)(?: +#.*)?$/.exec(header);
    if (!m) no();
    const strip = m?.[1] === '-';
    const lines: string[] = [];
    let indent = -1;
    for (; this.i < this.raw.length; this.i++) {
      const s = this.raw[this.i] ?? '';
      if (s.trim() === '') {
        // An all-space line longer than the block's indentation holds content spaces: left to yaml.
        if (indent >= 0 ? s.length > indent : s.length > parent + 1) no();
        lines.push('');
        continue;
      }
      let n = 0;
      while (s.charCodeAt(n) === 32) n++;
      if (indent < 0) {
        if (n <= parent) break;
        indent = n;
      } else if (n < indent) {
        if (n > parent) no();
        break;
      }
      lines.push(s.slice(indent));
    }
    // Trailing empty lines are not the block's (clip and strip chomping); clip keeps one line break.
    let end = lines.length;
    while (end > 0 && lines[end - 1] === '') end--;
    const body = lines.slice(0, end).join('\n');
    return body === '' || strip ? body : `${body}\n`;
  }

  done(): boolean {
    return this.peek() === undefined;
  }
}

const isItem = (text: string) => text === '-' || text.startsWith('- ');

/** A document's plain data, or UNSUPPORTED when this reader does not read every part of it. */
export function readFastYaml(doc: string): Out | typeof UNSUPPORTED {
  // Another document marker inside (the cut in yaml-split.ts leaves none): yaml says what it means.
  if (doc.includes('\r') || doc.includes('\t') || /\n(?:---|\.\.\.)(?: |\n|$)/.test(doc)) return UNSUPPORTED;
  const raw = doc.split('\n');
  // The `---` line that starts the document, with nothing after it but a comment.
  if (raw[0] !== undefined && /^---(?: |$)/.test(raw[0])) {
    const after = raw[0].slice(3).trim();
    if (after !== '' && !after.startsWith('#')) return UNSUPPORTED;
    raw[0] = '';
  }
  try {
    const r = new Reader(raw);
    const first = r.peek();
    if (!first) return null;
    if (first.indent !== 0) return UNSUPPORTED;
    const value = isItem(first.text) ? r.sequence(0) : r.mapping(0);
    return r.done() ? value : UNSUPPORTED;
  } catch (e) {
    if (e instanceof Unsupported) return UNSUPPORTED;
    throw e;
  }
}
