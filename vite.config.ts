/**
 * Vite: React, the engine in an ES-module worker, and `virtual:scenarios`,
 * the names of the built-in scenarios in public/scenarios (listed at build
 * time, so the page knows them offline without a directory listing). The
 * build also writes each built-in scenario's summary (what the worker
 * answers to loadScenario under the scenario's own settings), so the page
 * draws the cluster before the worker has parsed the YAML.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { CSP_HEADER, CSP_META } from './src/csp.ts';
import { offline } from './src/offline/pwa.ts';
import { derive } from './src/engine/index.ts';
import { DEFAULT_SCENARIO } from './src/scenario/builtin.ts';
import { loadScenario } from './src/scenario/load.ts';
import { issueText } from './src/lessons/model.ts';
import { parseLesson } from './src/lessons/parse.ts';
import { summarize } from './src/worker/summary.ts';

const SCENARIO_DIR = fileURLToPath(new URL('./public/scenarios', import.meta.url));
const VIRTUAL_ID = 'virtual:scenarios';
const LESSON_DIR = fileURLToPath(new URL('./public/lessons', import.meta.url));
const LESSONS_ID = 'virtual:lessons';

function builtinScenarios(): Plugin {
  return {
    name: 'flowlab-builtin-scenarios',
    resolveId: (id) => (id === VIRTUAL_ID ? `\0${VIRTUAL_ID}` : undefined),
    load(id) {
      if (id !== `\0${VIRTUAL_ID}`) return undefined;
      let names: string[] = [];
      try {
        names = readdirSync(SCENARIO_DIR)
          .filter((f) => f.endsWith('.yaml'))
          .map((f) => f.slice(0, -'.yaml'.length))
          .sort((a, b) => (a === DEFAULT_SCENARIO ? -1 : b === DEFAULT_SCENARIO ? 1 : a.localeCompare(b)));
      } catch {
        names = [];
      }
      return `export default ${JSON.stringify(names)};`;
    },
  };
}

/**
 * `virtual:lessons`: public/lessons/*.yaml parsed and validated at build time
 * (the page gets JSON, not the YAML parser). A broken lesson fails the build
 * with its located errors, as `flowlab lesson check` prints them.
 */
function builtinLessons(): Plugin {
  return {
    name: 'flowlab-builtin-lessons',
    resolveId: (id) => (id === LESSONS_ID ? `\0${LESSONS_ID}` : undefined),
    load(id) {
      if (id !== `\0${LESSONS_ID}`) return undefined;
      let files: string[] = [];
      try {
        files = readdirSync(LESSON_DIR).filter((f) => f.endsWith('.yaml')).sort();
      } catch {
        files = [];
      }
      const scenarios = readdirSync(SCENARIO_DIR).filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -'.yaml'.length));
      const lessons = files.map((f) => {
        this.addWatchFile(`${LESSON_DIR}/${f}`);
        const r = parseLesson(readFileSync(`${LESSON_DIR}/${f}`, 'utf8'), f.slice(0, -'.yaml'.length), { scenarios });
        if (!r.ok) throw new Error(`public/lessons/${f}: ${r.errors.map(issueText).join('; ')}`);
        return r.lesson;
      });
      lessons.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
      return `export default ${JSON.stringify(lessons)};`;
    },
  };
}

/** `scenarios/<name>.summary.json` for every built-in scenario, from the same engine code the worker runs. */
function scenarioSummaries(): Plugin {
  return {
    name: 'flowlab-scenario-summaries',
    apply: 'build',
    generateBundle() {
      for (const file of readdirSync(SCENARIO_DIR).filter((f) => f.endsWith('.yaml'))) {
        const name = file.slice(0, -'.yaml'.length);
        const loaded = loadScenario(readFileSync(`${SCENARIO_DIR}/${file}`, 'utf8'), name);
        if (!loaded.ok) continue; // the page reports the errors when it loads the scenario itself
        const summary = summarize(derive(loaded.model, {}), {});
        this.emitFile({ type: 'asset', fileName: `scenarios/${name}.summary.json`, source: JSON.stringify(summary) });
      }
    },
  };
}

const YAML_ON_DEMAND = fileURLToPath(new URL('./src/worker/yaml-on-demand.ts', import.meta.url));

/**
 * In the engine worker's build only, `yaml` resolves to src/worker/yaml-on-demand.ts,
 * which fetches the package on first need (only that module imports the real one):
 * the built-in scenarios load without it, so the first drawing does not wait for it.
 */
function yamlOnDemand(): Plugin {
  return {
    name: 'flowlab-yaml-on-demand',
    enforce: 'pre',
    resolveId: (id, importer) => (id === 'yaml' && importer !== YAML_ON_DEMAND ? YAML_ON_DEMAND : undefined),
  };
}

const I18N_INDEX = fileURLToPath(new URL('./src/i18n/index.ts', import.meta.url));
const KO_ON_DEMAND = fileURLToPath(new URL('./src/i18n/ko-on-demand.ts', import.meta.url));

/**
 * In the page, the Korean catalogs that src/i18n/index.ts imports resolve to
 * src/i18n/ko-on-demand.ts, which fetches them when Korean is first chosen.
 */
function koreanOnDemand(): Plugin {
  return {
    name: 'flowlab-korean-on-demand',
    enforce: 'pre',
    resolveId: (id, importer) => (importer === I18N_INDEX && (id === './ko.ts' || id === './messages-ko.ts') ? KO_ON_DEMAND : undefined),
  };
}

/** The Content-Security-Policy <meta> in the built index.html (src/csp.ts says what it allows and why). */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'flowlab-csp',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP_META }, injectTo: 'head-prepend' }],
  };
}

export default defineConfig({
  base: './',
  plugins: [react(), koreanOnDemand(), builtinScenarios(), builtinLessons(), scenarioSummaries(), contentSecurityPolicy(), offline()],
  worker: { format: 'es', plugins: () => [yamlOnDemand()] },
  build: { target: 'es2022', sourcemap: false },
  preview: { port: 4173, strictPort: true, headers: { 'Content-Security-Policy': CSP_HEADER } },
});
