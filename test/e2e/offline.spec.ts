import { readdirSync, appendFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { axe, driveToResult, persona, setUpCaseload, waitForServiceWorker } from './support/caseload-helpers';
import { serveCopy } from './support/serve-copy';

const DIST = process.env.DIST_DIR ?? 'dist';

function filesUnder(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? filesUnder(p, base) : [p.slice(base.length + 1)];
  });
}

async function goOffline(page: Page) {
  await page.goto('/');
  await expect(page.locator('.wizard')).toBeVisible();
  await waitForServiceWorker(page);
  await page.context().setOffline(true);
}

test('after the first visit the app reloads and works with no network: a check in both languages, every page, printing', async ({ page }) => {
  const cspErrors: string[] = [];
  page.on('console', (m) => {
    if (/Content.Security.Policy/i.test(m.text())) cspErrors.push(m.text());
  });
  await goOffline(page);

  const t0 = Date.now();
  await page.reload();
  await expect(page.locator('main h1')).toBeVisible();
  const usableMs = Date.now() - t0;
  const nav = await page.evaluate(() => {
    const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return { domContentLoaded: Math.round(n.domContentLoadedEventEnd), load: Math.round(n.loadEventEnd) };
  });
  test.info().annotations.push({ type: 'offline reload → usable (ms)', description: `${usableMs} (DOMContentLoaded ${nav.domContentLoaded}, load ${nav.load})` });
  console.log(`offline reload to usable page: ${usableMs} ms; navigation timing ${JSON.stringify(nav)}`);
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);

  await driveToResult(page, persona());
  await expect(page.locator('.total')).toContainText('500');
  await page.getByRole('button', { name: /打印告知书|Print the notification letter/ }).click();
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.printable')).toContainText('天津市残疾人两项补贴告知书');
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
  await page.emulateMedia({ media: 'screen' });

  await page.locator('.lang-switch').click();
  await expect(page.locator('.wizard')).toContainText(/yuan/);
  for (const hash of ['#/caseload', '#/roster', '#/']) {
    await page.goto(`/${hash}`);
    await expect(page.locator('main h1')).toBeVisible();
    await expect(page.locator('main')).not.toContainText(/正在加载|Loading/);
  }
  await page.goto('/#/caseload');
  await expect(page.locator('main h1')).toContainText('Caseload');
  await page.locator('.lang-switch').click();
  await expect(page.locator('main h1')).toContainText('个案与告知');
  expect(cspErrors).toEqual([]);
});

test('every file of the build is in the service-worker cache, lazy screens and the roster worker included', async ({ page }) => {
  await page.goto('/');
  await waitForServiceWorker(page);
  const wanted = filesUnder(DIST).filter((f) => !/^(sw\.js|workbox-[^/]+\.js)$/.test(f) && !f.endsWith('.map'));
  expect(wanted.some((f) => /worker/.test(f))).toBe(true);
  expect(wanted.some((f) => /CaseloadScreen/.test(f))).toBe(true);
  const missing = await page.evaluate(async (files) => {
    const out: string[] = [];
    for (const f of files) if (!(await caches.match(new URL(f, location.origin).href, { ignoreSearch: true }))) out.push(f);
    return out;
  }, wanted);
  expect(missing).toEqual([]);
});

test('no request ever leaves the origin, and the strict Content-Security-Policy holds', async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const outside: string[] = [];
  const cspErrors: string[] = [];
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.protocol === 'data:' || u.protocol === 'blob:') return;
    if (u.origin !== origin) outside.push(r.url());
  });
  page.on('console', (m) => {
    if (/Content.Security.Policy/i.test(m.text())) cspErrors.push(m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const w = window as unknown as { __csp?: string[] };
      (w.__csp ??= []).push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  const violations = () => page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
  await page.goto('/');
  await expect(page.locator('.wizard')).toBeVisible();
  expect(await violations()).toEqual([]);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("connect-src 'self'");
  expect(await page.locator('script:not([src])').count()).toBe(0);
  await setUpCaseload(page);
  await page.goto('/#/');
  await driveToResult(page, persona());
  await page.goto('/#/roster');
  await expect(page.locator('main h1')).toBeVisible();
  await page.goto('/#/caseload/notices');
  await page.goto('/#/caseload/backup');
  await axe(page);
  expect(await violations()).toEqual([]);
  expect(outside).toEqual([]);
  expect(cspErrors).toEqual([]);
});

test('closing the tab in the middle of a check and opening the app again loses nothing, even offline', async ({ page, context }) => {
  await goOffline(page);
  await page.reload();
  await page.check('#role-worker');
  await page.locator('form button[type=submit]').click();
  await page.check('#hukou-tianjin');
  await page.locator('form button[type=submit]').click();
  await page.check('#certificate-valid');
  await page.locator('form button[type=submit]').click();
  await expect(page.locator('.wizard')).toHaveAttribute('data-step', 'category');
  await page.check('#category-hearing');
  await page.close();

  const again = await context.newPage();
  await again.goto('/');
  await expect(again.locator('.wizard')).toHaveAttribute('data-step', 'category');
  await again.locator('.back-link').click();
  await expect(again.locator('#certificate-valid')).toBeChecked();
  await again.locator('.back-link').click();
  await expect(again.locator('#hukou-tianjin')).toBeChecked();
});

// ------------------------------------------------------------------ a new version while answers are in progress


test('a new version shows a banner, waits for the user, and the update keeps the answers in progress', async ({ page }) => {
  const { dir, url, server } = await serveCopy('case-update-');
  try {
    await page.goto(`${url}/`);
    await expect(page.locator('.wizard')).toBeVisible();
    await waitForServiceWorker(page);
    await page.check('#role-carer');
    await page.locator('form button[type=submit]').click();
    await page.check('#hukou-tianjin');
    await page.locator('form button[type=submit]').click();
    await expect(page.locator('.wizard')).toHaveAttribute('data-step', 'certificate');
    await page.check('#certificate-valid'); // chosen, not yet submitted

    // publish a new version: a changed service worker
    appendFileSync(join(dir, 'sw.js'), '\n// new version\n');
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
    const banner = page.getByRole('region', { name: /有新版本可用|A new version is available/ });
    await expect(banner).toBeVisible({ timeout: 20_000 });
    // nothing reloads by itself
    await expect(page.locator('.wizard')).toHaveAttribute('data-step', 'certificate');
    await axe(page);

    await Promise.all([page.waitForEvent('load'), banner.getByRole('button', { name: /现在更新|Update now/ }).click()]);
    await expect(page.locator('.wizard')).toHaveAttribute('data-step', 'certificate');
    await expect(banner).toHaveCount(0);
    await page.locator('.back-link').click();
    await expect(page.locator('#hukou-tianjin')).toBeChecked();
    const waiting = await page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())!.waiting);
    expect(waiting).toBe(false);
  } finally {
    server.close();
  }
});
