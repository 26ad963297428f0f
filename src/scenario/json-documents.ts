/**
 * JSON text → Kubernetes objects, with JSON.parse and nothing else on the
 * way (what `kubectl get ... -o json` prints: a `List`, one object, an array
 * of objects, or several objects one after another, optionally between `---`
 * lines). Each top-level value is its own document; lines are found only for a
 * message (json-scan.ts), never for a clean load.
 */
import { collect, type DocContext, type Documents } from './k8s-object.ts';
import { streamJsonList } from './json-list-stream.ts';
import { JsonLocator, skipSpace, skipValue } from './json-scan.ts';
import { LineIndex } from './line-index.ts';
import type { OnProgress } from './progress.ts';
import { issueOf } from './issue-of.ts';
import { literal, say, whereDoc } from './issue-text.ts';

/** The first thing in the text (after `---` lines) opens a JSON object or array. */
export function looksLikeJson(text: string): boolean {
  let i = skipSpace(text, 0);
  while (text.startsWith('---', i)) i = skipSpace(text, lineEnd(text, i));
  const c = text.charCodeAt(i);
  return c === 123 || c === 91;
}

export interface JsonDocuments {
  docs: Documents;
  /** Some value was not JSON (the text may be YAML's flow style instead). */
  syntaxError: boolean;
}

/**
 * `stream`: a List laid out as kubectl prints it is handed over item by item (json-list-stream.ts); its
 * `forEach` throws NOT_STREAMED when an item breaks the layout, and the caller reads again with `stream` off.
 */
export function readJsonDocuments(text: string, progress?: OnProgress, totalBytes = text.length, stream = true): JsonDocuments {
  const docs: Documents = { objects: [], issues: [] };
  const lines = new LineIndex(text);
  const locator = new JsonLocator(text);
  const context = (doc: number, start: number): DocContext => ({
    format: 'JSON',
    doc,
    locate: (path) => lines.lineAt(locator.offsetOf(start, path)),
    objects: docs.objects,
    issues: docs.issues,
  });
  progress?.({ phase: 'parse', bytes: 0, totalBytes, objects: 0 });
  if (stream) {
    const start = skipSpace(text, 0);
    const items = streamJsonList(text, start, locator, context(0, start), progress, totalBytes);
    if (items) return { docs: { ...docs, stream: items }, syntaxError: false };
  }
  let values: { data: unknown; start: number }[];
  let syntaxError = false;
  try {
    values = [{ data: JSON.parse(text), start: skipSpace(text, 0) }];
  } catch {
    // Several values one after another (or a broken one): each parsed alone, a broken one located.
    values = [];
    spans(text).forEach(({ start, end }, doc) => {
      try {
        values[doc] = { data: JSON.parse(text.slice(start, end)), start };
      } catch (err) {
        syntaxError = true;
        docs.issues.push(syntaxIssue(err, text, start, end, doc, lines));
      }
    });
  }
  values.forEach(({ data, start }, doc) => {
    const ctx = context(doc, start);
    // A bare array of objects (`jq '.items'`): each element is an object of this one document
    if (Array.isArray(data)) data.forEach((item, i) => collect(item, [i], ctx));
    else collect(data, [], ctx);
  });
  progress?.({ phase: 'parse', bytes: totalBytes, totalBytes, objects: docs.objects.length });
  return { docs, syntaxError };
}

function lineEnd(text: string, i: number): number {
  const nl = text.indexOf('\n', i);
  return nl < 0 ? text.length : nl + 1;
}

/** The top-level values of a text, skipping `---` lines between them. */
function spans(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (let i = skipSpace(text, 0); i < text.length; i = skipSpace(text, i)) {
    if (text.startsWith('---', i)) {
      i = lineEnd(text, i);
      continue;
    }
    const end = skipValue(text, i);
    out.push({ start: i, end });
    i = end;
  }
  return out;
}

function syntaxIssue(err: unknown, text: string, start: number, end: number, doc: number, lines: LineIndex) {
  const raw = err instanceof Error ? err.message : String(err);
  // V8: "Unexpected token } in JSON at position 57" or "... in JSON at position 57 (line 3 column 5)".
  const pos = /at position (\d+)/.exec(raw);
  // Without a position (V8's "Unexpected token 'x', "..." is not valid JSON"), the value's start is said.
  const at = Math.min(start + (pos ? Number(pos[1]) : raw.includes('end of JSON') ? end - start : 0), text.length);
  const reason = raw.replace(/,? "[\s\S]*" is not valid JSON$/, '').replace(/ ?(?:in JSON )?at position \d+[\s\S]*$/, '') || 'not valid JSON';
  const line = lines.lineAt(at);
  const where = say('scenario.where.column', { where: whereDoc(doc, line), column: lines.columnAt(at) });
  return issueOf('error', say('scenario.at.object', { object: 'JSON', where, text: literal(reason) }), { line, doc });
}
