import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { axe, daysAgo, driveToResult, newCheck, PASS, persona, saveAsCase, setUpCaseload, useLanguage } from './support/caseload-helpers';

test.describe.configure({ mode: 'serial' });

async function download(page: Page, click: () => Promise<void>): Promise<string> {
  const [dl] = await Promise.all([page.waitForEvent('download'), click()]);
  return readFileSync((await dl.path())!, 'utf8');
}

async function listRows(page: Page): Promise<string[]> {
  await page.goto('/#/caseload');
  return (await page.locator('.cl-table tbody tr').allInnerTexts()).sort();
}

async function unlock(page: Page, pass: string) {
  await page.getByLabel(/^(密码|Passphrase)$/).fill(pass);
  await page.getByRole('button', { name: /^(解锁|Unlock)$/ }).click();
}

/** Three people saved as cases: one with a dibao trigger 80 days ago, one newly certified 10 days ago, one with nothing to notify. */
async function threeCases(page: Page) {
  await setUpCaseload(page);
  await newCheck(page);
  await driveToResult(page, persona({ dibaoSince: [`fill:#dibaoSince=${daysAgo(80)}`] }));
  await saveAsCase(page, '张三', '第一次家访，需补材料');
  await newCheck(page);
  await driveToResult(page, persona({ grade: ['#grade-3'], household: ['#household-dibaoEdge'], certifiedOn: [`fill:#certifiedOn=${daysAgo(10)}`] }));
  await saveAsCase(page, '李四');
  await newCheck(page);
  await driveToResult(page, persona({ hukou: ['#hukou-other'] }));
  await saveAsCase(page, '王五 <b>not bold</b>');
}

test('a social worker saves several cases, locks, unlocks, exports, wipes, imports, and gets the same cases back', async ({ page }) => {
  await threeCases(page);
  const before = await listRows(page);
  expect(before).toHaveLength(3);
  // names from the user are shown as text, never as markup
  await expect(page.locator('.cl-table b')).toHaveCount(0);
  await expect(page.locator('.cl-table')).toContainText('王五 <b>not bold</b>');
  await axe(page);

  await page.getByRole('button', { name: /立即锁定|Lock now/ }).click();
  await expect(page.locator('.cl-table')).toHaveCount(0);
  await expect(page.getByText('张三')).toHaveCount(0);
  await axe(page);
  await unlock(page, PASS);
  await expect(page.locator('.cl-table tbody tr')).toHaveCount(3);

  await page.goto('/#/caseload/backup');
  const encrypted = await download(page, () => page.getByRole('button', { name: /下载备份|Download backup/ }).click());
  expect(encrypted).not.toContain('张三');
  await page.getByLabel(/不加密|Not encrypted/).check();
  const plainBefore = JSON.parse(await download(page, () => page.getByRole('button', { name: /下载备份|Download backup/ }).click()));
  expect(plainBefore.caseload.cases).toHaveLength(3);
  const csv = await download(page, () => page.getByRole('button', { name: /下载 CSV|Download CSV/ }).click());
  // in the interface's language: Chinese column names, no English codes
  expect(csv.split('\r\n')[0]).toContain('生活补贴结果');
  expect(csv.split('\r\n')[0]).not.toContain('livingStatus');
  expect(csv).toContain('张三');
  await axe(page);

  await page.getByLabel(/我已经备份|I have a backup/).check();
  await page.getByRole('button', { name: /删除全部个案|Delete every case/ }).click();
  await expect(page.getByRole('status').filter({ hasText: /已删除全部个案|Every case was deleted/ })).toBeVisible();
  expect(await listRows(page)).toEqual([]);

  const file = test.info().outputPath('backup.json');
  writeFileSync(file, encrypted);
  await page.goto('/#/caseload/backup');
  await page.getByLabel(/备份文件|Backup file/).setInputFiles(file);
  await page.getByRole('button', { name: /^(导入|Import)$/ }).click();
  await expect(page.getByRole('status').filter({ hasText: /新增 3 个|3 new cases/ })).toBeVisible();
  expect(await listRows(page)).toEqual(before);

  await page.goto('/#/caseload/backup');
  await page.getByLabel(/不加密|Not encrypted/).check();
  const plainAfter = JSON.parse(await download(page, () => page.getByRole('button', { name: /下载备份|Download backup/ }).click()));
  expect(plainAfter.caseload).toEqual(plainBefore.caseload);
});

test('a wrong passphrase gets a clear message and changes nothing', async ({ page }) => {
  await setUpCaseload(page);
  await page.getByRole('button', { name: /立即锁定|Lock now/ }).click();
  const stored = () => page.evaluate(() => new Promise<string>((res) => {
    const open = indexedDB.open('tj-caseload');
    open.onsuccess = () => {
      const tx = open.result.transaction('vault').objectStore('vault').getAll();
      tx.onsuccess = () => res(JSON.stringify(tx.result));
    };
  }));
  const before = await stored();
  await unlock(page, 'not my passphrase');
  await expect(page.getByRole('alert')).toContainText(/密码不对|Wrong passphrase/);
  await expect(page.getByRole('button', { name: /立即锁定|Lock now/ })).toHaveCount(0);
  expect(await stored()).toBe(before);
  await axe(page);
  await unlock(page, PASS);
  await expect(page.getByRole('button', { name: /立即锁定|Lock now/ })).toBeVisible({ timeout: 20_000 });
});

test('a corrupt or foreign import is refused with a clear message and the caseload is untouched', async ({ page }) => {
  await setUpCaseload(page);
  await newCheck(page);
  await driveToResult(page, persona());
  await saveAsCase(page, '赵六');
  const before = await listRows(page);
  for (const [name, text, message] of [
    ['truncated.json', '{"format":"tj-subsidies-caseload-backup","encrypted":false,"caseload":{"schemaVersion":1,"cases":[{"id":"x"', /不是有效的 JSON|not valid JSON/],
    ['other.json', '{"name":"some-other-app","items":[1,2,3]}', /不是本应用的个案备份|not a caseload backup/],
    ['bad.json', JSON.stringify({ format: 'tj-subsidies-caseload-backup', encrypted: false, caseload: { schemaVersion: 1, cases: [{ id: 'x' }] } }), /不完整或不正确|incomplete or wrong/],
  ] as const) {
    const file = test.info().outputPath(name);
    writeFileSync(file, text);
    await page.goto('/#/caseload/backup');
    await page.getByLabel(/备份文件|Backup file/).setInputFiles(file);
    await page.getByRole('button', { name: /^(导入|Import)$/ }).click();
    await expect(page.getByRole('alert')).toContainText(message);
    await expect(page.getByRole('alert')).toContainText(/现有个案没有改动|Nothing was changed/);
    expect(await listRows(page)).toEqual(before);
  }
});

test('the notice tracker groups deadlines, records a notice given, and exports an .ics calendar', async ({ page }) => {
  await threeCases(page);
  await page.goto('/#/caseload/notices');
  const overdue = page.locator('.cl-group-overdue');
  const soon = page.locator('.cl-group-dueSoon');
  const later = page.locator('.cl-group-later');
  // 80 days ago → due within 14 days; 10 days ago → later; 王五 (not from Tianjin) has no trigger
  await expect(soon).toContainText('张三');
  await expect(later).toContainText('李四');
  await expect(overdue).toHaveCount(0);
  await expect(page.locator('main')).not.toContainText('王五');
  await axe(page);

  const ics = await download(page, () => page.getByRole('button', { name: /下载日历文件|Download calendar file/ }).click());
  expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
  expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(2);
  expect(ics).not.toContain('张三'); // names only when asked for
  expect(ics).toMatch(/DTSTART;VALUE=DATE:\d{8}/);

  await soon.getByRole('link').first().click();
  await page.getByLabel(/^(告知日期|Date notice was given)$/).fill(daysAgo(1));
  await page.getByLabel(/^(告知形式|Form of notice)$/).selectOption('homeVisit');
  await page.getByRole('button', { name: /保存告知记录|Save the notice/ }).click();
  await expect(page.getByRole('status').first()).toContainText(/已保存|Saved/);
  await axe(page);
  await page.goto('/#/caseload/notices');
  await expect(page.locator('.cl-group-done')).toContainText('张三');
  await expect(page.locator('.cl-group-done')).toContainText(/上门走访|Home visit/);
});

test('the notice and application dates on a case page are typed as in the wizard, in any common form, and a wrong one is named and announced', async ({ page }) => {
  await setUpCaseload(page);
  await newCheck(page);
  await driveToResult(page, persona());
  await saveAsCase(page, '郑九');
  await page.goto('/#/caseload');
  await page.getByRole('link', { name: /郑九/ }).click();
  const given = page.getByLabel(/^告知日期$/);
  await expect(given).toHaveAttribute('type', 'text'); // no native date picker: its format follows the browser's language
  await expect(given).toHaveAttribute('aria-describedby', /-hint$/);
  const alert = page.locator('.cl-record [role=alert]');

  // a day the month does not have: the error says so, is tied to the field, announced, and the field has focus
  await given.fill('2024-02-30');
  await page.getByLabel(/^告知形式$/).selectOption('homeVisit');
  await page.getByRole('button', { name: '保存告知记录' }).click();
  const dayError = '2024年2月没有 30 日：这个月只到 29 日';
  await expect(given).toBeFocused();
  await expect(given).toHaveAttribute('aria-invalid', 'true');
  const describedBy = (await given.getAttribute('aria-describedby'))!.split(' ');
  expect(describedBy).toHaveLength(2);
  await expect(page.locator(`[id="${describedBy[1]}"]`)).toContainText(dayError);
  await expect(alert).toContainText(dayError);

  // text that is not a date, and a date after today
  await given.fill('上个月');
  await page.getByRole('button', { name: '保存告知记录' }).click();
  await expect(alert).toContainText('看不出“上个月”是哪一天');
  await given.fill('2999-01-01');
  await page.getByRole('button', { name: '保存告知记录' }).click();
  await expect(alert).toContainText('日期不能晚于今天');

  // a date written the Chinese way is read and kept as a date
  await given.fill('2024年5月3日');
  await page.getByRole('button', { name: '保存告知记录' }).click();
  await expect(page.getByRole('status').first()).toContainText('已保存');
  await expect(page.locator('main')).toContainText('2024-05-03 已用“上门走访”告知');
  await expect(given).toHaveValue('2024-05-03');
  await expect(given).not.toHaveAttribute('aria-invalid', 'true');

  // the application date: empty is named, a dotted date is read
  const applied = page.getByLabel(/^申请日期$/);
  await applied.fill('');
  await page.getByRole('button', { name: '保存申请日期' }).click();
  await expect(applied).toBeFocused();
  await expect(alert).toContainText('请填写日期，例如 2024-05-01。');
  await applied.fill('2024.6.1');
  await page.getByRole('button', { name: '保存申请日期' }).click();
  await expect(page.locator('main')).toContainText('2024-06-01 已申请');
  await axe(page);
});

test('a case opened in the wizard, changed and checked again shows the old and new result side by side', async ({ page }) => {
  await setUpCaseload(page);
  await newCheck(page);
  await driveToResult(page, persona({ grade: ['#grade-3'] }));
  await saveAsCase(page, '钱七');
  await page.goto('/#/caseload');
  await page.getByRole('link', { name: /钱七/ }).click();
  await page.getByRole('button', { name: /在“自查”中修改回答|Change answers in/ }).click();
  await expect(page.locator('.wizard')).toHaveAttribute('data-step', 'check');
  // change the grade from 3 to 1: the care subsidy becomes payable
  await page.locator('.wizard a, .wizard button').filter({ hasText: /残疾等级|grade/i }).first().click();
  await page.check('#grade-1');
  await page.locator('form button[type=submit]').click();
  await driveToResult(page, persona());
  const box = page.locator('.result-actions details');
  await box.locator('summary').click();
  await expect(box.locator('.cl-compare')).toBeVisible();
  await expect(box.locator('.cl-compare .cl-changed')).not.toHaveCount(0);
  await axe(page);
  await box.getByRole('button', { name: /保存到个案“钱七”|Save to the case “钱七”/ }).click();
  await page.goto('/#/caseload');
  await expect(page.locator('.cl-table tbody tr')).toHaveCount(1);
  await page.getByRole('link', { name: /钱七/ }).click();
  await expect(page.locator('.cl-compare')).toBeVisible();
});

test('a case opened in the wizard again shows every answer as given: the role, "not sure" whether they applied, no notice, no date', async ({ page }) => {
  await setUpCaseload(page);
  await newCheck(page);
  await driveToResult(page, persona({ household: ['#household-dibao'], applied: ['#applied-unknown'] }));
  await saveAsCase(page, '周九');
  await page.goto('/#/caseload');
  await page.getByRole('link', { name: /周九/ }).click();
  await page.getByRole('button', { name: /在“自查”中修改回答|Change answers in/ }).click();
  await expect(page.locator('.wizard')).toHaveAttribute('data-step', 'check');
  const list = page.locator('.summary-list');
  await expect(list).not.toContainText(/未回答|Not answered/);
  await expect(list.locator('.summary-row').first()).toContainText(/社工|worker/i);
  const row = (name: RegExp) => list.locator('.summary-row').filter({ has: page.locator('dt', { hasText: name }) });
  await expect(row(/是否已申请|applied/i).locator('.summary-value')).toContainText(/不清楚|Not sure/);
  await expect(row(/是否收到告知|notice/i).locator('.summary-value')).toHaveText(/^(否|No)$/);
  await expect(row(/纳入低保的日期|dibao/i).locator('.summary-value')).toHaveText(/^(不清楚日期|Date not known)$/);
  await axe(page);
});

test('the notification letter and the visit summary print on one A4 page each', async ({ page }) => {
  await setUpCaseload(page);
  await newCheck(page);
  await driveToResult(page, persona({ dibaoSince: [`fill:#dibaoSince=${daysAgo(30)}`] }));
  await saveAsCase(page, '孙八', '需要轮椅');
  await page.goto('/#/caseload');
  await page.getByRole('link', { name: /孙八/ }).click();
  const prints = [/打印告知书|Print the notification letter/, /打印走访小结|Print the visit summary/];
  for (const [i, name] of [...prints, ...prints].entries()) {
    if (i === prints.length) await page.locator('.lang-switch').click(); // the same two pages in English
    await page.getByRole('button', { name }).click();
    await expect(page.locator('.printable')).toBeVisible();
    await axe(page);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.app-header')).toBeHidden();
    await expect(page.locator('.printable')).toContainText('孙八');
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    writeFileSync(test.info().outputPath(`print-${i}.pdf`), pdf);
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBe(1);
    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('button', { name: /关闭打印预览|Close print preview/ }).click();
  }
});

test('new visit clears the wizard answers so the next household starts empty', async ({ page }) => {
  await setUpCaseload(page);
  await newCheck(page);
  await driveToResult(page, persona());
  await page.goto('/#/caseload');
  await page.getByRole('button', { name: /^(新的走访|New visit)$/ }).click();
  await expect(page.getByRole('status').filter({ hasText: /已清空|were cleared/ })).toBeVisible();
  await page.goto('/#/');
  await expect(page.locator('.wizard')).toHaveAttribute('data-step', 'start');
  await expect(page.locator('#role-worker')).not.toBeChecked();
});

test('in English every caseload page has its words translated and no accessibility violation', async ({ page }) => {
  await useLanguage(page, 'en');
  await page.goto('/#/caseload');
  await expect(page.locator('main h1')).toHaveText('Caseload and notices');
  await expect(page.getByText(/forgotten passphrase cannot be recovered/).first()).toBeVisible();
  await axe(page);
  await setUpCaseload(page);
  await newCheck(page);
  await driveToResult(page, persona({ certifiedOn: [`fill:#certifiedOn=${daysAgo(100)}`] }));
  await saveAsCase(page, 'Zhou Jiu');
  for (const tab of ['', '/notices', '/backup', '/settings']) {
    await page.goto(`/#/caseload${tab}`);
    await expect(page.locator('main h2').first()).toBeVisible();
    await expect(page.locator('main')).not.toContainText(/[个案告知备份设置]{2}/);
    await axe(page);
  }
  await expect(page.locator('main')).toContainText('Settings');
  await page.goto('/#/caseload/notices');
  await expect(page.locator('.cl-group-overdue')).toContainText('Zhou Jiu');
  await expect(page.locator('.cl-group-overdue')).toContainText(/days overdue/);
});
