/** Runs the real CLI (`node bin/flowlab.mjs ...`) and reads the seed fixtures, for the CLI tests. */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/flowlab.mjs', import.meta.url));

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export function flowlab(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      const code = err && typeof err.code === 'number' ? err.code : err ? -1 : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** A seed fixture's lines (test/fixtures/seed/NAME.txt), without trailing blanks. */
export function seedLines(name: string): string[] {
  return readFileSync(new URL(`../fixtures/seed/${name}.txt`, import.meta.url), 'utf8').replace(/\n+$/, '').split('\n');
}

/** Output lines with the trailing spaces the real tools print (and the blog lost) removed. */
export const lines = (text: string) => text.split('\n').map((l) => l.trimEnd());
