/**
 * The README's screenshots (docs/screenshots/*.webp): one per kind of user. WebP from Chromium's
 * own encoder (DevTools protocol), so no image tool is needed; sizes are printed.
 */
import { test, expect, type Page } from '@playwright/test';
import { statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { daysAgo, driveToResult, newCheck, persona, saveAsCase, setUpCaseload } from '../e2e/support/caseload-helpers';

const OUT = (name: string) => fileURLToPath(new URL(`../../docs/screenshots/${name}`, import.meta.url));
const roster = fileURLToPath(new URL('../fixtures/roster/mixed-bom.csv', import.meta.url));

async function shoot(page: Page, name: string, quality = 72) {
  // let fonts and transitions settle, then take the visible part of the page
  await page.evaluate(() => document.fonts.ready);
  await page.mouse.move(0, 0);
  const cdp = await page.context().newCDPSession(page);
  const { data } = (await cdp.send('Page.captureScreenshot', { format: 'webp', quality })) as { data: string };
  writeFileSync(OUT(name), Buffer.from(data, 'base64'));
  console.log(`${name}: ${(statSync(OUT(name)).size / 1024).toFixed(1)} kB`);
}

test.describe.configure({ mode: 'serial' });

test('a citizen on a phone: the result', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto('/');
  await driveToResult(page, persona({ start: ['#role-self'], dibaoSince: [`fill:#dibaoSince=${daysAgo(40)}`] }));
  await page.locator('main h1').scrollIntoViewIfNeeded();
  await shoot(page, 'result-phone.webp');
  await context.close();
});

test('a social worker on a tablet: the notice tracker of the caseload', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, deviceScaleFactor: 1, hasTouch: true });
  const page = await context.newPage();
  await setUpCaseload(page);
  const people: [string, Record<string, string[]>][] = [
    ['张三', { dibaoSince: [`fill:#dibaoSince=${daysAgo(80)}`] }],
    ['李四', { grade: ['#grade-3'], household: ['#household-dibaoEdge'], certifiedOn: [`fill:#certifiedOn=${daysAgo(10)}`] }],
    ['赵六', { grade: ['#grade-2'], dibaoSince: [`fill:#dibaoSince=${daysAgo(120)}`] }],
  ];
  for (const [name, over] of people) {
    await newCheck(page);
    await driveToResult(page, persona(over));
    await saveAsCase(page, name);
  }
  await page.goto('/#/caseload/notices');
  await expect(page.locator('main h1')).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
  await shoot(page, 'caseload-tablet.webp');
  await context.close();
});

test('staff screening a roster: the results table', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.goto('/#/roster');
  await page.getByLabel('筛查日期').fill('2025-09-01');
  await page.getByLabel('选择 CSV 文件').setInputFiles(roster);
  await page.getByRole('button', { name: '开始筛查' }).click();
  await expect(page.getByRole('heading', { level: 2, name: '筛查结果' })).toBeFocused();
  // the table of results
  await page.locator('table.roster-table').evaluate((e) => e.scrollIntoView({ block: 'start' }));
  await shoot(page, 'roster-desktop.webp');
  await context.close();
});
