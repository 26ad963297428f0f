/**
 * cilium-dbg's TablePrinter (cilium-dbg/cmd/helpers.go): a two-title table of
 * a map[string][]string, used by `bpf lb list`, `bpf endpoint list` and
 * `bpf ipmasq list`. The header's second title is the line's unterminated
 * tail, so it never widens the second column; data cells are tab-terminated,
 * so the second column is padded (trailing spaces, as the real tool prints).
 *
 * Go iterates the map in random order; callers pass rows in a stable order
 * and say which in their own comment.
 */
import { tabwrite } from '../tabwriter.ts';

export type PrinterRows = ReadonlyArray<readonly [key: string, values: readonly string[]]>;

export function tablePrinter(firstTitle: string, secondTitle: string, rows: PrinterRows): string {
  let text = `${firstTitle}\t${secondTitle}\n`;
  for (const [key, values] of rows) {
    values.forEach((v, i) => {
      text += `${i === 0 ? key : ''}\t${v}\t\n`;
    });
  }
  return tabwrite(text);
}
