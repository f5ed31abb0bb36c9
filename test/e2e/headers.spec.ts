import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { cacheControlFor, cspOfIndexHtml, IMMUTABLE, MANIFEST_TYPE, REVALIDATE, securityHeaders } from '../../deploy/headers';

// vite preview sends what deploy/nginx.conf sends (deploy/headers.ts), so every end-to-end test
// runs the app under the production headers, the CSP header with frame-ancestors included
const expected = securityHeaders(cspOfIndexHtml(readFileSync(new URL('../../index.html', import.meta.url), 'utf8')));

test('the preview server sends the production headers: CSP with frame-ancestors, nosniff, no-referrer, cache by file, the manifest type', async ({ request }) => {
  const page = await request.get('/');
  const html = await page.text();
  for (const [name, value] of Object.entries(expected)) expect(page.headers()[name.toLowerCase()], name).toBe(value);
  expect(page.headers()['cache-control']).toBe(REVALIDATE);
  for (const path of ['/sw.js', '/manifest.webmanifest']) {
    const r = await request.get(path);
    expect(r.status(), path).toBe(200);
    expect(r.headers()['cache-control'], path).toBe(REVALIDATE);
    expect(r.headers()['content-security-policy'], path).toBe(expected['Content-Security-Policy']);
  }
  expect((await request.get('/manifest.webmanifest')).headers()['content-type']).toBe(MANIFEST_TYPE);
  // the page's own script is a hashed asset
  const script = /<script type="module" crossorigin src="([^"]+)"/.exec(html)?.[1];
  expect(script).toMatch(/^\/assets\//);
  expect(cacheControlFor(script!)).toBe(IMMUTABLE);
  expect((await request.get(script!)).headers()['cache-control']).toBe(IMMUTABLE);
});
