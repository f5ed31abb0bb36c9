/**
 * The engine's own tests, for mutation testing (`npm run mutation`, stryker.config.mjs). The exhaustive
 * run (test/engine/exhaustive.test.ts) is left out: it takes tens of seconds per mutant. It stays in
 * `npm test`.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/engine/**/*.test.ts'],
    exclude: ['test/engine/exhaustive.test.ts', 'node_modules/**'],
    environment: 'node',
  },
});
