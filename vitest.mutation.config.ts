/**
 * The engine's own tests, for mutation testing (`npm run mutation`, stryker.config.mjs). The exhaustive
 * run (test/engine/exhaustive.test.ts) is left out: it takes tens of seconds per mutant. It stays in
 * `npm test`. Each property tries a tenth of its inputs here (PROPERTY_RUNS_FRACTION): the cases and
 * the named tests do most of the killing, and a full property run per mutant would take hours on two
 * cores.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/engine/**/*.test.ts'],
    exclude: ['test/engine/exhaustive.test.ts', 'node_modules/**'],
    environment: 'node',
    env: { PROPERTY_RUNS_FRACTION: '0.1' },
  },
});
