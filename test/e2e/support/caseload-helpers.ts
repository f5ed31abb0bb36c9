/** Helpers for the offline and caseload end-to-end tests. */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export type Persona = Record<string, string[]>;

export const PASS = 'tablet passphrase 1';

/** An ISO date `days` before today in the browser's time zone (Asia/Shanghai in the config). */
export function daysAgo(days: number): string {
  const d = new Date(Date.now() + 8 * 3600_000 - days * 86_400_000);
  return d.toISOString().slice(0, 10);
}

export const persona = (over: Persona = {}): Persona => ({
  start: ['#role-worker'],
  hukou: ['#hukou-tianjin'],
  certificate: ['#certificate-valid'],
  category: ['#category-physical'],
  grade: ['#grade-1'],
  household: ['#household-dibao'],
  exclusions: ['#tekun-no', '#workInjuryCareFee-no', '#inPrison-no'],
  orphan: ['#orphanGuarantee-no'],
  welfareLiving: ['#welfareLivingAllowances-no'],
  welfareCare: ['#welfareCareAllowances-no'],
  homeCareNursing: ['#homeCareNursingSubsidy-no'],
  elderly: ['#homeElderlyServiceSubsidy-no', '#advancedAgeAllowance-no'],
  dibaoSince: ['#dibaoSince-unknown'],
  dibaoEdgeSince: ['#dibaoEdgeSince-unknown'],
  certifiedOn: ['#certifiedOn-unknown'],
  notice: ['#noticeGiven-no'],
  applied: ['#applied-no'],
  ...over,
});

export const step = (page: Page) => page.locator('.wizard').getAttribute('data-step');

/** Answers page after page (an action "fill:#id=value" fills a field) up to the result page. */
export async function driveToResult(page: Page, p: Persona) {
  for (let i = 0; i < 30; i++) {
    await expect(page.locator('.wizard')).toHaveAttribute('data-step', /.+/);
    const s = (await step(page))!;
    if (s === 'check' || s === 'result') break;
    const actions = p[s];
    if (!actions) throw new Error(`persona has no answer for step "${s}"`);
    for (const a of actions) {
      if (a.startsWith('fill:')) {
        const [sel, v] = a.slice(5).split('=');
        await page.fill(sel!, v!);
      } else await page.check(a);
    }
    await page.locator('form button[type=submit]').click();
    await expect(page.locator('.wizard')).not.toHaveAttribute('data-step', s);
  }
  if ((await step(page)) === 'check') {
    await page.locator('.wizard > button, .wizard button:not(.link):not(.secondary)').last().click();
  }
  await expect(page.locator('.wizard')).toHaveAttribute('data-step', 'result');
}

/** Opens the app in language `l` on the first load of the session; a language picked later on the page is kept. */
export async function useLanguage(page: Page, l: 'zh-CN' | 'en') {
  await page.addInitScript((v) => {
    if (!sessionStorage.getItem('lang-set')) {
      localStorage.setItem('tj-subsidies.lang', v);
      sessionStorage.setItem('lang-set', '1');
    }
  }, l);
}

export async function axe(page: Page) {
  const r = await new AxeBuilder({ page }).analyze();
  expect(r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Waits until a service worker is activated and controls the page (STACK.md pitfall 5). */
export async function waitForServiceWorker(page: Page) {
  await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    const sw = reg.active!;
    if (sw.state !== 'activated') await new Promise<void>((r) => sw.addEventListener('statechange', () => sw.state === 'activated' && r()));
    if (!navigator.serviceWorker.controller) await new Promise<void>((r) => navigator.serviceWorker.addEventListener('controllerchange', () => r(), { once: true }));
  });
}

export async function setUpCaseload(page: Page, pass = PASS) {
  await page.goto('/#/caseload');
  await page.getByLabel(/密码（至少 8 个字符）|Passphrase \(at least/).fill(pass);
  await page.getByLabel(/再输一次密码|Passphrase again/).fill(pass);
  await page.getByLabel(/我知道忘记密码后无法找回|I understand/).check();
  await page.getByRole('button', { name: /创建并解锁|Create and unlock/ }).click();
  await expect(page.getByRole('button', { name: /立即锁定|Lock now/ })).toBeVisible({ timeout: 20_000 });
}

/** From the result page: open the social-worker section and save as a new case under this name. */
export async function saveAsCase(page: Page, name: string, notes = '') {
  const box = page.locator('.result-actions details');
  if (!(await box.evaluate((d: HTMLDetailsElement) => d.open))) await box.locator('summary').click();
  const unlock = box.getByRole('button', { name: /^(解锁|Unlock)$/ });
  if (await unlock.isVisible()) {
    await box.getByLabel(/^(密码|Passphrase)$/).fill(PASS);
    await unlock.click();
  }
  await box.getByLabel(/姓名或编号|Name or reference/).fill(name);
  if (notes) await box.getByLabel(/备注|Notes/).fill(notes);
  await box.getByRole('button', { name: /保存为新个案|Save as a new case/ }).click();
  await expect(box.getByRole('status')).toContainText(/已保存为个案|Saved as a case/);
}

/** "New visit" on the caseload page (the key stays in memory: no reload), then the wizard from its start. */
export async function newCheck(page: Page) {
  await page.goto('/#/caseload');
  await page.getByRole('button', { name: /^(新的走访|New visit)$/ }).click();
  await page.goto('/#/');
  await expect(page.locator('.wizard')).toHaveAttribute('data-step', 'start');
}
