import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-results/**', 'playwright-report/**', 'dev-dist/**', 'dist-cli/**', 'reports/**', '.stryker-tmp/**'] },
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
            { group: ['**/machine/**', '**/screens/**', '**/steps/**', '**/i18n/**', '**/storage/**'], message: 'The engine must not import UI code.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'navigator', 'indexedDB'],
    },
  },
  {
    // Stored data does not depend on the wizard; printables do not depend on the caseload screens.
    files: ['src/storage/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/machine/**', '**/screens/**', '**/steps/**'], message: 'Storage must not import the wizard or the screens: move the shared type to src/facts.' }] }] },
  },
  {
    files: ['src/print/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/screens/caseload/**', '**/screens/CaseloadScreen*'], message: 'Printables must not import the caseload screens: shared words live in src/caseview.' }] }] },
  },
);
