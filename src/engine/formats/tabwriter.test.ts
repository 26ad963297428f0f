import { describe, expect, it } from 'vitest';
import { AlignRight, CILIUM_TABLE, Debug, DiscardEmptyColumns, tabwrite } from './tabwriter.ts';

/** The seed's `c0 map get cilium_ipcache` (the blog dropped the trailing spaces). */
const SEED_IPCACHE = `Key                 Value                                                                     State   Error
192.168.10.102/32   identity=6 encryptkey=0 tunnelendpoint=0.0.0.0, flags=<none>              sync
0.0.0.0/0           identity=2 encryptkey=0 tunnelendpoint=0.0.0.0, flags=<none>              sync
172.16.1.235/32     identity=10037 encryptkey=0 tunnelendpoint=192.168.10.101, flags=<none>   sync
172.16.0.79/32      identity=26332 encryptkey=0 tunnelendpoint=0.0.0.0, flags=<none>          sync
172.16.2.253/32     identity=10037 encryptkey=0 tunnelendpoint=192.168.10.102, flags=<none>   sync
172.16.0.144/32     identity=40127 encryptkey=0 tunnelendpoint=0.0.0.0, flags=<none>          sync
192.168.10.101/32   identity=6 encryptkey=0 tunnelendpoint=0.0.0.0, flags=<none>              sync
172.16.1.180/32     identity=4 encryptkey=0 tunnelendpoint=192.168.10.101, flags=<none>       sync
172.16.2.144/32     identity=4 encryptkey=0 tunnelendpoint=192.168.10.102, flags=<none>       sync
172.16.2.65/32      identity=46309 encryptkey=0 tunnelendpoint=192.168.10.102, flags=<none>   sync
172.16.0.189/32     identity=1 encryptkey=0 tunnelendpoint=0.0.0.0, flags=<none>              sync
192.168.10.10/32    identity=1 encryptkey=0 tunnelendpoint=0.0.0.0, flags=<none>              sync
172.16.2.206/32     identity=6 encryptkey=0 tunnelendpoint=192.168.10.102, flags=<none>       sync
172.16.0.43/32      identity=4 encryptkey=0 tunnelendpoint=0.0.0.0, flags=<none>              sync
172.16.0.193/32     identity=40127 encryptkey=0 tunnelendpoint=0.0.0.0, flags=<none>          sync
172.16.2.82/32      identity=2396 encryptkey=0 tunnelendpoint=192.168.10.102, flags=<none>    sync`;

const trimLines = (s: string) => s.split('\n').map((l) => l.trimEnd());

describe('tabwrite (Go text/tabwriter semantics)', () => {
  it('reproduces the seed ipcache table from the same rows, as map_get.go writes them', () => {
    const rows = SEED_IPCACHE.split('\n').slice(1).map((l) => l.split(/ {3,}/));
    let text = 'Key\tValue\tState\tError\n';
    for (const [key, value, state] of rows) text += `${key}\t${value}\t${state}\t\n`;
    const out = tabwrite(text, CILIUM_TABLE);
    expect(trimLines(out)).toEqual([...SEED_IPCACHE.split('\n'), '']);
    // The State column is padded even when Error is empty: the real tool leaves trailing spaces.
    expect(out.split('\n')[1]!.endsWith('sync    ')).toBe(true);
  });

  it('pads each column to its widest cell plus padding, at least minwidth', () => {
    expect(tabwrite('a\tbb\tc\nccc\td\te\n')).toBe('a     bb   c\nccc   d    e\n');
    expect(tabwrite('abcdefg\tx\n')).toBe('abcdefg   x\n');
  });

  it('never pads the text after the last tab, and a header tail does not widen the column below', () => {
    // TablePrinter: the header's second title is unterminated, data cells are terminated.
    const out = tabwrite('ID\tBACKEND ADDRESS (REVNAT_ID) (SLOT)\n9\t10.10.252.131:80\t\n');
    expect(out).toBe('ID   BACKEND ADDRESS (REVNAT_ID) (SLOT)\n9    10.10.252.131:80   \n');
  });

  it('computes widths per block of adjacent lines that share the column', () => {
    // The single-cell middle line ends the block: the lines around it are aligned independently.
    expect(tabwrite('a\tb\nsingle line\nlonger\tc\n')).toBe('a    b\nsingle line\nlonger   c\n');
  });

  it('keeps continuation lines (leading empty cells) aligned with their block', () => {
    const out = tabwrite('9\t10.10.252.131:80\tClusterIP\t1 => a\t\n\t\t\t2 => b\t\n');
    expect(trimLines(out)).toEqual(['9    10.10.252.131:80   ClusterIP   1 => a', '                                    2 => b', '']);
  });

  it('counts runes, not UTF-16 units or bytes', () => {
    expect(tabwrite('é\tx\n🙂\ty\n')).toBe('é    x\n🙂    y\n');
  });

  it('supports AlignRight, DiscardEmptyColumns and Debug like Go', () => {
    expect(tabwrite('a\tbbb\t\nccc\td\t\n', { ...CILIUM_TABLE, flags: AlignRight })).toBe('     a   bbb\n   ccc     d\n');
    // Hard tabs around an empty cell keep the column (it is not "soft").
    expect(tabwrite('a\t\tb\n', { ...CILIUM_TABLE, flags: DiscardEmptyColumns })).toBe('a         b\n');
    expect(tabwrite('a\tb\n', { ...CILIUM_TABLE, flags: Debug })).toBe('a    |b\n');
    // Soft tabs ('\v') around an empty cell let DiscardEmptyColumns drop the column; hard tabs do not.
    expect(tabwrite('a\v\vb', { minwidth: 4, tabwidth: 0, padding: 0, padchar: '.', flags: DiscardEmptyColumns })).toBe('a...b');
  });

  it('pads with tabs when padchar is a tab, and then ignores AlignRight', () => {
    const tabs = { minwidth: 8, tabwidth: 8, padding: 1, padchar: '\t', flags: AlignRight };
    expect(tabwrite('ab\tc\nabcdefgh\td\n', tabs)).toBe('ab\t\tc\nabcdefgh\td\n');
  });

  it('keeps an unterminated last line without a newline', () => {
    expect(tabwrite('a\tb\nc\td')).toBe('a    b\nc    d');
  });
});
