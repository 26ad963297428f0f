/**
 * Reads back what cilium-dbg's TablePrinter printed (formats/cilium/table-printer.ts):
 * a header line whose second title starts the value column, then one row per
 * value; a row with an empty first column continues the key above (a key
 * with several values). Keys hold spaces (`10.96.0.1:443 (0)`), so columns
 * are cut at the header's offset, not split on whitespace.
 *
 * cilium-bugtool may wrap a command's output in Markdown (`# <command>`, a
 * fenced block; bugtool/cmd/root.go writeCmdToFile with markdown on): the
 * fence and the title are dropped first.
 */
import { message, type Message } from '../messages.ts';
export interface PrintedTable {
  titles: [string, string];
  rows: Map<string, string[]>;
}

/** A table that cannot be read: the English line (the CLI's) and the same words for the page (`says`). */
export type PrintedRead = { ok: true; table: PrintedTable } | { ok: false; error: string; says: Message };

function unwrapMarkdown(text: string): string {
  const fenced = /```\n([\s\S]*?)\n```/.exec(text);
  return fenced?.[1] ?? text;
}

export function readPrintedTable(text: string, titles: readonly [string, string]): PrintedRead {
  const lines = unwrapMarkdown(text).split('\n');
  const headerAt = lines.findIndex((l) => l.startsWith(titles[0]));
  const header = lines[headerAt];
  if (header === undefined) {
    // "No entries found." (stderr, but bugtool writes stderr into the same file) is an empty table, not an error.
    if (/No entries found/.test(text)) return { ok: true, table: { titles: [titles[0], titles[1]], rows: new Map() } };
    const header = `${titles[0]}  ${titles[1]}`;
    return { ok: false, error: `line 1: expected the header "${header}"`, says: message('reality.table.header', { header }) };
  }
  const col = header.indexOf(titles[1], titles[0].length);
  if (col < 0) {
    const [line, title] = [headerAt + 1, titles[1]];
    return { ok: false, error: `line ${line}: the header has no "${title}" column`, says: message('reality.table.column', { line, title }) };
  }
  const rows = new Map<string, string[]>();
  let last: string[] | undefined;
  for (const line of lines.slice(headerAt + 1)) {
    if (line.trim() === '') continue;
    const key = line.slice(0, col).trim();
    const value = line.slice(col).trim();
    if (key === '' && last) last.push(value);
    else {
      last = [value];
      rows.set(key, last);
    }
  }
  return { ok: true, table: { titles: [titles[0], titles[1]], rows } };
}
