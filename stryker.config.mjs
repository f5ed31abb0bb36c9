// Mutation testing of the engine: `npm run mutation` (not part of `npm test` or CI; it takes tens of
// minutes on two cores). Runs the engine's own tests (vitest.mutation.config.ts: test/engine without
// the exhaustive run) against every mutant of src/engine. Incremental: a rerun tests only the mutants
// whose code or covering tests changed since the last run (reports/stryker-incremental.json).
// Equivalent mutants are named where they occur, with `// Stryker disable next-line <mutator>: <reason>`.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  mutate: ['src/engine/**/*.ts'],
  coverageAnalysis: 'perTest',
  concurrency: 2,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'html', 'json', 'progress'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  timeoutMS: 5000,
  thresholds: { high: 90, low: 80, break: null },
};
