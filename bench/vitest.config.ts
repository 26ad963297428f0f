// The bench's own tests (the generator), run with
// `npx vitest run --config bench/vitest.config.ts`; the root vitest.config.ts
// includes only src/ and test/.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['bench/**/*.test.ts'],
    environment: 'node',
  },
});
