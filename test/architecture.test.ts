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

describe('the state', () => {
  // The store and its pure updates are tested in Node and shared by every view: the UI depends on them, never the reverse.
  it('imports nothing from src/ui', () => {
    const ui = join(root, 'src/ui');
    const offenders = files(join(root, 'src/state')).flatMap((f) =>
      relativeImports(f).filter((to) => to.startsWith(ui)).map((to) => `${f.slice(root.length)} -> ${to.slice(root.length)}`),
    );
    expect(offenders).toEqual([]);
  });
});

/** Relative imports of a file (`import`/`export ... from`, type-only ones included, and bare `import './x'`). */
function relativeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [
    ...text.matchAll(/^\s*(?:import|export)\b[^'";]*?\bfrom\s+['"](\.[^'"]+)['"]/gm),
    ...text.matchAll(/^\s*import\s+['"](\.[^'"]+)['"]/gm),
  ];
  return specs.map((m) => resolve(dirname(file), m[1]!));
}

/** The first cycle found by a depth-first walk, as the list of files around it; undefined when none. */
function findCycle(graph: Map<string, string[]>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (f: string): string[] | undefined => {
    state.set(f, 'open');
    stack.push(f);
    for (const g of graph.get(f) ?? []) {
      if (state.get(g) === 'open') return [...stack.slice(stack.indexOf(g)), g];
      if (!state.has(g)) {
        const found = visit(g);
        if (found) return found;
      }
    }
    stack.pop();
    state.set(f, 'done');
    return undefined;
  };
  for (const f of graph.keys()) {
    if (state.has(f)) continue;
    const found = visit(f);
    if (found) return found;
  }
  return undefined;
}

const engineSources = () => files(join(root, 'src/engine')).filter((f) => !/\.test\.ts$|test-helper\.ts$/.test(f));

describe('the engine', () => {
  // Type-only imports count too: a cycle of types is still a cycle of concepts (DESIGN §8).
  it('has no import cycle in src/engine', () => {
    const inEngine = join(root, 'src/engine');
    const graph = new Map(engineSources().map((f) => [f, relativeImports(f).filter((g) => g.startsWith(inEngine))]));
    const cycle = findCycle(graph);
    expect(cycle?.map((f) => f.slice(root.length)).join(' → ')).toBeUndefined();
  });

  // A `!` after an expression or `as never` silences the type checker; the engine narrows or throws instead.
  it('has no non-null assertion and no `as never` in src/engine', () => {
    const offenders = engineSources().flatMap((f) =>
      readFileSync(f, 'utf8').split('\n').flatMap((line, i) => {
        const code = line.replace(/\/\/.*$/, '').replace(/(['"`])(?:\\.|(?!\1).)*\1/g, '""');
        return /[\w)\]]!(?=[.);,[\s]|$)(?!=)|\bas never\b/.test(code) ? [`${f.slice(root.length)}:${i + 1}: ${line.trim()}`] : [];
      }),
    );
    expect(offenders).toEqual([]);
  });

  // The programs are read next to Cilium's C: lines a reviewer can take in at once.
  it('keeps lines of src/engine/programs and src/engine/flow under 120 characters', () => {
    const dirs = ['src/engine/programs', 'src/engine/flow'].map((d) => join(root, d));
    const long = engineSources().filter((f) => dirs.some((d) => f.startsWith(d))).flatMap((f) =>
      readFileSync(f, 'utf8').split('\n').flatMap((line, i) => (line.length > 120 ? [`${f.slice(root.length)}:${i + 1} (${line.length})`] : [])),
    );
    expect(long).toEqual([]);
  });
});

describe('the engine\'s surface', () => {
  // One public surface: everything outside src/engine goes through src/engine/index.ts, so the engine's
  // inside can move without touching the page, the worker or the CLI. Tests may reach inside.
  it('is src/engine/index.ts for the page, the state, the worker, the CLI, i18n and the bench', () => {
    const engine = join(root, 'src/engine');
    const index = join(engine, 'index.ts');
    const outside = ['src/ui', 'src/state', 'src/worker', 'src/cli', 'src/i18n', 'bench'].flatMap((d) => files(join(root, d)));
    const offenders = outside
      .filter((f) => !/\.test\.tsx?$|test-helper\.ts$/.test(f))
      .flatMap((f) => relativeImports(f).filter((g) => g.startsWith(engine) && g !== index).map((g) => `${f.slice(root.length)} → ${g.slice(root.length)}`));
    expect(offenders).toEqual([]);
  });
});

describe('file names', () => {
  // One convention: kebab-case modules, PascalCase React components (.tsx that export one), nothing else.
  it('are kebab-case for modules and PascalCase for components', () => {
    const all = ['src', 'test', 'e2e', 'bench'].flatMap((d) => files(join(root, d)));
    const bad = all.map((f) => f.slice(root.length)).filter((f) => {
      const base = f.split('/').pop() ?? f;
      const stem = base.replace(/(\.test|\.spec|\.property\.test|\.test-helper|\.d)?\.tsx?$/, '').replace(/\.(test|spec|worker)$/, '');
      const kebab = /^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)*$/.test(stem);
      const component = base.endsWith('.tsx') && /^[A-Z][A-Za-z0-9]*$/.test(stem);
      return !(kebab || component);
    });
    expect(bad).toEqual([]);
  });
});
