// Mutation testing of the engine: `npm run mutation` (not part of `npm test` or CI; it takes tens of
// minutes on two cores). Runs the engine's own tests (vitest.mutation.config.ts: test/engine without
// the exhaustive run) against every mutant of src/engine. Incremental: a rerun tests only the mutants
// whose code or covering tests changed since the last run (reports/stryker-incremental.json).
// Equivalent mutants are named where they occur, with `// Stryker disable next-line <mutator>: <reason>`.
//
// Equivalent mutants left running (a disable comment would also switch off mutants of the same kind
// on the same line that the tests kill), so they show as survivors in the report:
// - choose-higher.ts `someUnknown = others === 'unknown'` → false; `best === null` → false (amounts are
//   at least 1 元 by the facts schema, so `o > null` holds); `o > best` → `o >= best` (an equal amount
//   is the same best); `best !== null` → true on both winner lines (best is null only when no amount is
//   known, and then no choice is made).
// - notice.ts the sort's `a > b ? 1 : 0` → true, false, >=, <= (with at most three triggers, sort places
//   a later element after an equal or greater one whether the comparator says 0 or 1; the deadline-order
//   test kills the mutants of the first comparison).
// - relevance.ts `s.status === 'depends'` → true and its `[]` (a subsidy not 'depends' has no dependsOn);
//   `if (value === undefined) delete …` → false (a field set to undefined reads as absent everywhere);
//   the trigger filter → true (see its disable comment).
// - screening-outcome.ts answerNo's `v === 'unknown'` → true and the filter → false (see its disable
//   comment); `facts[f] === 'unknown'` → true (a payee's open fields are all 'unknown'); the early exit
//   → false (see its disable comment); `!ifNo.covered` → false (same date as a covered result).
// - subsidy.ts `if (a)` → true (the rules data gives every standard from the first covered day);
//   `payee === 'person'` → true (one payee rule per subsidy); `scopeClause ? … : []` (every subsidy
//   has a scope clause).
// - what-if.ts `value === facts[field]` → false (the answer given leaves the subsidy not eligible);
//   `alt.status === 'paid'` → false (a paid subsidy pays its standard); subsidyRange's `x.amount?.monthly`
//   and `if (m)` (a result tried with every choice answered has a known tier, so a standard).
// Left as not worth a test: what-if.ts `next.length > MAX_COMBINATIONS` → `>=` (it differs only at
// exactly 4096 combinations, ten yes/no answers and the grade open, and a test would evaluate them all).
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
