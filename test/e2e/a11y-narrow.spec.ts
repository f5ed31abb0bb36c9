/** Defects the automated checks miss: sideways scrolling at 320 px and with 200 % text, page titles, focus, disabled look, plural. */
import { expect, test, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/roster/${name}`, import.meta.url));
/** How far the page scrolls sideways; the widest element is named in the failure message. */
async function sideways(page: Page): Promise<number> {
  const { over, widest } = await page.evaluate(() => {
    const w = document.documentElement.clientWidth;
    let widest = '';
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect();
      if (r.right > w + 1 && !el.closest('.roster-table-wrap, .cl-table-wrap')) {
        widest = `${el.tagName.toLowerCase()}.${el.className} (${Math.round(r.right)} px)`;
        break;
      }
    }
    return { over: document.documentElement.scrollWidth - w, widest };
  });
  expect(over, widest).toBeLessThanOrEqual(0);
  return over;
}

test('at 320 px the roster page, before and after screening a file, does not scroll sideways, and it has a title of its own', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto('/#/roster');
  await expect(page.getByRole('heading', { level: 1, name: '名单筛查' })).toBeVisible();
  await expect(page).toHaveTitle(/^名单筛查 - /);
  await sideways(page);
  await page.getByLabel('筛查日期').fill('2025-09-01');
  await page.getByLabel('选择 CSV 文件').setInputFiles(fixture('mixed-bom.csv'));
  await expect(page.getByRole('heading', { level: 2, name: '核对栏目' })).toBeFocused();
  await sideways(page);
  await page.getByRole('button', { name: /开始筛查/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: '筛查结果' })).toBeVisible();
  await sideways(page);
  await page.locator('.roster-detail-button').first().click();
  await expect(page.locator('.roster-detail')).toBeVisible();
  await sideways(page);
});

test('with 200 % text (a 640 px window zoomed to 320 CSS px) a date question fits the screen', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto('/');
  await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
  await sideways(page);
});

test('the caseload page has a title of its own, and a disabled button looks disabled (dashed border)', async ({ page }) => {
  await page.goto('/#/caseload');
  await expect(page).toHaveTitle(/个案与告知 - /);
  const look = await page.evaluate(() => {
    const b = document.createElement('button');
    b.disabled = true;
    b.textContent = 'x';
    document.querySelector('main')!.append(b);
    const s = getComputedStyle(b);
    return { border: s.borderStyle, cursor: s.cursor };
  });
  expect(look).toEqual({ border: 'dashed', cursor: 'not-allowed' });
});
