import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';

/**
 * Layers: data flows one way, and each folder imports only from the ones before it.
 *   rules → src/facts → src/engine → src/screening, src/machine → src/result, src/caseview →
 *   features (roster, storage, print, steps, screens, wizard, pwa, cli) → App.
 * `from` lists what a target must not import.
 */
const layer = (target, ...from) => ({ target, from, message: `imports follow the flow rules → facts → engine → screening / machine → features; ${target} may not import this.` });
const features = ['./src/result', './src/caseview', './src/roster', './src/storage', './src/print', './src/steps', './src/screens', './src/wizard', './src/pwa', './src/cli', './src/App.tsx', './src/main.tsx'];
const zones = [
  layer('./rules', './src'),
  layer('./src/facts', './src/engine', './src/screening', './src/machine', './src/i18n', ...features),
  layer('./src/engine', './src/screening', './src/machine', './src/i18n', ...features),
  layer('./src/screening', './src/machine', ...features),
  layer('./src/machine', './src/screening', ...features),
  // the result in words, shared by the result page and the printables
  layer('./src/result', './src/screens', './src/steps', './src/roster', './src/storage', './src/print', './src/wizard', './src/caseview'),
  // what the caseload and roster pages share
  layer('./src/caseview', './src/screens', './src/steps', './src/roster', './src/print', './src/wizard'),
  // features: each imports no other feature's insides
  layer('./src/roster', './src/screens', './src/steps', './src/storage/vault.ts', './src/wizard', './src/print'),
  layer('./src/storage', './src/machine', './src/screens', './src/steps', './src/roster', './src/print', './src/wizard'),
  layer('./src/print', './src/screens', './src/steps', './src/roster', './src/wizard'),
  layer('./src/cli', './src/roster', './src/screens', './src/steps', './src/storage', './src/print', './src/wizard', './src/pwa', './src/machine'),
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-results/**', 'playwright-report/**', 'dev-dist/**', 'dist-cli/**', 'reports/**', '.stryker-tmp/**', 'bench/out/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Walls: no import cycles anywhere in the product, and no import against the flow.
    files: ['src/**/*.{ts,tsx}', 'rules/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] }, 'import-x/extensions': ['.ts', '.tsx', '.js'], 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] })] },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { zones }],
    },
  },
  {
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    // The engine and the rules are pure: no UI, state-machine, translation or DOM code.
    files: ['src/engine/**/*.ts', 'rules/**/*.ts', 'src/facts/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-*', 'react/*', '@xstate/*', 'xstate', 'xstate/*', 'i18next', 'react-i18next'], message: 'The engine is pure: no React, XState or i18next.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'navigator', 'indexedDB'],
    },
  },
);
