// Unit, property and golden tests run in Node: the engine and the scenario
// loader are pure TypeScript, so no DOM environment is needed here.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
    // Snapshots as in CI on every run, not only when CI=true: a missing or
    // changed golden (test/golden/**) fails instead of being written. Goldens
    // are rewritten only on purpose, with `npm run test:goldens` (vitest -u).
    update: 'none',
  },
});
