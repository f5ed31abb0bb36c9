import { expect, test, type Page } from '@playwright/test';
import { axe, PASS, setUpCaseload } from './support/caseload-helpers';

const AS_OF = '2025-09-01';
const HEAD = 'ref,hukou,certificate,category,grade,household,tekun,workInjuryCareFee,inPrison,orphanGuarantee,welfareLivingAllowances,welfareCareAllowances,homeCareNursingSubsidy,certifiedOn';
const FILE = [
  HEAD,
  '张三,tianjin,valid,physical,1,dibao,no,no,no,no,none,none,none,2025-07-01', // row 2: 300 + 200
  '李四,tianjin,valid,physical,5,dibao,no,no,no,no,none,none,none,', // row 3: grade 5 is an error
  '王五,other,valid,physical,2,dibao,no,no,no,no,none,none,none,', // row 4: not from Tianjin
  '周九,tianjin,valid,intellectual,3,unknown,no,no,no,no,none,none,none,', // row 5: depends on the household
].join('\n');

const bodyRows = (page: Page) => page.locator('table.roster-table tbody tr');
const addBlock = (page: Page) => page.locator('section.roster-add');
const addStatus = (page: Page) => page.locator('.roster-add-status');

async function screen(page: Page) {
  await page.goto('/#/roster');
  await page.getByLabel('筛查日期').fill(AS_OF);
  await page.getByLabel('选择 CSV 文件').setInputFiles({ name: '九月名单.csv', mimeType: 'text/csv', buffer: Buffer.from(FILE) });
  await expect(page.getByRole('heading', { level: 2, name: '筛查结果' })).toBeFocused();
  await expect(bodyRows(page)).toHaveCount(4);
}

async function casesListed(page: Page, n: number): Promise<string[]> {
  await expect(page.locator('.cl-table tbody tr')).toHaveCount(n);
  return (await page.locator('.cl-table tbody tr').allInnerTexts()).map((s) => s.replace(/\s+/g, ' ').trim()).sort();
}

test.describe('adding screened rows to the caseload', () => {
  test('two chosen rows become two cases with their results, after setting up the caseload on the roster page; adding one again is refused', async ({ page }) => {
    await screen(page);

    // a row with errors offers no checkbox and says why; the others have a named checkbox
    const bad = bodyRows(page).filter({ hasText: '李四' });
    await expect(bad.getByRole('checkbox')).toHaveCount(0);
    await expect(bad).toContainText('有错误，不能选');
    await page.getByRole('checkbox', { name: '选择第 2 行：张三' }).check();
    await page.getByRole('checkbox', { name: '选择第 4 行：王五' }).check();
    await expect(addBlock(page)).toContainText('已选 2 行。');
    const box = await page.getByRole('checkbox', { name: '选择第 2 行：张三' }).locator('..').boundingBox();
    expect(box!.width).toBeGreaterThanOrEqual(44);
    expect(box!.height).toBeGreaterThanOrEqual(44);

    // no caseload on this device yet: the page says so and sets it up here, keeping the results and the choice
    await expect(addBlock(page)).toContainText('这台设备还没有设置个案密码');
    await page.getByRole('button', { name: '把选中的 2 行加入个案' }).click();
    await expect(addStatus(page)).toContainText('请先在下面设置个案密码，设置好后会接着加入选中的 2 行。');
    await expect(page.getByLabel('密码（至少 8 个字符）')).toBeFocused();
    await expect(bodyRows(page)).toHaveCount(4);
    await axe(page);
    await page.getByLabel('密码（至少 8 个字符）').fill(PASS);
    await page.getByLabel('再输一次密码').fill(PASS);
    // without the tick: the list of problems takes focus, its link leads to the box
    await page.getByRole('button', { name: '创建并解锁' }).click();
    const problems = addBlock(page).locator('.cl-error-summary');
    await expect(problems).toBeFocused();
    await expect(problems).toContainText('请改正下面的问题');
    await page.getByLabel('我知道忘记密码后无法找回').check();
    await page.getByRole('button', { name: '创建并解锁' }).click();

    await expect(addStatus(page)).toContainText('已把 2 行加入个案。', { timeout: 20_000 });
    // the password form is gone: focus is on this section's heading, not lost to the page
    await expect(addBlock(page).getByRole('heading', { name: '加入个案' })).toBeFocused();
    await expect(addBlock(page)).toContainText('已选 0 行。');
    await expect(bodyRows(page).filter({ hasText: '张三' })).toContainText('已加入个案');
    await expect(bodyRows(page).filter({ hasText: '周九' })).not.toContainText('已加入个案');

    // the same row again: said, not duplicated
    await page.getByRole('checkbox', { name: '选择第 2 行：张三' }).check();
    await page.getByRole('checkbox', { name: '选择第 5 行：周九' }).check();
    await page.getByRole('button', { name: '把选中的 2 行加入个案' }).click();
    const status = addStatus(page);
    await expect(status).toContainText('已把 1 行加入个案。');
    await expect(status).toContainText('有 1 行之前已经从这个文件加入过，这次没有重复加入：第 2 行（张三）。');
    await axe(page);

    await addBlock(page).getByRole('link', { name: '打开个案列表' }).click();
    const rows = await casesListed(page, 3);
    const [zhang, wang, zhou] = ['张三', '王五', '周九'].map((name) => rows.find((r) => r.startsWith(name)) ?? '');
    expect(zhang).toContain(AS_OF);
    expect(zhang).toContain('可以领取，300 元/月');
    expect(zhang).toContain('可以领取，200 元/月');
    expect(zhang).toContain('2025-10-09');
    expect(wang).toContain('不符合条件');
    expect(zhou).toContain('?');
    await axe(page);

    await page.getByRole('link', { name: /张三/ }).click();
    await expect(page.getByRole('textbox', { name: '备注' })).toHaveValue('从名单筛查加入：文件“九月名单.csv”第 2 行，按 2025-09-01 的规定计算（规则版本 2023-23.1）。');
    await axe(page);
  });

  test('a locked caseload is unlocked on the roster page, then every row shown by a filter is added', async ({ page }) => {
    await setUpCaseload(page);
    await page.getByRole('button', { name: '立即锁定' }).click();
    await screen(page);

    await expect(addBlock(page)).toContainText('个案已锁定，要先解锁才能加入。');
    await page.getByLabel('显示').selectOption('notEligible');
    await expect(bodyRows(page)).toHaveCount(1);
    await page.getByRole('button', { name: '选中筛选出的全部行，各页都算（1 行）' }).click();
    await page.getByLabel('显示').selectOption('all');
    await page.getByRole('button', { name: '选中筛选出的全部行，各页都算（3 行）' }).click();
    await expect(addBlock(page)).toContainText('当前显示的行里有 1 行有错误，不会被选中。');
    await expect(page.getByRole('checkbox', { checked: true })).toHaveCount(3);
    await page.getByRole('checkbox', { name: '选择第 4 行：王五' }).uncheck();

    await page.getByRole('button', { name: '把选中的 2 行加入个案' }).click();
    await expect(addStatus(page)).toContainText('请先在下面输入密码解锁个案');
    await expect(page.getByLabel('密码', { exact: true })).toBeFocused();
    await page.getByLabel('密码', { exact: true }).fill(PASS);
    await page.getByRole('button', { name: '解锁', exact: true }).click();
    await expect(addStatus(page)).toContainText('已把 2 行加入个案。', { timeout: 20_000 });
    await axe(page);

    await page.getByRole('navigation', { name: '主要栏目' }).getByRole('link', { name: '个案与告知' }).click();
    const rows = await casesListed(page, 2);
    expect(rows.map((r) => r.split(' ')[0])).toEqual(['周九', '张三']);
  });
});
