import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/cli/errors.ts';
import { splitWords } from '../../src/cli/words.ts';

describe('splitWords (--after "...")', () => {
  it('splits on blanks and honours quotes and backslashes', () => {
    expect(splitWords('--from netpod  --to 8.8.8.8 --proto tcp')).toEqual(['--from', 'netpod', '--to', '8.8.8.8', '--proto', 'tcp']);
    expect(splitWords(`--to "a b" 'c "d"' e\\ f ""`)).toEqual(['--to', 'a b', 'c "d"', 'e f', '']);
    expect(() => splitWords('--to "open')).toThrow(UserError);
  });

  it('gives back any list of words quoted the POSIX way', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 8 }), { maxLength: 6 }), (words) => {
        const quoted = words.map((w) => `'${w.replace(/'/g, `'\\''`)}'`).join(' ');
        expect(splitWords(quoted)).toEqual(words);
      }),
    );
  });
});
