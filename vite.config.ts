/**
 * Vite: React, the engine in an ES-module worker, and `virtual:scenarios`,
 * the names of the built-in scenarios in public/scenarios (listed at build
 * time, so the page knows them offline without a directory listing).
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const SCENARIO_DIR = fileURLToPath(new URL('./public/scenarios', import.meta.url));
const VIRTUAL_ID = 'virtual:scenarios';

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
          .sort((a, b) => (a === 'kans-lab' ? -1 : b === 'kans-lab' ? 1 : a.localeCompare(b)));
      } catch {
        names = [];
      }
      return `export default ${JSON.stringify(names)};`;
    },
  };
}

export default defineConfig({
  base: './',
  plugins: [react(), builtinScenarios()],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: false },
  preview: { port: 4173, strictPort: true },
});
