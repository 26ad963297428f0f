/**
 * The engine boundary, made mechanical (DESIGN §2): src/engine and
 * src/scenario never reach the browser, React, zustand, D3 or the app's UI
 * and state, so the same engine runs in the worker, the CLI and the tests;
 * src/i18n (the message catalogs) is as pure, and the engine does not import it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

const FORBIDDEN_PACKAGE = /^(react|react-dom|zustand|d3(-[a-z]+)?|node:.*|fs|path)$/;
const dirs = (...names: string[]) => names.map((d) => join(root, d));
const FORBIDDEN_GLOBAL = /\b(document|window|localStorage|navigator)\s*\./;

/**
 * Each pure directory and the directories it must not import. The engine
 * emits message ids and never imports a catalog (src/i18n); the catalogs and
 * their renderer are pure too, so the CLI (Node) and the page share them.
 */
const PURE: Record<string, string[]> = {
  'src/engine': dirs('src/ui', 'src/state', 'src/worker', 'src/cli', 'src/i18n'),
  'src/scenario': dirs('src/ui', 'src/state', 'src/worker', 'src/cli', 'src/i18n'),
  'src/i18n': dirs('src/ui', 'src/state', 'src/worker', 'src/cli'),
};

describe('the pure core', () => {
  for (const [dir, forbidden] of Object.entries(PURE)) {
    it(`${dir} imports nothing from the UI, the DOM or Node`, () => {
      const offenders = files(join(root, dir)).filter((f) => !f.endsWith('.test.ts')).flatMap((f) => {
        const text = readFileSync(f, 'utf8');
        const bad = [...text.matchAll(/from\s+['"]([^'"]+)['"]/g)].map((m) => m[1]!).filter((spec) =>
          spec.startsWith('.') ? forbidden.some((d) => resolve(dirname(f), spec).startsWith(d)) : FORBIDDEN_PACKAGE.test(spec),
        );
        const global = text.match(FORBIDDEN_GLOBAL);
        return [...bad, ...(global ? [global[0]] : [])].map((what) => `${f.slice(root.length)}: ${what}`);
      });
      expect(offenders).toEqual([]);
    });
  }
});
