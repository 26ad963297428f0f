/**
 * Cuts a multi-document YAML text at its `---` lines, so each document is
 * parsed on its own (docs/loading-notes.md: faster, and no syntax tree is kept
 * for 100,000 objects). Returns undefined for texts the cut could misread
 * (directives `%`, document-end `...` lines): those take yaml's own
 * parseAllDocuments, which reads every form.
 */

export interface YamlChunk {
  /** The document's text, from its `---` line (if any) to the next one. */
  text: string;
  /** Offset of `text` in the whole input (lines are computed from it only when needed). */
  offset: number;
}

/** `---` at the start of a line, then a space, tab, line end or the text's end (YAML 1.2 c-directives-end). */
function markerAt(text: string, i: number): boolean {
  if (text.charCodeAt(i) !== 45 || text.charCodeAt(i + 1) !== 45 || text.charCodeAt(i + 2) !== 45) return false;
  const next = text.charCodeAt(i + 3);
  return Number.isNaN(next) || next === 32 || next === 9 || next === 10 || next === 13;
}

/** A preamble of blank and comment lines is not a document (as parseAllDocuments counts); stops at the first other line. */
function onlyComments(text: string): boolean {
  for (let at = 0; at < text.length; ) {
    const end = text.indexOf('\n', at);
    const line = text.slice(at, end < 0 ? text.length : end).trim();
    if (line !== '' && !line.startsWith('#')) return false;
    at = end < 0 ? text.length : end + 1;
  }
  return true;
}

/** A line that starts with `what` (for `...`: then a space, tab, line end or the text's end); indexOf, not a regex, over 80 MB. */
function hasLineStarting(text: string, what: string, marker: boolean): boolean {
  const ok = (i: number) => !marker || Number.isNaN(text.charCodeAt(i + what.length)) || ' \t\r\n'.includes(text.charAt(i + what.length));
  if (text.startsWith(what) && ok(0)) return true;
  for (let i = text.indexOf(`\n${what}`); i >= 0; i = text.indexOf(`\n${what}`, i + 1)) if (ok(i + 1)) return true;
  return false;
}

export function splitYamlDocuments(text: string): YamlChunk[] | undefined {
  if (hasLineStarting(text, '%', false) || hasLineStarting(text, '...', true)) return undefined;
  const starts: number[] = [];
  if (markerAt(text, 0)) starts.push(0);
  for (let i = text.indexOf('\n---'); i >= 0; i = text.indexOf('\n---', i + 1)) {
    if (markerAt(text, i + 1)) starts.push(i + 1);
  }
  const chunks: YamlChunk[] = [];
  const first = starts[0] ?? text.length;
  if (first > 0 && !onlyComments(text.slice(0, first))) chunks.push({ text: text.slice(0, first), offset: 0 });
  starts.forEach((start, k) => chunks.push({ text: text.slice(start, starts[k + 1] ?? text.length), offset: start }));
  return chunks;
}
