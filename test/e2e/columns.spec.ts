/** The accepted columns and values page (#/columns) and the list template, in both languages. */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { FIELD_NAMES } from '../../src/facts/fields';
import { fieldName } from '../../src/screening/messages';

async function noAxeViolations(page: Page) {
  const r = await new AxeBuilder({ page }).analyze();
  expect(r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
}

async function noSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
}

for (const lang of ['zh-CN', 'en'] as const) {
  const title = lang === 'zh-CN' ? '可以用哪些列名和填法' : 'Accepted columns and values';
  test(`in ${lang}: the roster page links to the accepted columns page, which has no axe violations, fits 320 px, and downloads a UTF-8 template with a BOM and the fields' names in the language`, async ({ page }) => {
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto('/#/roster');
    if (lang === 'en') await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('link', { name: title }).click();
    await expect(page).toHaveURL(/#\/columns$/);
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page).toHaveTitle(new RegExp(`^${title} - `));
    await expect(page.getByRole('heading', { level: 3, name: fieldName('hukou', lang) })).toBeVisible();
    await noSidewaysScroll(page);
    await noAxeViolations(page);

    const link = page.getByRole('link', { name: lang === 'zh-CN' ? '下载名单模板（CSV）' : 'Download the list template (CSV)' });
    const box = (await link.boundingBox())!;
    expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(44);
    const [dl] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(dl.suggestedFilename()).toMatch(/\.csv$/);
    const bytes = readFileSync((await dl.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.split('\r\n')[0]).toBe(FIELD_NAMES.map((f) => fieldName(f, lang)).join(','));
    expect(text.split('\r\n').filter((l) => l !== '')).toHaveLength(3);
    // nothing from any other origin
    expect(requests.filter((u) => !u.startsWith(new URL(page.url()).origin) && !u.startsWith('blob:'))).toEqual([]);
  });
}
