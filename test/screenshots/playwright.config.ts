/**
 * `npm run screenshots`: the README's pictures, taken in Debian's Chromium from the built app with
 * the end-to-end tests' helpers, so they show the app as it is. Same server and browser as
 * playwright.config.ts (E2E_PORT picks the port).
 */
import { defineConfig } from '@playwright/test';
import base from '../../playwright.config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: 'readme.shots.ts',
  workers: 1,
  webServer: { ...base.webServer!, cwd: fileURLToPath(new URL('../..', import.meta.url)) } as typeof base.webServer,
});
