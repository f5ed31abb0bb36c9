/**
 * A shared field tablet: two tabs, a full disk, a damaged vault, a lock and an update in the middle of
 * an edit, crafted files and addresses. Nothing typed is lost, nothing personal stays in clear storage,
 * and every page says what happened.
 */
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { PASS, waitForServiceWorker } from './support/caseload-helpers';
import { serveCopy } from './support/serve-copy';

test.describe.configure({ mode: 'serial' });

const FIXTURE = join('test', 'e2e', 'support', 'two-cases.json');
const backup = () => JSON.parse(readFileSync(FIXTURE, 'utf8')) as { caseload: { cases: { id: string; updatedAt: string; notes: string; facts: Record<string, unknown> }[] } };

async function setUp(page: Page, base = '') {
  await page.goto(`${base}/#/caseload`);
  await page.getByLabel(/密码（至少 8 个字符）/).fill(PASS);
  await page.getByLabel(/再输一次密码/).fill(PASS);
  await page.getByLabel(/我知道忘记密码后无法找回/).check();
  await page.getByRole('button', { name: '创建并解锁' }).click();
  await expect(page.getByRole('button', { name: '立即锁定' })).toBeVisible({ timeout: 20_000 });
}

async function unlock(page: Page, pass = PASS) {
  await page.getByLabel(/^密码$/).fill(pass);
  await page.getByRole('button', { name: /^解锁$/ }).click();
}

async function importText(page: Page, text: string, base = '') {
  const file = test.info().outputPath(`import-${Date.now()}.json`);
  writeFileSync(file, text);
  await page.goto(`${base}/#/caseload/backup`);
  await page.getByLabel('备份文件（.json）').setInputFiles(file);
  await page.getByRole('button', { name: /^导入$/ }).click();
}

async function importFixture(page: Page, base = '') {
  await importText(page, readFileSync(FIXTURE, 'utf8'), base);
  await expect(page.getByRole('status').filter({ hasText: '备份中有 2 个个案' })).toBeVisible();
}

async function openCase(page: Page, name: string, base = '') {
  await page.goto(`${base}/#/caseload`);
  await page.getByRole('link', { name: `打开 ${name}` }).click();
  await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
}

const notes = (page: Page) => page.getByRole('textbox', { name: '备注', exact: true });

/** Every value in localStorage, and every IndexedDB record, as text. */
async function clearStorageText(page: Page): Promise<{ local: string; idb: string }> {
  return page.evaluate(async () => {
    const local = JSON.stringify(Object.fromEntries(Object.entries(localStorage)));
    const db = await new Promise<IDBDatabase>((r) => {
      const req = indexedDB.open('tj-caseload');
      req.onsuccess = () => r(req.result);
    });
    const all = await new Promise<unknown[]>((r) => {
      const req = db.transaction('vault').objectStore('vault').getAll();
      req.onsuccess = () => r(req.result);
    });
    db.close();
    return { local, idb: JSON.stringify(all) };
  });
}

test('two tabs: a case imported in one and a note saved in the other both reach storage; the same case changed in both says which was kept', async ({ page, context }) => {
  await setUp(page);
  const other = await context.newPage();
  await other.goto('/#/caseload');
  await unlock(other);
  await expect(other.getByRole('button', { name: '立即锁定' })).toBeVisible({ timeout: 20_000 });

  // tab 1 imports two cases; tab 2 hears of it and shows them
  await importFixture(page);
  await other.goto('/#/caseload');
  await expect(other.getByRole('status').filter({ hasText: '另一个标签页保存了 2 个个案的更改' })).toBeVisible();
  await expect(other.getByRole('link', { name: '打开 张三' })).toBeVisible();

  // tab 2 saves a note; tab 1 (which never reloaded) deletes the other case
  await openCase(other, '张三');
  await notes(other).fill('二号页的笔记');
  await other.getByRole('button', { name: '保存备注' }).click();
  await expect(other.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();
  await openCase(page, '李四');
  await page.getByRole('button', { name: '删除这个个案' }).click();
  await page.getByRole('button', { name: '确认删除' }).click();
  await expect(page.getByRole('link', { name: '打开 张三' })).toBeVisible();

  // the same case typed in both tabs: the later save wins and says so
  await openCase(page, '张三');
  await expect(notes(page)).toHaveValue('二号页的笔记');
  await notes(page).fill('一号页：先开始写');
  await notes(other).fill('二号页：先保存');
  await other.getByRole('button', { name: '保存备注' }).click();
  await expect(other.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();
  await page.getByRole('button', { name: '保存备注' }).click();
  await expect(page.getByRole('status').filter({ hasText: '另一个标签页也改过这个个案' })).toBeVisible();

  // what storage holds: 张三 with the later note, 李四 deleted (not brought back by tab 2)
  const fresh = await context.newPage();
  await fresh.goto('/#/caseload');
  await unlock(fresh);
  await expect(fresh.getByRole('link', { name: '打开 张三' })).toBeVisible({ timeout: 20_000 });
  await expect(fresh.getByRole('link', { name: '打开 李四' })).toHaveCount(0);
  await openCase(fresh, '张三');
  await expect(notes(fresh)).toHaveValue('一号页：先开始写');
});

test('a full disk: saving and importing say what was not saved, the typed note stays, and it saves once there is room', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await setUp(page);
  await importFixture(page);
  await openCase(page, '张三');
  await page.evaluate(() => {
    const w = window as unknown as { __put: typeof IDBObjectStore.prototype.put };
    w.__put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await notes(page).fill('满盘时写的笔记');
  await page.getByRole('button', { name: '保存备注' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '设备的存储空间已满' }).first()).toBeVisible();
  await expect(notes(page)).toHaveValue('满盘时写的笔记');

  const more = backup();
  more.caseload.cases = more.caseload.cases.map((c, i) => ({ ...c, id: `extra-${i}` }));
  await importText(page, JSON.stringify(more));
  // the import's own answer, in its panel (the alert left by the note above does not tell the import has ended)
  const panel = page.locator('section', { has: page.getByRole('heading', { level: 2, name: '备份与导出' }) });
  await expect(panel.getByText('设备的存储空间已满').first()).toBeVisible();
  await expect(panel).toHaveAttribute('aria-busy', 'false');

  await page.evaluate(() => {
    IDBObjectStore.prototype.put = (window as unknown as { __put: typeof IDBObjectStore.prototype.put }).__put;
  });
  await openCase(page, '张三');
  await notes(page).fill('满盘时写的笔记');
  await page.getByRole('button', { name: '保存备注' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();
  await page.reload();
  await unlock(page);
  await openCase(page, '张三');
  await expect(notes(page)).toHaveValue('满盘时写的笔记');
  expect(errors).toEqual([]);
});

test('a citizen whose device will not keep answers (localStorage full) is told so, and the answer stays on the page', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await page.check('#role-self');
  await page.locator('form button[type=submit]').click();
  await expect(page.getByRole('alert').filter({ hasText: '没能在本设备上保存回答：存储空间已满' })).toBeVisible();
  await expect(page.locator('.wizard')).toHaveAttribute('data-step', 'hukou');
});

test('a damaged vault: one damaged case is named and the others open; damaged data is not called a wrong passphrase, and a backup restores before anything is deleted', async ({ page }) => {
  await setUp(page);
  await importFixture(page);
  await page.getByRole('button', { name: '立即锁定' }).click();
  const flip = (key: string, field: 'data' | 'check') =>
    page.evaluate(
      async ([k, f]) => {
        const db = await new Promise<IDBDatabase>((r) => {
          const req = indexedDB.open('tj-caseload');
          req.onsuccess = () => r(req.result);
        });
        const store = () => db.transaction('vault', 'readwrite').objectStore('vault');
        const v = await new Promise<Record<string, unknown>>((r) => {
          const req = store().get(k);
          req.onsuccess = () => r(req.result);
        });
        const sealed = (f === 'check' ? v.check : v) as { data: string };
        const d = sealed.data;
        sealed.data = d.slice(0, 5) + (d[5] === 'A' ? 'B' : 'A') + d.slice(6);
        await new Promise((r) => {
          const req = store().put(v, k);
          req.onsuccess = r;
        });
        db.close();
      },
      [key, field] as const,
    );
  // the bucket record that holds 李四 (张三 is in another one): FNV-1a of the id modulo the meta's bucket count, as src/storage/vault.ts
  const bucketKey = (id: string) =>
    page.evaluate(async (caseId) => {
      const db = await new Promise<IDBDatabase>((r) => {
        const req = indexedDB.open('tj-caseload');
        req.onsuccess = () => r(req.result);
      });
      const meta = await new Promise<{ buckets: number }>((r) => {
        const req = db.transaction('vault').objectStore('vault').get('meta');
        req.onsuccess = () => r(req.result as { buckets: number });
      });
      db.close();
      let h = 0x811c9dc5;
      for (let i = 0; i < caseId.length; i++) h = Math.imul(h ^ caseId.charCodeAt(i), 0x01000193);
      return `b:${(h >>> 0) % meta.buckets}`;
    }, id);
  const lisi = await bucketKey('case-lisi');
  expect(lisi).not.toBe(await bucketKey('case-zhangsan'));
  await flip(lisi, 'data');
  await unlock(page);
  await expect(page.getByRole('alert').filter({ hasText: '有 1 个个案的数据已损坏' })).toBeVisible({ timeout: 20_000 });
  await page.goto('/#/caseload');
  await expect(page.getByRole('link', { name: '打开 张三' })).toBeVisible();
  await expect(page.getByRole('link', { name: '打开 李四' })).toHaveCount(0);

  // a damaged check record is repaired: the cases open with the right passphrase, a wrong one is still wrong
  await page.getByRole('button', { name: '立即锁定' }).click();
  await flip('meta', 'check');
  await unlock(page, 'not the passphrase 1');
  await expect(page.getByRole('alert').filter({ hasText: '密码不对' })).toBeVisible({ timeout: 20_000 });
  await unlock(page);
  await expect(page.getByRole('button', { name: '立即锁定' })).toBeVisible({ timeout: 20_000 });

  // a damaged settings record: said to be damaged data, not a wrong passphrase
  await page.getByRole('button', { name: '立即锁定' }).click();
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((r) => {
      const req = indexedDB.open('tj-caseload');
      req.onsuccess = () => r(req.result);
    });
    await new Promise((r) => {
      const req = db.transaction('vault', 'readwrite').objectStore('vault').put({ format: 'tj-subsidies-caseload-vault', version: 2, kdf: null }, 'meta');
      req.onsuccess = r;
    });
    db.close();
  });
  await unlock(page);
  await expect(page.getByRole('alert').filter({ hasText: '个案数据已损坏，不是密码的问题' })).toBeVisible({ timeout: 20_000 });

  // restore the backup: read first, then replace
  await page.getByText('忘记了密码？').click();
  await page.getByLabel('备份文件（.json）').setInputFiles(FIXTURE);
  await page.getByLabel(/本设备的新密码/).fill('a new tablet pass');
  await page.getByRole('button', { name: '读取备份并恢复' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已从备份恢复 2 个个案' })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('link', { name: '打开 李四' })).toBeVisible();
});

test('a lock in the middle of an edit: nothing of any case in clear storage after it, and the unsaved note comes back after unlocking', async ({ page }) => {
  await setUp(page);
  await importFixture(page);
  // a visit in progress in the wizard, opened from a case
  await openCase(page, '张三');
  await page.getByRole('button', { name: /在“自查”中修改回答/ }).click();
  await expect(page.locator('.wizard')).toHaveAttribute('data-step', 'check');
  let text = await clearStorageText(page);
  for (const s of ['张三', 'physical', 'dibao', '2025-01-10', 'case-zhangsan']) expect(text.local, s).not.toContain(s);

  await openCase(page, '张三');
  await notes(page).fill('锁定前没保存的一句：王大妈腿脚不便');
  await page.getByRole('button', { name: '立即锁定' }).click();
  await expect(page.getByRole('heading', { name: '解锁个案' })).toBeVisible();
  text = await clearStorageText(page);
  for (const s of ['张三', '李四', '王大妈', 'physical', 'dibao', '2025-01-10', '第一次家访', 'case-zhangsan']) {
    expect(text.local, s).not.toContain(s);
    expect(text.idb, s).not.toContain(s);
  }
  // the wizard shows nothing of the visit while locked
  await page.goto('/#/');
  await expect(page.locator('.wizard')).toHaveAttribute('data-step', 'start');
  await expect(page.getByText('张三')).toHaveCount(0);

  await page.goto('/#/caseload/case/case-zhangsan');
  await unlock(page);
  await expect(notes(page)).toHaveValue('锁定前没保存的一句：王大妈腿脚不便', { timeout: 20_000 });
  await expect(page.getByRole('status').filter({ hasText: '已恢复锁定（或更新）前没有保存的文字' })).toBeVisible();
});

test('a reload in the middle of a visit loses nothing: after unlocking the wizard is back with every answer, and nothing of it was in clear storage', async ({ page }) => {
  await setUp(page);
  await importFixture(page);
  await openCase(page, '张三');
  await page.getByRole('button', { name: /在“自查”中修改回答/ }).click();
  await expect(page.locator('.wizard')).toHaveAttribute('data-step', 'check');
  const at = page.url();
  // the visit is sealed in the caseload as it changes
  await expect
    .poll(() =>
      page.evaluate(async () => {
        const db = await new Promise<IDBDatabase>((r) => {
          const req = indexedDB.open('tj-caseload');
          req.onsuccess = () => r(req.result);
        });
        const keys = await new Promise<IDBValidKey[]>((r) => {
          const req = db.transaction('vault').objectStore('vault').getAllKeys();
          req.onsuccess = () => r(req.result);
        });
        db.close();
        return keys.includes('drafts');
      }),
    )
    .toBe(true);
  await page.reload();
  // before unlocking, the wizard shows nothing of the visit
  await expect(page.locator('.wizard')).not.toContainText('肢体残疾');
  const text = await clearStorageText(page);
  for (const s of ['张三', 'physical', 'dibao', '2025-01-10', 'case-zhangsan']) {
    expect(text.local, s).not.toContain(s);
    expect(text.idb, s).not.toContain(s);
  }
  await expect(page.getByText('张三')).toHaveCount(0);
  await page.goto('/#/caseload');
  await unlock(page);
  await expect(page.getByRole('button', { name: '立即锁定' })).toBeVisible({ timeout: 20_000 });
  await page.goto(at);
  await expect(page.locator('.wizard')).toHaveAttribute('data-step', 'check');
  // 张三's answers (the check page lists answers, not the name)
  for (const answer of ['是，天津户籍', '肢体残疾', '一级', '享受低保']) await expect(page.locator('.wizard')).toContainText(answer);
});

test('the idle lock warns ahead with 继续使用, and "only when I lock" is offered with a warning', async ({ page }) => {
  await page.clock.install();
  await setUp(page);
  await page.goto('/#/caseload/settings');
  await page.getByLabel('多长时间不操作就自动锁定').selectOption('1');
  await page.clock.runFor(35_000);
  const warning = page.getByRole('alertdialog');
  await expect(warning).toContainText('秒后将自动锁定');
  await warning.getByRole('button', { name: '继续使用' }).click();
  await expect(warning).toHaveCount(0);
  await page.clock.runFor(35_000);
  await expect(warning).toBeVisible();
  await page.clock.runFor(30_000);
  await expect(page.getByRole('status').filter({ hasText: '因为一段时间没有操作' })).toBeVisible();
  await unlock(page);
  await page.goto('/#/caseload/settings');
  await page.getByLabel('多长时间不操作就自动锁定').selectOption('0');
  await expect(page.getByRole('note').filter({ hasText: '不自动锁定' })).toBeVisible();
});

test('crafted input is refused with a message: a CR/LF case id, __proto__, 2^31 iterations, a malformed address', async ({ page }) => {
  await setUp(page);
  const crlf = backup();
  crlf.caseload.cases[0]!.id = 'x\r\nATTACH:http://example.invalid/a';
  await importText(page, JSON.stringify(crlf));
  await expect(page.getByRole('alert')).toContainText('不完整或不正确');
  await expect(page.getByRole('alert')).toContainText('cases.0.id');

  await importText(page, readFileSync(FIXTURE, 'utf8').replace('"hukou"', '"__proto__": {"x": 1}, "hukou"'));
  await expect(page.getByRole('alert')).toContainText('__proto__');

  const slow = {
    format: 'tj-subsidies-caseload-backup',
    schemaVersion: 1,
    exportedAt: '2025-01-01T00:00:00.000Z',
    encrypted: true,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: 2 ** 31, salt: 'AAAAAAAAAAAAAAAAAAAAAA==' },
    cipher: 'AES-GCM',
    sealed: { iv: 'AAAAAAAAAAAAAAAA', data: 'AAAA' },
  };
  await importText(page, JSON.stringify(slow));
  await expect(page.getByRole('alert')).toContainText('加密计算量超出正常范围');
  await expect(page.getByText('还没有个案')).toHaveCount(0); // still on the backup tab, nothing imported
  await page.goto('/#/caseload');
  await expect(page.getByText('还没有个案')).toBeVisible();

  await page.goto('/#/caseload/case/%E0%A4%A');
  await expect(page.getByRole('alert')).toContainText('找不到这个个案');
  await expect(page.getByRole('navigation').first()).toBeVisible();
});

// ------------------------------------------------------------------ an update in the middle of an edit


test('an update in the middle of an edit: the unsaved note is sealed before the reload and back after unlocking', async ({ page }) => {
  const { dir, url, server } = await serveCopy('vault-update-');
  try {
    await setUp(page, url);
    await waitForServiceWorker(page);
    await importFixture(page, url);
    await openCase(page, '张三', url);
    await notes(page).fill('更新前没保存的笔记');

    appendFileSync(join(dir, 'sw.js'), '\n// new version\n');
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
    const banner = page.getByRole('region', { name: /有新版本可用/ });
    await expect(banner).toBeVisible({ timeout: 20_000 });
    await expect(notes(page)).toHaveValue('更新前没保存的笔记');
    await Promise.all([page.waitForEvent('load'), banner.getByRole('button', { name: '现在更新' }).click()]);

    await expect(page.getByRole('heading', { name: '解锁个案' })).toBeVisible({ timeout: 20_000 });
    const text = await clearStorageText(page);
    expect(text.local).not.toContain('更新前没保存');
    expect(text.idb).not.toContain('更新前没保存');
    await unlock(page);
    await expect(notes(page)).toHaveValue('更新前没保存的笔记', { timeout: 20_000 });
  } finally {
    server.close();
  }
});
