/**
 * Builds the app for the bench with `vite build`, into bench/results/dist
 * rather than dist/: the end-to-end tests of other engineers may be serving
 * dist/ at the same moment, and vite empties its outDir first. `--manifest`
 * makes Vite list each chunk's static imports, which the bundle-size figure
 * follows instead of parsing minified code.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const OUT_DIR = fileURLToPath(new URL('../results/dist', import.meta.url));

export interface BuildResult {
  ok: boolean;
  ms: number;
  outDir: string;
  /** Last lines of the build's output, for the message when it fails. */
  tail: string;
}

export function buildApp(timeoutMs = 180_000): Promise<BuildResult> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const child = spawn('npx', ['vite', 'build', '--outDir', OUT_DIR, '--emptyOutDir', '--manifest', '--logLevel', 'warn'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs);
    const done = (ok: boolean, extra = '') => {
      clearTimeout(timer);
      const tail = (output + extra).trim().split('\n').slice(-8).join('\n');
      resolve({ ok, ms: performance.now() - t0, outDir: OUT_DIR, tail });
    };
    child.on('error', (err) => done(false, `\n${err.message}`));
    child.on('close', (code, signal) => done(code === 0, code === 0 ? '' : `\nvite build exited with ${signal ?? code}`));
  });
}
