/**
 * Go's text/tabwriter, as the cilium CLI uses it to print its tables.
 *
 * The input is exactly what the Go code passes to fmt.Fprintf: cells end with
 * '\t', lines with '\n'. A cell terminated by a tab belongs to a column; the
 * text after a line's last tab does not, so it is never padded. A column is a
 * run of adjacent lines that all have a terminated cell at that index; its
 * width is the widest cell + padding (at least minwidth), decided per run.
 * That per-run rule is why a header without a trailing tab does not widen the
 * last column, and why `service list` continuation lines line up.
 *
 * Not modelled (cilium never uses them): escapes, FilterHTML, '\v' soft tabs
 * and '\f' flushes; a '\v' is treated like '\t'.
 */

/** Go tabwriter flag bits (text/tabwriter constants). */
export const AlignRight = 1 << 2;
export const DiscardEmptyColumns = 1 << 3;
export const TabIndent = 1 << 4;
export const Debug = 1 << 5;

export interface TabwriterOptions {
  /** Minimal cell width including padding, in characters. */
  minwidth: number;
  /** Width of a tab character, used only when padchar is '\t'. */
  tabwidth: number;
  /** Added to the widest cell of a column, in characters. */
  padding: number;
  padchar: string;
  flags: number;
}

/** `tabwriter.NewWriter(os.Stdout, 5, 0, 3, ' ', 0)`: every cilium-dbg table. */
export const CILIUM_TABLE: TabwriterOptions = { minwidth: 5, tabwidth: 0, padding: 3, padchar: ' ', flags: 0 };

interface Cell {
  text: string;
  /** Display width in runes (Go counts UTF-8 runes, not bytes). */
  width: number;
  /** Terminated by a tab (as opposed to the end of the line). */
  htab: boolean;
}

const runeCount = (s: string): number => [...s].length;

function parse(text: string): Cell[][] {
  const lines: Cell[][] = [];
  let line: Cell[] = [];
  let cell = '';
  for (const ch of text) {
    if (ch === '\t' || ch === '\v') {
      line.push({ text: cell, width: runeCount(cell), htab: ch === '\t' });
      cell = '';
    } else if (ch === '\n') {
      line.push({ text: cell, width: runeCount(cell), htab: false });
      lines.push(line);
      line = [];
      cell = '';
    } else {
      cell += ch;
    }
  }
  // The unterminated tail is the last line (empty when the text ends in '\n').
  if (cell.length > 0) line.push({ text: cell, width: runeCount(cell), htab: false });
  lines.push(line);
  return lines;
}

/** Formats `text` as a Go tabwriter with `opts` would on Flush. */
export function tabwrite(text: string, opts: TabwriterOptions = CILIUM_TABLE): string {
  const lines = parse(text);
  // Writer.Init: tab padding forces left alignment.
  const flags = opts.padchar === '\t' ? opts.flags & ~AlignRight : opts.flags;
  const widths: number[] = [];
  const out: string[] = [];

  const pad = (textw: number, cellw: number, useTabs: boolean): string => {
    if (opts.padchar === '\t' || useTabs) {
      if (opts.tabwidth === 0) return '';
      const w = Math.ceil(cellw / opts.tabwidth) * opts.tabwidth;
      return '\t'.repeat(Math.ceil((w - textw) / opts.tabwidth));
    }
    return opts.padchar.repeat(Math.max(0, cellw - textw));
  };

  const writeLines = (line0: number, line1: number): void => {
    for (let i = line0; i < line1; i++) {
      const cells = lines[i] ?? [];
      let useTabs = (flags & TabIndent) !== 0;
      let s = '';
      cells.forEach((c, j) => {
        if (j > 0 && (flags & Debug) !== 0) s += '|';
        const w = widths[j];
        if (c.text.length === 0) {
          if (w !== undefined) s += pad(c.width, w, useTabs);
          return;
        }
        useTabs = false;
        if ((flags & AlignRight) === 0) {
          s += c.text;
          if (w !== undefined) s += pad(c.width, w, false);
        } else {
          if (w !== undefined) s += pad(c.width, w, false);
          s += c.text;
        }
      });
      out.push(s);
      if (i + 1 < lines.length) out.push('\n');
    }
  };

  // text/tabwriter's format(): find column blocks left to right, recursing
  // into each block with the widths of the columns to its left pushed.
  const format = (line0: number, line1: number): void => {
    const column = widths.length;
    for (let row = line0; row < line1; row++) {
      if (column >= (lines[row]?.length ?? 0) - 1) continue;
      writeLines(line0, row);
      line0 = row;
      let width = opts.minwidth;
      let discardable = true;
      for (; row < line1; row++) {
        const cells = lines[row] ?? [];
        const c = cells[column];
        if (column >= cells.length - 1 || !c) break;
        width = Math.max(width, c.width + opts.padding);
        if (c.width > 0 || c.htab) discardable = false;
      }
      if (discardable && (flags & DiscardEmptyColumns) !== 0) width = 0;
      widths.push(width);
      format(line0, row);
      widths.pop();
      line0 = row;
    }
    writeLines(line0, line1);
  };

  format(0, lines.length);
  return out.join('');
}
