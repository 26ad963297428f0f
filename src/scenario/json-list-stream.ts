/**
 * A pretty-printed JSON List (what `kubectl get ... -o json` prints) read one
 * item at a time. JSON.parse of the whole text keeps every parsed object alive
 * until the last one is read, and V8's young-generation collector copies all of
 * them on the way (a third of a 100,000-pod load was that copying). Here each
 * item is parsed alone and handed to the loader, which reads it into its model
 * and drops the body, so the parsed objects die young.
 *
 * Only the layout kubectl prints is streamed: the `items` array's elements each
 * open with `{` alone at the start of a line and close with `}` at the same
 * indentation. A raw newline cannot occur inside a JSON string, so the first
 * such line after an item's `{` closes that item or one nested in it; in the
 * second case the slice is unbalanced and JSON.parse refuses it. Anything else
 * (compact JSON, other indentation, a broken item) is `NOT_STREAMED`, and the
 * caller reads the text whole as before, with located errors.
 */
import { collectItem, type DocContext, type K8sObject, type ObjectStream } from './k8s-object.ts';
import type { JsonLocator } from './json-scan.ts';
import { skipSpace } from './json-scan.ts';
import { PROGRESS_EVERY, type OnProgress } from './progress.ts';

/** Thrown from `forEach` when an item turns out not to be laid out as expected (the caller starts over). */
export const NOT_STREAMED = new Error('not a pretty-printed JSON List');

/** The spaces that open the line `at` is on, or undefined when anything else comes before `at` on it. */
function indentBefore(text: string, at: number): string | undefined {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  for (let i = lineStart; i < at; i++) if (text.charCodeAt(i) !== 32) return undefined;
  return text.slice(lineStart, at);
}

interface ListShape {
  /** The list's own fields (kind, apiVersion, metadata) with an empty `items`. */
  envelope: Record<string, unknown>;
  /** Offset of the first element (or of the closing `]` when empty), and of the closing `]`. */
  first: number;
  close: number;
}

/** Where a kubectl-printed List's items are, or undefined when the text is not one. */
function listShape(text: string, start: number, locator: JsonLocator): ListShape | undefined {
  if (text.charCodeAt(start) !== 123) return undefined;
  const items = locator.member(start, 'items');
  if (!items || text.charCodeAt(items.value) !== 91) return undefined;
  const keyIndent = indentBefore(text, items.key);
  if (keyIndent === undefined) return undefined;
  const first = skipSpace(text, items.value + 1);
  const closeLine = text.charCodeAt(first) === 93 ? first : text.indexOf(`\n${keyIndent}]`, first);
  if (closeLine < 0) return undefined;
  const close = closeLine === first ? first : closeLine + 1 + keyIndent.length;
  let envelope: unknown;
  try {
    // The list without its items: apiVersion, kind and metadata (kubectl prints kind after items).
    envelope = JSON.parse(`${text.slice(start, items.value)}[]${text.slice(close + 1)}`);
  } catch {
    return undefined;
  }
  if (envelope === null || typeof envelope !== 'object' || Array.isArray(envelope)) return undefined;
  const kind = (envelope as Record<string, unknown>)['kind'];
  if (typeof kind !== 'string' || !kind.endsWith('List')) return undefined;
  return { envelope: envelope as Record<string, unknown>, first, close };
}

/**
 * The objects of the List that is the whole text (from `start`), one at a time, or undefined when the
 * text is not laid out as kubectl prints one.
 */
export function streamJsonList(
  text: string,
  start: number,
  locator: JsonLocator,
  ctx: DocContext,
  progress?: OnProgress,
  totalBytes = text.length,
): ObjectStream | undefined {
  const shape = listShape(text, start, locator);
  if (!shape) return undefined;
  const { envelope, first, close } = shape;
  return {
    forEach(visit: (obj: K8sObject) => void): void {
      // collectItem pushes what it collected here; each is handed over and forgotten.
      const found: K8sObject[] = [];
      const itemCtx: DocContext = { ...ctx, objects: found };
      let at = first;
      for (let i = 0; at < close; i++) {
        if (progress && i % PROGRESS_EVERY === 0) {
          progress({ phase: 'parse', bytes: Math.round((at / text.length) * totalBytes), totalBytes, objects: i });
        }
        if (text.charCodeAt(at) !== 123) throw NOT_STREAMED;
        const indent = indentBefore(text, at);
        if (indent === undefined) throw NOT_STREAMED;
        const endLine = text.indexOf(`\n${indent}}`, at);
        if (endLine < 0 || endLine > close) throw NOT_STREAMED;
        const end = endLine + indent.length + 2;
        let item: unknown;
        try {
          item = JSON.parse(text.slice(at, end));
        } catch {
          throw NOT_STREAMED;
        }
        collectItem(envelope, item, i, itemCtx);
        for (const obj of found) visit(obj);
        found.length = 0;
        at = skipSpace(text, end);
        if (text.charCodeAt(at) === 44) at = skipSpace(text, at + 1);
        else if (at !== close) throw NOT_STREAMED;
      }
    },
  };
}
