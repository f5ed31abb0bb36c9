import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';

// the result columns in Chinese, as src/i18n/locales/zh-CN/fields.ts names them (the page is in Chinese)
const RESULT_COLUMNS = ['行号', '生活补贴结果', '生活补贴月额（元）', '生活补贴档次', '生活补贴依据', '护理补贴结果', '护理补贴月额（元）', '护理补贴领取人', '护理补贴依据', '每月合计（元）', '待确认事项', '告知起因', '最迟告知日', '告知情况', '因节假日顺延', '须告知', '计算日期', '规则版本', '错误'];

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/roster/${name}`, import.meta.url));
const AS_OF = '2025-09-01';

async function noAxeViolations(page: Page) {
  const r = await new AxeBuilder({ page }).analyze();
  expect(r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
}

async function open(page: Page) {
  await page.goto('/#/roster');
  await expect(page.getByRole('heading', { level: 1, name: '名单筛查' })).toBeVisible();
  await page.getByLabel('筛查日期').fill(AS_OF);
}

const results = (page: Page) => page.getByRole('heading', { level: 2, name: '筛查结果' });
const bodyRows = (page: Page) => page.locator('table.roster-table tbody tr');

test.describe('screening a roster in the browser', () => {
  test('a mixed UTF-8 file with Chinese column names is mapped, screened, filtered, explained and exported', async ({ page }) => {
    await open(page);
    await noAxeViolations(page);
    await page.getByLabel('选择 CSV 文件').setInputFiles(fixture('mixed-bom.csv'));

    // the mapping step proposes a field for each Chinese column name and keeps the phone column unused
    await expect(page.getByRole('heading', { level: 2, name: '核对栏目' })).toBeFocused();
    await expect(page.getByText('文件带有 UTF-8 标记（BOM），已正常读取。')).toBeVisible();
    await expect(page.getByLabel('栏目“姓名”')).toHaveValue('ref');
    await expect(page.getByLabel('栏目“残疾等级”')).toHaveValue('grade');
    await expect(page.getByLabel('栏目“纳入低保日期”')).toHaveValue('dibaoSince');
    await expect(page.getByLabel('栏目“新办证日期”')).toHaveValue('certifiedOn');
    await expect(page.getByLabel('栏目“联系电话”')).toHaveValue('');
    await noAxeViolations(page);

    // choosing one field for two columns is refused with a message
    await page.getByLabel('栏目“联系电话”').selectOption('grade');
    await page.getByRole('button', { name: '开始筛查' }).click();
    await expect(page.getByRole('alert')).toContainText('被选给了多个栏目');
    await page.getByLabel('栏目“联系电话”').selectOption('');
    await page.getByRole('button', { name: '开始筛查' }).click();

    await expect(results(page)).toBeFocused();
    await expect(page.getByText('筛查完成：共 9 行')).toBeVisible();
    await expect(page.getByText('另有 2 个空行，已跳过。')).toBeVisible();
    const counts = page.locator('.roster-counts');
    await expect(counts).toContainText('可领取：2 人');
    await expect(counts).toContainText('有错误的行：3 行');
    await expect(counts).toContainText('被排除：1 人');
    await expect(counts).toContainText('不符合条件：2 人');
    await expect(counts).toContainText('取决于缺少的信息：1 人');
    await expect(page.getByRole('status').filter({ hasText: '筛查完成，共 9 行' })).toBeAttached();
    await expect(page.locator('table.roster-table caption')).toContainText('全部');
    await expect(page.getByRole('columnheader', { name: '告知期限' })).toBeVisible();
    await expect(bodyRows(page)).toHaveCount(9);
    await noAxeViolations(page);

    // the eligible row: amounts and the notice deadline
    const zhang = bodyRows(page).filter({ hasText: '张三' });
    await expect(zhang).toContainText('可领 300 元/月');
    await expect(zhang).toContainText('可领 200 元/月');
    await expect(zhang).toContainText('新办残疾人证（2025-07-01）→ 最迟 2025-10-09');
    await expect(bodyRows(page).filter({ hasText: '郑一' })).toContainText('已逾期');

    // bad rows name the row, the column and what was wrong; the others were still screened
    await page.getByLabel('显示').selectOption('error');
    await expect(bodyRows(page)).toHaveCount(3);
    await expect(bodyRows(page).nth(0).getByRole('rowheader')).toHaveText('3');
    await expect(bodyRows(page).nth(0)).toContainText('“残疾等级”栏');
    await expect(bodyRows(page).nth(0)).toContainText('五级');
    await expect(bodyRows(page).nth(1)).toContainText('“残疾类别”栏');
    await expect(bodyRows(page).nth(1)).toContainText('翅膀');
    await expect(bodyRows(page).nth(2).getByRole('rowheader')).toHaveText('6');
    await expect(bodyRows(page).nth(2)).toContainText('“纳入低保日期”栏');
    await expect(bodyRows(page).nth(2)).toContainText('不是有效日期');

    await page.getByLabel('显示').selectOption('excluded');
    await expect(bodyRows(page)).toHaveCount(1);
    await expect(bodyRows(page)).toContainText('TJ-EXCLUDE-TEKUN');
    await page.getByLabel('显示').selectOption('depends');
    await expect(bodyRows(page)).toContainText('缺少：家庭类别');

    // one row's full result, recomputed on demand
    await page.getByRole('button', { name: '查看第 9 行详情' }).click();
    await expect(page.getByRole('heading', { name: '第 9 行详情' })).toBeVisible();
    await expect(page.locator('.roster-detail')).toContainText('TJ-LIVING-SCOPE');

    // export: original columns + result columns, UTF-8 BOM, re-read and compared
    await page.getByLabel('显示').selectOption('all');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出全部结果（CSV）' }).click()]);
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const out = Papa.parse<string[]>(bytes.toString('utf8').slice(1), { skipEmptyLines: true }).data;
    const original = Papa.parse<string[]>(readFileSync(fixture('mixed-bom.csv'), 'utf8').slice(1), { skipEmptyLines: 'greedy' }).data;
    expect(out[0]).toEqual([...original[0]!, ...RESULT_COLUMNS]);
    expect(out).toHaveLength(original.length);
    for (let i = 1; i < out.length; i++) expect(out[i]!.slice(0, original[0]!.length)).toEqual(original[i]);
    const col = (row: string[], name: string) => row[out[0]!.indexOf(name)];
    const byName = (name: string) => out.find((r) => r[0] === name)!;
    expect(col(byName('张三'), '行号')).toBe('2');
    expect(col(byName('张三'), '每月合计（元）')).toBe('500');
    expect(col(byName('张三'), '生活补贴结果')).toBe('可领取');
    expect(col(byName('张三'), '最迟告知日')).toBe('2025-10-09');
    expect(col(byName('李四'), '错误')).toContain('五级');
    expect(col(byName('钱七'), '生活补贴依据')).toContain('TJ-EXCLUDE-TEKUN');
    expect(col(byName('郑一'), '联系电话')).toBe('138 0000, 0009');
    await expect(page.getByText(/已生成文件 .*（9 行）/)).toBeVisible();

    // the mapping is remembered for the same headers
    await page.reload();
    await page.getByLabel('筛查日期').fill(AS_OF);
    await page.getByLabel('选择 CSV 文件').setInputFiles(fixture('mixed-bom.csv'));
    await expect(page.getByText('已使用上次为同样表头保存的对应关系。')).toBeVisible();
  });

  test('a GBK file from an older spreadsheet program is read and the page says so', async ({ page }) => {
    await open(page);
    await page.getByLabel('选择 CSV 文件').setInputFiles(fixture('gbk.csv'));
    await expect(page.getByText(/此文件按 GBK 编码读取/)).toBeVisible();
    await expect(page.getByLabel('栏目“残疾等级”')).toHaveValue('grade');
    await page.getByRole('button', { name: '开始筛查' }).click();
    await expect(results(page)).toBeVisible();
    await expect(bodyRows(page)).toHaveCount(3);
    await expect(bodyRows(page).filter({ hasText: '冯二' })).toContainText('新纳入低保边缘（2025-06-15）');
    await expect(bodyRows(page).filter({ hasText: '陈三' })).toContainText('可领 300 元/月');
    await expect(bodyRows(page).filter({ hasText: '褚四' })).toContainText('二级级');
    await noAxeViolations(page);
  });

  test('a file that is neither UTF-8 nor GBK gets clear advice on saving it as UTF-8', async ({ page }) => {
    await open(page);
    await page.getByLabel('选择 CSV 文件').setInputFiles(fixture('not-text.csv'));
    await expect(page.getByRole('alert')).toContainText('CSV UTF-8（逗号分隔）');
    await noAxeViolations(page);
  });

  test('pasted text with the field names as headers is screened without a mapping step, in English too', async ({ page }) => {
    await open(page);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByLabel('Paste the table (first line = headers)').fill('ref,hukou,certificate,category,grade,household\nPerson-one,tianjin,valid,physical,2,dibao\nPerson-two,other,valid,physical,2,dibao\n');
    await page.getByRole('button', { name: 'Screen the pasted text' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Results' })).toBeFocused();
    await expect(page.getByRole('columnheader', { name: 'Notice deadline' })).toBeVisible();
    await expect(bodyRows(page)).toHaveCount(2);
    await expect(bodyRows(page).filter({ hasText: 'Person-two' })).toContainText('Not eligible');
    await noAxeViolations(page);
  });

  test('a larger file screened by two workers lists and exports every row once, in file order', async ({ page }) => {
    await open(page);
    const lines = ['ref,hukou,certificate,category,grade,household,dibaoSince'];
    for (let i = 0; i < 5000; i++) lines.push(i % 1000 === 17 ? '' : `p${i},tianjin,valid,physical,${i % 50 === 3 ? 7 : (i % 4) + 1},dibao,2025-0${(i % 9) + 1}-2${i % 8}`);
    await page.getByLabel('选择 CSV 文件').setInputFiles({ name: 'five-thousand.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) });
    await expect(results(page)).toBeVisible();
    await expect(page.getByText('筛查完成：共 4995 行')).toBeVisible();
    await expect(page.locator('.roster-counts')).toContainText('有错误的行：100 行');
    await page.getByRole('button', { name: '下一页' }).click();
    await expect(bodyRows(page).first().getByRole('rowheader')).toHaveText('53');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出全部结果（CSV）' }).click()]);
    const out = Papa.parse<string[]>(readFileSync((await download.path())!, 'utf8').slice(1), { skipEmptyLines: true }).data;
    expect(out).toHaveLength(4996);
    const refs = out.slice(1).map((r) => r[0]);
    expect(refs).toEqual(lines.slice(1).filter((l) => l !== '').map((l) => l.split(',')[0]));
    const rowCol = out[0]!.indexOf('行号');
    expect(out.slice(1).map((r) => Number(r[rowCol]))).toEqual(lines.flatMap((l, i) => (i > 0 && l !== '' ? [i + 1] : [])));
  });

  test('screening works offline once the app has been opened, and asks nothing of the network', async ({ page, context }) => {
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto('/#/roster');
    // wait until the service worker controls the page (see STACK.md: 'ready' can come before 'activated')
    await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.ready;
      const sw = reg.active!;
      if (sw.state !== 'activated') await new Promise<void>((r) => sw.addEventListener('statechange', () => sw.state === 'activated' && r()));
      if (!navigator.serviceWorker.controller) await new Promise<void>((r) => navigator.serviceWorker.addEventListener('controllerchange', () => r()));
    });
    await context.setOffline(true);
    await page.reload();
    await page.getByLabel('筛查日期').fill(AS_OF);
    await page.getByLabel('选择 CSV 文件').setInputFiles(fixture('gbk.csv'));
    await page.getByRole('button', { name: '开始筛查' }).click();
    await expect(results(page)).toBeVisible();
    await expect(bodyRows(page)).toHaveCount(3);
    const origin = new URL(page.url()).origin;
    expect(requests.filter((u) => !u.startsWith(origin) && !u.startsWith('blob:') && !u.startsWith('data:'))).toEqual([]);
  });

  test('a long screening can be cancelled and the rows screened so far are listed', async ({ page }) => {
    await open(page);
    const lines = ['ref,hukou,certificate,category,grade,household,certifiedOn'];
    for (let i = 0; i < 300_000; i++) lines.push(`p${i},tianjin,valid,physical,${(i % 4) + 1},dibao,2025-0${(i % 9) + 1}-1${i % 10}`);
    await page.getByLabel('选择 CSV 文件').setInputFiles({ name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) });
    const cancel = page.getByRole('button', { name: '取消筛查' });
    await expect(page.getByLabel('筛查进度')).toBeVisible({ timeout: 60_000 });
    await cancel.click();
    await expect(results(page)).toBeVisible();
    await expect(page.getByText(/已取消筛查。下面只列出取消前已筛查的 \d+ 行。/)).toBeVisible();
    const text = await page.locator('.roster-results > p').first().textContent();
    const screened = Number(/(\d+) 行/.exec(text ?? '')?.[1]);
    expect(screened).toBeLessThan(300_000);
    await expect(page.locator('table.roster-table caption')).toContainText(`共`);
  });
});
