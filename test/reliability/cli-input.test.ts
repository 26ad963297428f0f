/** Issue #10.3-5 and the CLI's part of #10.7: pipes, input limits, encodings and terminal-safe output. */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.ts';
import { escapeControls } from '../../src/cli/terminal.ts';
import { ROOT } from '../cli/flowlab.ts';

const dir = mkdtempSync(join(tmpdir(), 'flowlab-rel-'));
function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = run(argv, { out: (t) => (stdout += t), err: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const NODE = 'apiVersion: v1\nkind: Node\nmetadata: {name: n1}\nspec: {podCIDRs: [10.0.0.0/24]}\n'
  + 'status: {addresses: [{type: InternalIP, address: 192.168.1.1}]}\n';
const KANS = readFileSync(join(ROOT, 'public/scenarios/kans-lab.yaml'), 'utf8');

afterEach(() => {
  delete process.env['FLOWLAB_MAX_BYTES'];
});

describe('flowlab input', () => {
  it('a closed pipe ends the CLI quietly (no EPIPE stack, exit 0)', async () => {
    const child = spawn(process.execPath, ['bin/flowlab.mjs', 'trace', '--from', 'netpod', '--to', 'webpod1', '--format', 'json'], { cwd: ROOT });
    // The reader goes away before anything is written, as `| head -1` does after its line.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  }, 60_000);

  it('reads regular files only: /dev/zero is refused in one line', () => {
    const r = cli('validate', '/dev/zero');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('flowlab: cannot read /dev/zero: not a regular file\n');
  });

  it('a file over the size limit is refused, and FLOWLAB_MAX_BYTES overrides the limit', () => {
    const path = file('big.yaml', NODE);
    process.env['FLOWLAB_MAX_BYTES'] = '20';
    expect(cli('validate', path).stderr).toMatch(/^flowlab: .*big\.yaml is \d+ bytes, more than the limit of 20 \(set FLOWLAB_MAX_BYTES to allow more\)\n$/);
    process.env['FLOWLAB_MAX_BYTES'] = String(10 * 1024);
    expect(cli('validate', path).code).toBe(0);
    process.env['FLOWLAB_MAX_BYTES'] = 'lots';
    expect(cli('validate', path).stderr).toMatch(/FLOWLAB_MAX_BYTES must be a whole number/);
  });

  it('validate lists the first 50 errors and counts the rest; long messages are clipped', () => {
    const pods = Array.from({ length: 120 }, (_, i) => `---\napiVersion: v1\nkind: Pod\nmetadata: {name: p${i}}\nspec: {nodeName: n1}\nstatus: {phase: Bogus, podIP: 10.0.0.${i + 2}}\n`);
    const r = cli('validate', file('many.yaml', NODE + pods.join('')));
    expect(r.code).toBe(2);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(52);
    expect(lines.at(-2)).toBe('... and 70 more');
    expect(lines.at(-1)).toBe('120 errors');
    const long = cli('validate', file('long.yaml', `${NODE}---\napiVersion: v1\nkind: Pod\nmetadata: {name: ${'a'.repeat(100_000)}}\nspec: {nodeName: n1}\nstatus: {podIP: 10.0.0.9}\n`));
    expect(long.code).toBe(2);
    expect(long.stderr.length).toBeLessThan(2000);
  });

  it('control characters in names are printed as escapes, never raw', () => {
    const r = cli('validate', file('esc.yaml', `${NODE}---\napiVersion: v1\nkind: Pod\nmetadata: {name: "\\e]0;PWNED\\a\\e[2J"}\nspec: {nodeName: n1}\nstatus: {podIP: 10.0.0.9}\n`));
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(r.stderr).toContain('\\u001b]0;PWNED\\u0007\\u001b[2J');
  });

  it('escaped JSON is still the same JSON (C1 and bidi characters inside strings)', () => {
    const value = { name: 'a\u009b2Jb\u202ec', tab: 'x\ty' };
    const text = escapeControls(JSON.stringify(value));
    expect(text).not.toMatch(/[\u0080-\u009f\u202e]/);
    expect(JSON.parse(text)).toEqual(value);
  });

  it('UTF-16 files are decoded by their BOM (LE and BE); a UTF-8 BOM is dropped', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(KANS, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    expect(cli('validate', file('le.yaml', le)).code).toBe(0);
    expect(cli('validate', file('be.yaml', be)).code).toBe(0);
    expect(cli('validate', file('bom8.yaml', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(KANS)]))).code).toBe(0);
  });

  it('invalid UTF-8 is an error at its line, not a name with U+FFFD', () => {
    const bytes = Buffer.concat([Buffer.from(`${NODE}---\napiVersion: v1\nkind: Pod\nmetadata: {name: p`), Buffer.from([0xc3, 0x28]), Buffer.from('}\n')]);
    const r = cli('validate', file('bad8.yaml', bytes));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^flowlab: bad8\.yaml: line 9: the file is not valid UTF-8 \(byte \d+\)\n$/);
  });
});
