/**
 * One person per outcome, in both languages, on a 390 × 844 phone: the first sentence of the result
 * says the outcome in plain words, no clause id shows outside the 依据 disclosures, and axe is clean.
 * Each run also counts the way there (pages, taps, characters before the first answer); with
 * PERSONA_OUT set they are written to that file.
 */
import { expect, test, type Page } from '@playwright/test';
import { appendFileSync } from 'node:fs';
import { axe, persona, step, useLanguage, type Persona } from './support/caseload-helpers';

// axe on the result and a whole way through the wizard: slow on a loaded 2-core machine
test.describe.configure({ timeout: 120_000 });

// a citizen checking for themselves; every other answer as the shared persona gives it
const base: Persona = persona({ start: ['#role-self'] });

/** each persona, and what the first sentence on the result says, per language */
const PERSONAS: { name: string; persona: Persona; first: Record<'zh-CN' | 'en', RegExp>; next: boolean; missed?: boolean }[] = [
  { name: 'paid', persona: { ...base }, first: { 'zh-CN': /可以领，每月 300 元/, en: /can be paid, 300 yuan a month/ }, next: true },
  {
    name: 'paid with a choice of the higher',
    persona: { ...base, grade: ['#grade-2'], household: ['#household-neither'], homeCareNursing: ['#homeCareNursingSubsidy-yes'], homeCareNursingAmount: ['amount:homeCareNursingSubsidy=350'] },
    first: { 'zh-CN': /居家养老护理补贴每月 350 元.*留着居家养老护理补贴.*每月多 150 元/, en: /350 yuan a month.*keep the home elderly-care nursing subsidy.*150 yuan a month more/i },
    next: true,
  },
  { name: 'depends', persona: { ...base, grade: ['#grade-unknown'], household: ['#household-unknown'] }, first: { 'zh-CN': /还要看.*每月 160 或 300 元，也可能不能领/, en: /depends on.*160 or 300 yuan a month, maybe nothing/ }, next: true },
  { name: 'excluded', persona: { ...base, exclusions: ['#tekun-yes', '#workInjuryCareFee-no', '#inPrison-no'] }, first: { 'zh-CN': /不能领，因为已经纳入特困人员供养/, en: /cannot be paid, because the person is supported as/ }, next: false },
  { name: 'not eligible', persona: { ...base, grade: ['#grade-4'], household: ['#household-neither'] }, first: { 'zh-CN': /不能领，因为家庭不是低保家庭/, en: /cannot be paid, because the household is neither/ }, next: false },
  { name: 'hukou elsewhere', persona: { ...base, hukou: ['#hukou-other'] }, first: { 'zh-CN': /在天津不能领.*户籍所在地/, en: /Not paid in Tianjin.*registered/ }, next: false },
  {
    name: 'missed deadline',
    persona: { ...base, dibaoSince: ['date:dibaoSince=2025-03-03'], notice: ['#noticeGiven-no'], applied: ['#applied-no'] },
    first: { 'zh-CN': /可以领/, en: /can be paid/ },
    next: true,
    missed: true,
  },
];




/** Visible characters (not counting spaces) in the page before the first answer control, in document order. */
function charsBeforeFirstAnswer(page: Page): Promise<number> {
  return page.evaluate(() => {
    const first = document.querySelector('main input, main select, main textarea');
    let n = 0;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (first && first.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING) break;
      const el = node.parentElement;
      if (!el || !el.checkVisibility({ visibilityProperty: true } as CheckVisibilityOptions)) continue;
      if (el.closest('.visually-hidden, .skip-link')) continue;
      n += (node.textContent ?? '').replace(/\s/g, '').length;
    }
    return n;
  });
}

for (const l of ['zh-CN', 'en'] as const)
  for (const { name, persona, first, next, missed } of PERSONAS)
    test(`in ${l}, ${name}: the result's first sentence says so in plain words, with no clause id outside 依据`, async ({ page }) => {
      await page.setViewportSize({ width: 390, height: 844 });
      await useLanguage(page, l);
      await page.goto('/');
      await expect(page.locator('.wizard')).toHaveAttribute('data-step', /.+/);
      const chars = await charsBeforeFirstAnswer(page);
      let pages = 0;
      let taps = 0;
      for (let i = 0; i < 40; i++) {
        const s = (await step(page))!;
        if (s === 'result') break;
        pages++;
        if (s === 'check') {
          await page.locator('.wizard > button, .wizard button:not(.link):not(.secondary)').last().click();
          taps++;
          await expect(page.locator('.wizard')).toHaveAttribute('data-step', 'result');
          break;
        }
        const actions = persona[s];
        if (!actions) throw new Error(`persona has no answer for step "${s}"`);
        for (const a of actions) {
          if (a.startsWith('amount:')) {
            const [f, n] = a.slice(7).split('=');
            await page.fill(`#${f}-amount`, n!);
          } else if (a.startsWith('date:')) {
            const [f, v] = a.slice(5).split('=');
            await page.fill(`#${f}`, v!);
          } else await page.check(a);
          taps++;
        }
        await page.locator('form button[type=submit]').click();
        taps++;
        await expect(page.locator('.wizard')).not.toHaveAttribute('data-step', s);
      }
      await expect(page.locator('.wizard')).toHaveAttribute('data-step', 'result');
      if (process.env.PERSONA_OUT) appendFileSync(process.env.PERSONA_OUT, JSON.stringify({ l, name, pages, taps, chars }) + '\n');
      if (process.env.PERSONA_MEASURE_ONLY) return;
      const lead = page.locator('.result .answer').first();
      await expect(lead).toHaveText(first[l]);
      // no clause id visible outside the 依据 disclosures (closed, so hidden)
      const visible = await page.evaluate(() => document.querySelector('main')!.innerText);
      expect(visible).not.toMatch(/\b(TJ|NAT|CN)-[A-Z0-9]/);
      // never a 0 headline; next steps only where something may be paid; a missed deadline explained
      await expect(page.locator('.answers')).not.toContainText(/每月 0 元|\b0 yuan/);
      await expect(page.locator('#next-title')).toHaveCount(next ? 1 : 0);
      await expect(page.locator('.missed')).toHaveCount(missed ? 1 : 0);
      if (missed) await expect(page.locator('.missed')).toContainText('12345');
      // the clause ids are one disclosure away
      await page.locator('#basis-living > summary').click();
      await expect(page.locator('#basis-living')).toContainText(/TJ-[A-Z]/);
      await axe(page);
    });
