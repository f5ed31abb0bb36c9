/** The way through the wizard as a citizen on a phone meets it: addresses, back and forward, dates, the first screen. */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { useLanguage } from './support/caseload-helpers';

const step = (page: Page) => page.locator('.wizard');
const next = (page: Page) => page.locator('form button[type=submit]').click();

test.use({ viewport: { width: 390, height: 844 } });

test('the start button is on the first screen of a 390 × 844 phone', async ({ page }) => {
  await page.goto('/');
  const box = await page.locator('.start-button').boundingBox();
  expect(box!.y + box!.height).toBeLessThanOrEqual(844);
});

test("each question has its own address: the browser's back and forward move between questions, a reload keeps the page and the answers", async ({ page }) => {
  await page.goto('/');
  await page.check('#role-self');
  await next(page);
  await expect(step(page)).toHaveAttribute('data-step', 'hukou');
  await expect(page).toHaveURL(/#\/q\/hukou$/);
  await expect(page.locator('.progress')).toHaveText(/第 1 题，共约 \d+ 题/);
  await page.check('#hukou-tianjin');
  await next(page);
  await expect(page).toHaveURL(/#\/q\/certificate$/);
  await expect(page.locator('.progress')).toHaveText(/第 2 题/);
  await page.goBack();
  await expect(step(page)).toHaveAttribute('data-step', 'hukou');
  await expect(page.locator('#hukou-tianjin')).toBeChecked();
  await page.goForward();
  await expect(step(page)).toHaveAttribute('data-step', 'certificate');
  await page.check('#certificate-valid');
  await next(page);
  await expect(page).toHaveURL(/#\/q\/category$/);
  await page.reload();
  await expect(step(page)).toHaveAttribute('data-step', 'category');
  // the page's own back link steps back through the same history
  await page.locator('.back-link').click();
  await expect(page).toHaveURL(/#\/q\/certificate$/);
  await expect(page.locator('#certificate-valid')).toBeChecked();
  await page.goBack();
  await page.goBack();
  await expect(step(page)).toHaveAttribute('data-step', 'start');
  await expect(page.locator('#role-self')).toBeChecked();
});

test('a bookmarked question opens on that question with the answers kept', async ({ page }) => {
  await page.goto('/');
  await page.check('#role-carer');
  await next(page);
  await page.check('#hukou-tianjin');
  await next(page);
  await page.goto('/#/q/hukou');
  await page.reload();
  await expect(step(page)).toHaveAttribute('data-step', 'hukou');
  await expect(page.locator('#hukou-tianjin')).toBeChecked();
  await expect(page.locator('main h1')).toContainText('他（她）');
});

test('a date is typed year-month-day whatever the browser language, and a wrong one gets an error that names the problem', async ({ page }) => {
  await page.goto('/');
  await page.check('#role-self');
  await next(page);
  for (const [s, id] of [['hukou', '#hukou-tianjin'], ['certificate', '#certificate-valid'], ['category', '#category-visual'], ['grade', '#grade-1'], ['household', '#household-dibao']] as const) {
    await expect(step(page)).toHaveAttribute('data-step', s);
    await page.check(id);
    await next(page);
  }
  for (let i = 0; i < 12 && (await step(page).getAttribute('data-step')) !== 'dibaoSince'; i++) {
    const radios = page.locator('form .radio-item:nth-child(2) input[type=radio]');
    for (const r of await radios.all()) await r.check();
    await next(page);
  }
  await expect(step(page)).toHaveAttribute('data-step', 'dibaoSince');
  await expect(page.locator('#dibaoSince')).toHaveAttribute('type', 'text');
  await page.fill('#dibaoSince', '2025-02-30');
  await next(page);
  await expect(page.locator('.error-summary')).toBeFocused();
  await expect(page.locator('#dibaoSince-error')).toContainText('2025年2月没有 30 日');
  await expect(page.locator('#dibaoSince')).toHaveAttribute('aria-invalid', 'true');
  await page.fill('#dibaoSince', '0501-02-02');
  await next(page);
  await expect(page.locator('#dibaoSince-error')).toContainText('1950');
  await page.fill('#dibaoSince', '2025年3月3日');
  await next(page);
  await expect(step(page)).not.toHaveAttribute('data-step', 'dibaoSince');
  await page.goBack();
  await expect(page.locator('#dibaoSince')).toHaveValue('2025-03-03');
});

test('the skip link moves focus to the main content and leaves the address alone', async ({ page }) => {
  await page.goto('/#/roster');
  await expect(page.locator('main h1')).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.locator('.skip-link')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/roster$/);
  await expect(page.locator('main')).toBeFocused();
});

for (const l of ['zh-CN', 'en'] as const)
  test(`in ${l}, 关怀模式 is kept on this device, and axe finds nothing on the start page, a question, the glossary, the caseload and the roster, none scrolling sideways at 320 px`, async ({ page }) => {
    test.setTimeout(120_000);
    await useLanguage(page, l);
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto('/');
    await page.locator('.care-switch').click();
    await expect(page.locator('.care-switch')).toHaveAttribute('aria-pressed', 'true');
    await page.reload();
    await expect(page.locator('html')).toHaveClass(/care-mode/);
    const check = async (what: string) => {
      const r = await new AxeBuilder({ page }).analyze();
      expect(r.violations.map((v) => `${what} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), what).toBeLessThanOrEqual(0);
    };
    await check('start');
    await page.check('#role-self');
    await next(page);
    await page.check('#hukou-tianjin');
    await next(page);
    await page.check('#certificate-valid');
    await next(page);
    await page.check('#category-visual');
    await next(page);
    await page.check('#grade-1');
    await next(page);
    await expect(step(page)).toHaveAttribute('data-step', 'household');
    await page.locator('.term summary').first().click();
    await check('household');
    await page.goto('/#/glossary');
    await expect(page.locator('main h1')).toBeVisible();
    await check('glossary');
    await page.goto('/#/caseload');
    await expect(page.locator('main h1')).toBeVisible();
    await check('caseload');
    await page.goto('/#/roster');
    await expect(page.locator('main h1')).toBeVisible();
    await check('roster');
  });
