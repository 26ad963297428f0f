import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CILIUM_TABLE, tabwrite } from './tabwriter.ts';

/** Cells without blanks, so the padding between them is unambiguous. */
const cell = fc.stringMatching(/^[A-Za-z0-9.:/=<>,()[\]-]{1,12}$/);

/** A block of lines with the same number of tab-terminated cells, plus an unterminated tail each. */
const block = fc.integer({ min: 1, max: 4 }).chain((n) =>
  fc.array(fc.tuple(fc.array(cell, { minLength: n, maxLength: n }), fc.option(cell, { nil: '' })), { minLength: 1, maxLength: 8 }),
);

const render = (rows: [string[], string][]) => rows.map(([cells, tail]) => `${cells.map((c) => `${c}\t`).join('')}${tail}\n`).join('');

describe('tabwrite properties (one column block)', () => {
  it('keeps every cell, in order, separated by padding only', () => {
    fc.assert(
      fc.property(block, (rows) => {
        const out = tabwrite(render(rows)).split('\n');
        expect(out).toHaveLength(rows.length + 1);
        rows.forEach(([cells, tail], i) => expect(out[i]!.split(/ +/).filter(Boolean)).toEqual([...cells, ...(tail ? [tail] : [])]));
      }),
    );
  });

  it('starts each column at the same offset on every line, at max(minwidth, widest + padding) from the last', () => {
    fc.assert(
      fc.property(block, (rows) => {
        const out = tabwrite(render(rows)).split('\n');
        let offset = 0;
        for (let j = 0; j < rows[0]![0].length; j++) {
          const widest = Math.max(...rows.map(([cells]) => cells[j]!.length));
          rows.forEach((_, i) => expect(out[i]!.slice(offset).startsWith(rows[i]![0][j]!)).toBe(true));
          offset += Math.max(CILIUM_TABLE.minwidth, widest + CILIUM_TABLE.padding);
        }
        // The tail of each line starts right after the last column.
        rows.forEach(([, tail], i) => expect(out[i]!.slice(offset)).toBe(tail));
      }),
    );
  });
});
