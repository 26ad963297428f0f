import { describe, expect, it } from 'vitest';
import { MAX_SCENARIO_BYTES } from '../../src/scenario/decode.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { readBlob } from '../../src/worker/read-blob.ts';
import { fileTooBig, MAX_PASTE_BYTES, pastedBytes } from '../../src/ui/scenario/read-file.ts';

/** What the worker does with a chosen file: its bytes, then the one loader entry (decoded by BOM like the CLI). */
const firstError = async (b: Uint8Array) => {
  const r = loadScenario(await readBlob(new Blob([b as Uint8Array<ArrayBuffer>]), () => undefined), 'x');
  return r.ok ? 'loaded' : r.errors[0];
};

describe('a chosen scenario file (issue #10.7: decoded by BOM as the CLI does, now in the worker)', () => {
  it('UTF-16LE and BE by their BOM, UTF-8 without', async () => {
    const le = new Uint8Array([0xff, 0xfe, ...Buffer.from('kind: Node\n', 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    // Decoded alike: the same located error about the same (name-less) Node.
    expect(await firstError(le)).toEqual(await firstError(new Uint8Array(Buffer.from('kind: Node\n'))));
    expect(await firstError(new Uint8Array(be))).toEqual(await firstError(new Uint8Array(Buffer.from('kind: Node\n'))));
    expect(await firstError(new Uint8Array(Buffer.from('kind: Node\n')))).toMatchObject({ message: expect.stringMatching(/^Node, metadata.name \(document 1, line 1\)/) });
  });

  it('invalid UTF-8 is an error at its line; a file over the limit is not read; pasted text stops at 1 MB', async () => {
    const bad = new Uint8Array([...Buffer.from('a: 1\nb: '), 0xc3, 0x28]);
    expect(await firstError(bad)).toEqual({ severity: 'error', message: 'line 2: the file is not valid UTF-8 (byte 10)', line: 2, doc: 0, kind: 'encoding',
      text: { id: 'scenario.encoding', params: { line: 2, encoding: 'UTF-8', byte: 10 } },
    });
    expect(fileTooBig(MAX_SCENARIO_BYTES + 1)).toBe(true);
    expect(fileTooBig(80e6)).toBe(false);
    expect(pastedBytes('é'.repeat(MAX_PASTE_BYTES / 2))).toBe(MAX_PASTE_BYTES);
    expect(pastedBytes('é'.repeat(MAX_PASTE_BYTES / 2 + 1))).toBeGreaterThan(MAX_PASTE_BYTES);
  });
});
