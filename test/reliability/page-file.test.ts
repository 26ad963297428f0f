import { describe, expect, it } from 'vitest';
import { readPickedFile } from '../../src/ui/scenario/read-file.ts';

const bytes = (b: Uint8Array) => () => Promise.resolve(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer);

describe('a picked scenario file (issue #10.7: the page decodes by BOM as the CLI does)', () => {
  it('UTF-16LE and BE by their BOM, UTF-8 without', async () => {
    const le = new Uint8Array([0xff, 0xfe, ...Buffer.from('kind: Node\n', 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    expect(await readPickedFile('a.yaml', le.length, bytes(le))).toEqual({ ok: true, text: 'kind: Node\n' });
    expect(await readPickedFile('a.yaml', be.length, bytes(be))).toEqual({ ok: true, text: 'kind: Node\n' });
    expect(await readPickedFile('a.yaml', 3, bytes(new Uint8Array(Buffer.from('a: é'))))).toEqual({ ok: true, text: 'a: é' });
  });

  it('invalid UTF-8 is an error at its line; a file over the limit is not read', async () => {
    const bad = new Uint8Array([...Buffer.from('a: 1\nb: '), 0xc3, 0x28]);
    expect(await readPickedFile('b.yaml', bad.length, bytes(bad))).toEqual({
      ok: false, issue: { severity: 'error', message: 'b.yaml: line 2: the file is not valid UTF-8 (byte 10)', line: 2, doc: 0 },
    });
    const never = () => Promise.reject(new Error('read'));
    expect(await readPickedFile('big.yaml', 17 * 1024 * 1024, never)).toMatchObject({ ok: false, issue: { message: expect.stringMatching(/more than the limit/) } });
  });
});
