/**
 * Where each key and item of a document sits, for the documents the fast
 * reader reads (src/scenario/yaml-fast.ts), without the yaml package: the
 * worker's stand-in for yaml's parseDocument when the loader only wants a
 * line (yaml-on-demand.ts). The tree has what the loader walks to find a line
 * (yaml-documents.ts offsetOf): maps of pairs with keys, sequences of items,
 * and where each starts, as yaml's own nodes say (`range[0]`). A place this
 * reading is not sure of (an empty sequence item) answers by calling
 * `unknown` (the stand-in then asks for the package). The test
 * test/worker/yaml-positions.test.ts holds it to yaml's offsets.
 */

/** Marks this module's nodes, so the stand-in's isMap/isSeq/isScalar know them from yaml's. */
export const POSITIONS: unique symbol = Symbol('positions');

export interface PosScalar {
  readonly [POSITIONS]: true;
  readonly kind: 'scalar';
  readonly value: string;
  readonly range: readonly [number];
}
export interface PosPair {
  readonly key: PosScalar;
  readonly value: PosNode | null;
}
export interface PosMap {
  readonly [POSITIONS]: true;
  readonly kind: 'map';
  readonly items: PosPair[];
  readonly range: readonly [number];
}
export interface PosSeq {
  readonly [POSITIONS]: true;
  readonly kind: 'seq';
  readonly items: (PosNode | PosUnknown)[];
  readonly range: readonly [number];
}
/** A node whose start this reading does not know: reading its range asks for the package. */
export interface PosUnknown {
  readonly [POSITIONS]: true;
  readonly kind: 'unknown';
  readonly range: readonly [number];
}
export type PosNode = PosScalar | PosMap | PosSeq;

export const isPositions = (node: unknown): node is PosNode | PosUnknown => typeof node === 'object' && node !== null && POSITIONS in node;

const scalar = (at: number): PosScalar => ({ [POSITIONS]: true, kind: 'scalar', value: '', range: [at] });

const isItem = (text: string) => text === '-' || text.startsWith('- ');

class Lines {
  readonly text: string[];
  readonly start: number[] = [];
  i = 0;

  constructor(doc: string) {
    this.text = doc.split('\n');
    let at = 0;
    for (const line of this.text) {
      this.start.push(at);
      at += line.length + 1;
    }
    // The `---` line that opens the document holds nothing else (the fast reader read it).
    if (this.text[0] !== undefined && /^---(?: |$)/.test(this.text[0])) this.text[0] = '';
  }

  /** The next line with content: its indentation and text (blank and comment-only lines skipped). */
  peek(): { indent: number; text: string } | undefined {
    for (; this.i < this.text.length; this.i++) {
      const s = this.text[this.i] ?? '';
      let indent = 0;
      while (s.charCodeAt(indent) === 32) indent++;
      if (indent === s.length || s.charCodeAt(indent) === 35) continue;
      return { indent, text: s.slice(indent).trimEnd() };
    }
    return undefined;
  }

  at(column: number): number {
    return (this.start[this.i] ?? 0) + column;
  }
}

/** A mapping entry's key (quoted or plain) and where its value starts in `text`, or undefined. */
function entry(text: string): { key: string; rest: number } | undefined {
  const c = text.charAt(0);
  if (c === '"' || c === "'") {
    let j = 1;
    let key = '';
    for (; j < text.length; j++) {
      const ch = text.charAt(j);
      if (c === "'" && ch === "'" && text.charAt(j + 1) === "'") {
        key += "'";
        j++;
      } else if (c === '"' && ch === '\\') {
        // Escapes are JSON's here (the fast reader read nothing else).
        const end = j + (text.charAt(j + 1) === 'u' ? 6 : 2);
        key += JSON.parse(`"${text.slice(j, end)}"`) as string;
        j = end - 1;
      } else if (ch === c) break;
      else key += ch;
    }
    if (text.charAt(j + 1) !== ':') return undefined;
    return { key, rest: j + 2 };
  }
  let at = text.indexOf(': ');
  if (at < 0 && text.endsWith(':')) at = text.length - 1;
  if (at < 0) return undefined;
  return { key: text.slice(0, at), rest: at + 1 };
}

/** The column where the text after `from` starts (spaces skipped). */
function skipSpaces(text: string, from: number): number {
  let j = from;
  while (text.charCodeAt(j) === 32) j++;
  return j;
}

class Reader {
  constructor(private readonly lines: Lines, private readonly unknown: () => never) {}

  block(parent: number, seqAtParent: boolean): PosNode | null {
    const line = this.lines.peek();
    if (!line) return null;
    if (line.indent > parent) return isItem(line.text) ? this.sequence(line.indent) : this.mapping(line.indent);
    if (seqAtParent && line.indent === parent && isItem(line.text)) return this.sequence(parent);
    return null;
  }

  /** A mapping whose keys sit at `indent`. */
  mapping(indent: number): PosMap {
    const items: PosPair[] = [];
    const range = [this.lines.at(indent)] as const;
    for (let line = this.lines.peek(); line && line.indent >= indent; line = this.lines.peek()) {
      const kv = entry(line.text);
      if (!kv) break;
      const key: PosScalar = { [POSITIONS]: true, kind: 'scalar', value: kv.key, range: [this.lines.at(line.indent)] };
      items.push({ key, value: this.value(line.indent, line.text, kv.rest, true) });
    }
    return { [POSITIONS]: true, kind: 'map', items, range };
  }

  sequence(indent: number): PosSeq {
    const items: (PosNode | PosUnknown)[] = [];
    const range = [this.lines.at(indent)] as const;
    for (let line = this.lines.peek(); line && line.indent === indent && isItem(line.text); line = this.lines.peek()) {
      const col = skipSpaces(line.text, 1);
      const rest = line.text.slice(col);
      if (rest === '' || rest.startsWith('#')) {
        this.lines.i++;
        const unknown = this.unknown;
        items.push(this.block(indent, false) ?? { [POSITIONS]: true, kind: 'unknown', get range(): readonly [number] { return unknown(); } });
      } else if (isItem(rest) || entry(rest)) {
        // `- name: x` or `- - x`: the line goes on as if the dash were a space, as the fast reader reads it.
        const s = this.lines.text[this.lines.i] ?? '';
        this.lines.text[this.lines.i] = ' '.repeat(indent + col) + s.slice(indent + col);
        items.push(isItem(rest) ? this.sequence(indent + col) : this.mapping(indent + col));
      } else items.push(this.value(indent, line.text, col, false) ?? scalar(this.lines.at(indent + col)));
    }
    return { [POSITIONS]: true, kind: 'seq', items, range };
  }

  /** The value after a key or a dash on this line, from column `from` of `text` (the line's own text at `indent`). */
  private value(indent: number, text: string, from: number, inMap: boolean): PosNode | null {
    const col = skipSpaces(text, from);
    const rest = text.slice(col);
    const at = this.lines.at(indent + col);
    this.lines.i++;
    if (rest === '' || rest.startsWith('#')) return inMap ? this.block(indent, true) : null;
    if (rest.startsWith('|')) {
      this.skipLiteral(indent);
      return scalar(at);
    }
    if (rest.startsWith('[') && !rest.startsWith('[]')) return this.flow(rest, at);
    return scalar(at);
  }

  /** A `|` block's lines: blank, or deeper than its parent. */
  private skipLiteral(parent: number): void {
    for (; this.lines.i < this.lines.text.length; this.lines.i++) {
      const s = this.lines.text[this.lines.i] ?? '';
      if (s.trim() === '') continue;
      let n = 0;
      while (s.charCodeAt(n) === 32) n++;
      if (n <= parent) return;
    }
  }

  /** `[a, "b"]` on one line: where each item starts (the fast reader read only scalars here). */
  private flow(text: string, at: number): PosSeq {
    const items: PosScalar[] = [];
    let j = 1;
    for (;;) {
      j = skipSpaces(text, j);
      items.push(scalar(at + j));
      const c = text.charAt(j);
      if (c === '"' || c === "'") {
        for (j++; j < text.length; j++) {
          if (c === '"' && text.charAt(j) === '\\') j++;
          else if (c === "'" && text.charAt(j) === "'" && text.charAt(j + 1) === "'") j++;
          else if (text.charAt(j) === c) break;
        }
        j++;
      } else while (j < text.length && !/[\s,\]]/.test(text.charAt(j))) j++;
      j = skipSpaces(text, j);
      if (text.charAt(j++) !== ',') break;
    }
    return { [POSITIONS]: true, kind: 'seq', items, range: [at] };
  }
}

/** The positions tree of a document the fast reader reads (call it only on such a document). */
export function readPositions(doc: string, unknown: () => never): PosNode | null {
  const lines = new Lines(doc);
  const r = new Reader(lines, unknown);
  const first = lines.peek();
  if (!first) return null;
  return isItem(first.text) ? r.sequence(0) : r.mapping(0);
}
