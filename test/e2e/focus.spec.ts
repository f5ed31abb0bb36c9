/**
 * Focus after an action never falls to the page body: it goes back to the control that opened a
 * preview or a row's detail, to the heading of what the page now shows after locking, unlocking or
 * deleting, and to the question when a delete asks for confirmation.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { driveToResult, newCheck, PASS, persona, saveAsCase, setUpCaseload } from './support/caseload-helpers';

/** The element has focus, and so focus is not on the page body. */
async function focusIsOn(page: Page, target: Locator) {
  await expect(target).toBeFocused();
  expect(await page.evaluate(() => document.activeElement !== document.body && document.activeElement !== null)).toBe(true);
}

test('closing a print preview gives focus back to the button that opened it, on the result page and on a case page', async ({ page }) => {
  await setUpCaseload(page);
  await newCheck(page);
  await driveToResult(page, persona());
  const resultPrint = page.getByRole('button', { name: '打印告知书（明白纸）' });
  await resultPrint.click();
  await expect(page.getByRole('heading', { name: '打印预览' })).toBeFocused();
  await page.getByRole('button', { name: '关闭打印预览' }).click();
  await expect(page.locator('.printable')).toHaveCount(0);
  await focusIsOn(page, resultPrint);

  await saveAsCase(page, '周一');
  await page.goto('/#/caseload');
  await page.getByRole('link', { name: /周一/ }).click();
  for (const name of ['打印告知书（明白纸）', '打印走访小结']) {
    const opener = page.getByRole('button', { name });
    await opener.click();
    await expect(page.getByRole('heading', { name: '打印预览' })).toBeFocused();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: '关闭打印预览' })).toBeFocused();
    await page.keyboard.press('Enter'); // by keyboard, as a keyboard user closes it
    await expect(page.locator('.printable')).toHaveCount(0);
    await focusIsOn(page, opener);
  }
});

test('locking the caseload puts focus on the unlock heading, unlocking on the page heading', async ({ page }) => {
  await setUpCaseload(page);
  await page.getByRole('button', { name: '立即锁定' }).click();
  await focusIsOn(page, page.getByRole('heading', { level: 2, name: '解锁个案' }));
  await page.getByLabel(/^密码$/).fill(PASS);
  await page.getByRole('button', { name: /^解锁$/ }).click();
  await expect(page.getByRole('button', { name: '立即锁定' })).toBeVisible({ timeout: 20_000 });
  await focusIsOn(page, page.getByRole('heading', { level: 1, name: '个案与告知' }));
});

test('unlocking from the result page puts focus on the first field of the save form', async ({ page }) => {
  await setUpCaseload(page);
  await page.getByRole('button', { name: '立即锁定' }).click();
  await page.goto('/#/');
  await driveToResult(page, persona());
  await page.locator('.result-actions details summary').click();
  await page.locator('.result-actions').getByLabel(/^密码$/).fill(PASS);
  await page.locator('.result-actions').getByRole('button', { name: /^解锁$/ }).click();
  await focusIsOn(page, page.locator('.result-actions').getByLabel(/姓名或编号/));
});

test('deleting a case: the question gets focus, cancelling returns it to the button, and after deleting the case list heading has it', async ({ page }) => {
  await setUpCaseload(page);
  await newCheck(page);
  await driveToResult(page, persona());
  await saveAsCase(page, '吴二');
  await page.goto('/#/caseload');
  await page.getByRole('link', { name: /吴二/ }).click();
  const del = page.getByRole('button', { name: '删除这个个案' });
  await del.click();
  await focusIsOn(page, page.getByText('确定要删除“吴二”吗？删除后不能恢复。'));
  await page.getByRole('button', { name: '取消' }).click();
  await focusIsOn(page, del);
  await del.click();
  await page.getByRole('button', { name: '确认删除' }).click();
  await expect(page.getByRole('link', { name: /吴二/ })).toHaveCount(0);
  await focusIsOn(page, page.getByRole('heading', { level: 2, name: '个案' }));
});

test('closing a roster row detail gives focus back to that row’s detail button', async ({ page }) => {
  await page.goto('/#/roster');
  await page.getByLabel('筛查日期').fill('2025-09-01');
  await page.getByLabel('选择 CSV 文件').setInputFiles(fileURLToPath(new URL('../fixtures/roster/mixed-bom.csv', import.meta.url)));
  await page.getByRole('button', { name: '开始筛查' }).click();
  const opener = page.getByRole('button', { name: '查看第 2 行详情' });
  await opener.click();
  await expect(page.locator('.roster-detail')).toContainText('原始数据');
  await expect(page.locator('.roster-detail')).toBeFocused();
  await page.getByRole('button', { name: '关闭详情' }).click();
  await expect(page.locator('.roster-detail')).toHaveCount(0);
  await focusIsOn(page, opener);
});
