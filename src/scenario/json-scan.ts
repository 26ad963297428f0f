/**
 * Just enough of a JSON scanner to find where things are in a text that
 * JSON.parse already read (or could not): the end of a value, the start of a
 * path's node. Used only when a message needs a line, or to cut a text of
 * several JSON values into documents.
 */
import type { FieldPath } from './k8s-object.ts';

const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;

export function skipSpace(text: string, i: number): number {
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** End (exclusive) of the string starting at `i` (a `"`); the text's end when unterminated. */
function skipString(text: string, i: number): number {
  for (let j = i + 1; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 92) j++;
    else if (c === 34) return j + 1;
  }
  return text.length;
}

/** End (exclusive) of the value starting at `i`; always past `i`, the text's end when unterminated. */
export function skipValue(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === 34) return skipString(text, i);
  if (c === 123 || c === 91) {
    let depth = 0;
    for (let j = i; j < text.length; j++) {
      const d = text.charCodeAt(j);
      if (d === 34) j = skipString(text, j) - 1;
      else if (d === 123 || d === 91) depth++;
      else if ((d === 125 || d === 93) && --depth === 0) return j + 1;
    }
    return text.length;
  }
  let j = i;
  // A scalar (number, true, null) or garbage: up to the next delimiter.
  while (j < text.length && !isSpace(text.charCodeAt(j)) && !',]}'.includes(text.charAt(j))) j++;
  return Math.max(j, i + 1);
}

/** Offsets of the elements of the array starting at `i` (a `[`). */
function elementStarts(text: string, i: number): number[] {
  const starts: number[] = [];
  let j = skipSpace(text, i + 1);
  while (j < text.length && text.charCodeAt(j) !== 93) {
    starts.push(j);
    j = skipSpace(text, skipValue(text, j));
    if (text.charCodeAt(j) !== 44) break;
    j = skipSpace(text, j + 1);
  }
  return starts;
}

/**
 * Finds nodes in one JSON value of a text. An array's element offsets are
 * kept once scanned, so locating item 90,000 of a List and then item 90,001
 * does not scan the List twice.
 */
export class JsonLocator {
  private readonly arrays = new Map<number, number[]>();

  constructor(private readonly text: string) {}

  /** Offset of the deepest node on `path` from the value at `start` that exists; a member answers with its key. */
  offsetOf(start: number, path: FieldPath): number {
    const text = this.text;
    let i = skipSpace(text, start);
    let offset = i;
    for (const seg of path) {
      const c = text.charCodeAt(i);
      if (c === 91 && typeof seg === 'number') {
        let starts = this.arrays.get(i);
        if (!starts) this.arrays.set(i, (starts = elementStarts(text, i)));
        const at = starts[seg];
        if (at === undefined) break;
        i = offset = at;
      } else if (c === 123) {
        const member = this.member(i, String(seg));
        if (!member) break;
        offset = member.key;
        i = member.value;
      } else break;
    }
    return offset;
  }

  /** The key and value offsets of the member `want` of the object starting at `i` (a `{`), if it has one. */
  member(i: number, want: string): { key: number; value: number } | undefined {
    const text = this.text;
    let j = skipSpace(text, i + 1);
    while (text.charCodeAt(j) === 34) {
      const end = skipString(text, j);
      let key: unknown;
      try {
        key = JSON.parse(text.slice(j, end));
      } catch {
        return undefined;
      }
      let v = skipSpace(text, end);
      if (text.charCodeAt(v) === 58) v = skipSpace(text, v + 1);
      if (key === want) return { key: j, value: v };
      j = skipSpace(text, skipValue(text, v));
      if (text.charCodeAt(j) !== 44) return undefined;
      j = skipSpace(text, j + 1);
    }
    return undefined;
  }
}
