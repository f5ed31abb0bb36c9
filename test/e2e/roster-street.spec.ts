/**
 * The street office's roster (test/fixtures/street) in the browser, as test/cli/street-office.test.ts
 * runs it on the command line: the same people come out likely eligible, with amounts and a checklist.
 */
import { expect, test } from '@playwright/test';
import { STREET_AS_OF, STREET_DIR, streetPeople } from '../fixtures/street/expect';

for (const file of ['street-office-gbk.csv', 'street-office-utf8.csv']) {
  test(`${file}: the people whose core conditions are met are listed first as likely eligible, with amounts and the visit's checklist`, async ({ page }) => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.goto('/#/roster');
    await page.getByLabel('筛查日期').fill(STREET_AS_OF);
    await page.getByLabel('选择 CSV 文件').setInputFiles(`${STREET_DIR}/${file}`);
    await expect(page.getByRole('heading', { level: 2, name: '核对栏目' })).toBeVisible({ timeout: 30_000 });
    await page.getByRole('button', { name: '开始筛查' }).click();
    await expect(page.getByRole('heading', { level: 2, name: '筛查结果' })).toBeVisible({ timeout: 30_000 });

    const expected = streetPeople().filter((p) => p.coreMet);
    await expect(page.locator('.roster-counts')).toContainText(`可能符合，待入户核实：${expected.length} 人`);
    // the title line, the summary row and the stray quote are reported
    await expect(page.locator('.roster-notes')).toContainText('标题行');
    await expect(page.locator('.roster-notes')).toContainText('合计行');
    await expect(page.locator('.roster-notes')).toContainText('引号');

    // ranked first: the first rows of the table are the likely ones, in file order
    const rows = page.locator('table.roster-table tbody tr');
    const first = rows.locator('th[scope=row]');
    const shown = (await first.allTextContents()).slice(0, expected.length).map(Number);
    expect(shown).toEqual(expected.map((p) => p.row));
    const zhang = rows.filter({ hasText: '张伟' });
    await expect(zhang).toContainText('可能符合，待入户核实');
    await expect(zhang.locator('.roster-total')).toHaveText(/^\d+ 元$/);
    await expect(zhang.locator('.roster-total')).not.toHaveText('0 元');
    await expect(zhang.locator('.roster-why')).toContainText('特困人员供养');

    // at 1024 px a name stays on one line
    const lines = await zhang.locator('.roster-ref').evaluate((el) => {
      const r = document.createRange();
      r.selectNodeContents(el);
      return new Set([...r.getClientRects()].map((x) => Math.round(x.top))).size;
    });
    expect(lines).toBe(1);
    // the amounts read as words, not a character or two a line; the details button is one line
    const lineCount = (sel: string) =>
      zhang.locator(sel).first().evaluate((el) => {
        const r = document.createRange();
        r.selectNodeContents(el);
        return new Set([...r.getClientRects()].map((x) => Math.round(x.top))).size;
      });
    expect(await lineCount('.roster-amount')).toBeLessThanOrEqual(3);
    expect(await lineCount('.roster-detail-button')).toBe(1);
    // a warning on the row is shown on the row (孙丽's ID number has a wrong check character)
    await expect(rows.filter({ hasText: '孙丽' }).locator('.roster-why')).toContainText('提醒：身份证号校验位');
  });
}

test('at 768 px portrait each screened row is a labelled card and the checklist is visible', async ({ page }) => {
  await page.setViewportSize({ width: 768, height: 1024 });
  await page.goto('/#/roster');
  await page.getByLabel('筛查日期').fill(STREET_AS_OF);
  await page.getByLabel('选择 CSV 文件').setInputFiles(`${STREET_DIR}/street-office-utf8.csv`);
  await page.getByRole('button', { name: '开始筛查' }).click({ timeout: 30_000 });
  await expect(page.getByRole('heading', { level: 2, name: '筛查结果' })).toBeVisible({ timeout: 30_000 });
  const zhang = page.locator('table.roster-table tbody tr').filter({ hasText: '张伟' });
  await expect(zhang.locator('.roster-why')).toBeVisible();
  await expect(zhang.locator('.roster-why')).toContainText('特困人员供养');
  const width = await zhang.evaluate((el) => el.getBoundingClientRect().width);
  expect(width).toBeLessThanOrEqual(768);
  // the caption spans the cards (not a column a few characters wide), and each card's value sits beside its label
  const caption = await page.locator('table.roster-table caption').evaluate((el) => el.getBoundingClientRect().width);
  expect(caption).toBeGreaterThan(width * 0.8);
  const kind = zhang.locator('td.roster-kind');
  const [label, value] = await kind.evaluate((el) => {
    const before = getComputedStyle(el, '::before');
    const child = el.firstElementChild!.getBoundingClientRect();
    return [parseFloat(before.width), child.left - el.getBoundingClientRect().left];
  });
  expect(value).toBeGreaterThanOrEqual(label);
});
