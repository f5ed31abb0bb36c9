import { expect, test, type Page } from '@playwright/test';
import { axe, step, useLanguage } from './support/caseload-helpers';

type Action = string[]; // ids to check; "amount:<field>=<n>" fills an amount
type Persona = Record<string, Action>;

const base: Persona = {
  start: ['#role-self'],
  hukou: ['#hukou-tianjin'],
  certificate: ['#certificate-valid'],
  category: ['#category-physical'],
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
};



/** Answers page after page as the persona says, until "check your answers"; returns the steps seen. */
async function drive(page: Page, persona: Persona, opts: { axe?: boolean; noSideways?: boolean } = {}) {
  const seen: string[] = [];
  for (let i = 0; i < 30; i++) {
    const s = (await step(page))!;
    if (s === 'check') break;
    seen.push(s);
    if (opts.axe) await axe(page);
    if (opts.noSideways) expect(await page.evaluate(() => document.documentElement.scrollWidth), `page ${s}`).toBeLessThanOrEqual(320);
    const actions = persona[s];
    if (!actions) throw new Error(`persona has no answer for step "${s}"`);
    for (const a of actions) {
      if (a.startsWith('amount:')) {
        const [f, n] = a.slice(7).split('=');
        await page.fill(`#${f}-amount`, n!);
      } else await page.check(a);
    }
    await page.locator('form button[type=submit]').click();
    await expect(page.locator('.wizard')).not.toHaveAttribute('data-step', s);
    await expect(page.locator('main h1')).toBeFocused();
  }
  expect(await step(page)).toBe('check');
  if (opts.axe) await axe(page);
  await page.locator('.wizard > button, .wizard button:not(.link):not(.secondary)').last().click();
  await expect(page.locator('.wizard')).toHaveAttribute('data-step', 'result');
  await axe(page);
  return seen;
}

const yuan = (l: string, n: number) => (l === 'en' ? `${n} yuan a month` : `${n} 元/月`);

for (const l of ['zh-CN', 'en'] as const) {
  test.describe(`in ${l}`, () => {
    test.beforeEach(async ({ page }) => {
      await useLanguage(page, l);
      await page.goto('/');
    });

    test('a grade-1 person in 低保 gets both subsidies, 500 a month in total, with axe clean on every page', async ({ page }) => {
      test.setTimeout(150_000); // axe on every page is slow on a loaded machine
      const seen = await drive(page, { ...base, grade: ['#grade-1'], household: ['#household-dibao'] }, { axe: true });
      expect(seen).toContain('household');
      await expect(page.locator('#card-living').locator('..')).toHaveClass(/status-paid/);
      await expect(page.locator('#card-care').locator('..')).toHaveClass(/status-paid/);
      await expect(page.locator('.total')).toContainText('500');
      await expect(page.locator('.card').first()).toContainText(yuan(l, 300));
      await expect(page.locator('body')).toContainText('TJ-NOT-INCOME');
    });

    test('a grade-3 person in a 低保边缘 household gets the living subsidy of 160 and not the care subsidy', async ({ page }) => {
      await drive(page, { ...base, grade: ['#grade-3'], household: ['#household-dibaoEdge'] });
      await expect(page.locator('.status-paid #card-living')).toHaveCount(1);
      await expect(page.locator('.status-notEligible #card-care')).toHaveCount(1);
      // one subsidy only: its sentence gives the amount, and there is no total of the two
      await expect(page.locator('.answers .answer').first()).toContainText('160');
      await expect(page.locator('.total')).toHaveCount(0);
    });

    test('an orphan raised in an institution gets no living subsidy and the care subsidy is paid to the institution', async ({ page }) => {
      await drive(page, {
        ...base,
        start: ['#role-carer'],
        grade: ['#grade-2'],
        household: ['#household-neither'],
        orphan: ['#orphanGuarantee-yes'],
        orphanInstitution: ['#orphanInInstitution-yes'],
        institutionFunded: ['#institutionCareFunded-no'],
      });
      await expect(page.locator('.status-paid #card-care')).toHaveCount(1);
      await expect(page.locator('.status-paid #card-care').locator('..')).toContainText('TJ-ORPHAN-INSTITUTION');
      await expect(page.locator('#card-living').locator('..')).not.toHaveClass(/status-paid/);
    });

    test('someone in 特困供养 is excluded from both and is not asked the questions that no longer matter', async ({ page }) => {
      const seen = await drive(page, { ...base, grade: ['#grade-1'], household: ['#household-dibao'], exclusions: ['#tekun-yes', '#workInjuryCareFee-no', '#inPrison-no'] });
      expect(seen).not.toContain('welfareLiving');
      await expect(page.locator('.status-excluded')).toHaveCount(2);
      await expect(page.locator('body')).toContainText('TJ-EXCLUDE-TEKUN');
    });

    test('someone whose home elderly-care nursing subsidy is higher is told to choose it', async ({ page }) => {
      await drive(page, {
        ...base,
        grade: ['#grade-2'],
        household: ['#household-neither'],
        homeCareNursing: ['#homeCareNursingSubsidy-yes'],
        homeCareNursingAmount: ['amount:homeCareNursingSubsidy=350'],
      });
      await expect(page.locator('.status-otherWins #card-care')).toHaveCount(1);
      const decision = page.locator('.status-otherWins .decision');
      await expect(decision).toHaveCount(1);
      await expect(decision).toContainText(yuan(l, 350));
      await expect(decision).toContainText(yuan(l, 200));
    });

    test('someone not sure about the household sees what the living subsidy depends on and the question that settles it', async ({ page }) => {
      await drive(page, { ...base, grade: ['#grade-1'], household: ['#household-unknown'] });
      const living = page.locator('.status-depends').filter({ has: page.locator('#card-living') });
      await expect(living).toHaveCount(1);
      await expect(living.locator('.depends')).toContainText(yuan(l, 300));
      await living.locator('.depends button').first().click();
      await expect(page.locator('.wizard')).toHaveAttribute('data-step', 'household');
      await page.check('#household-dibaoEdge');
      await page.locator('form button[type=submit]').click();
      await expect(page.locator('.wizard')).toHaveAttribute('data-step', 'check');
    });
  });
}

test('at 320 px wide (200% zoom on a small screen) no page scrolls sideways, up to the result', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.emulateMedia({ reducedMotion: 'reduce', forcedColors: 'active' });
  await page.goto('/');
  await drive(page, { ...base, grade: ['#grade-2'], household: ['#household-dibaoEdge'], homeCareNursing: ['#homeCareNursingSubsidy-yes'], homeCareNursingAmount: ['amount:homeCareNursingSubsidy=150'] }, { noSideways: true });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await expect(page.locator('.total')).toContainText('500');
});

for (const l of ['zh-CN', 'en'] as const)
  test(`in ${l}, a full result (both subsidies, a choice, a deadline) prints on one A4 page in type no smaller than 9 pt`, async ({ page }) => {
    await useLanguage(page, l);
    await page.goto('/');
    await drive(page, {
      ...base,
      grade: ['#grade-1'],
      household: ['#household-unknown'],
      homeCareNursing: ['#homeCareNursingSubsidy-yes'],
      homeCareNursingAmount: ['amount:homeCareNursingSubsidy=400'],
      elderly: ['#homeElderlyServiceSubsidy-yes', '#advancedAgeAllowance-no'],
      dibaoSince: ['#dibaoSince-unknown'],
      certifiedOn: ['#certifiedOn-unknown'],
    });
    const pdf = await page.pdf({ format: 'A4', margin: { top: '1cm', bottom: '1cm', left: '1cm', right: '1cm' } });
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)).toHaveLength(1);
    await page.emulateMedia({ media: 'print' });
    // what the sheet must carry: the outcome sentences, the amounts, the choice of the higher, the notice
    // deadline, the source beside each standard and the clause ids
    for (const sel of ['.answers .answer', '.answers .total', '.decision table', '.decision p', '#notice-title', '#card-living ~ .source:visible', '#card-care ~ .source:visible', '#basis-care .clause-id', '#basis-notice .clause-id'])
      await expect(page.locator(sel).first(), sel).toBeVisible();
    await expect(page.locator('#basis-care')).toContainText('TJ-HIGHER-ELDERCARE');
    // what only works on screen is left off
    for (const sel of ['.result-buttons', '.back-row', '.result details > summary', '.card .status'])
      await expect(page.locator(sel).first(), sel).toBeHidden();
    const small = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.result *')]
        .filter((e) => e.checkVisibility() && [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim()))
        .filter((e) => parseFloat(getComputedStyle(e).fontSize) < 12) // 9 pt = 12 CSS px
        .map((e) => `${e.tagName}.${e.className}: ${getComputedStyle(e).fontSize}`),
    );
    expect(small).toEqual([]);
  });

test('a reload in the middle keeps the page and every answer', async ({ page }) => {
  await page.goto('/');
  await page.check('#role-worker');
  await page.locator('form button[type=submit]').click();
  await page.check('#hukou-tianjin');
  await page.locator('form button[type=submit]').click();
  await page.check('#certificate-valid');
  await page.locator('form button[type=submit]').click();
  await expect(page.locator('.wizard')).toHaveAttribute('data-step', 'category');
  await page.reload();
  await expect(page.locator('.wizard')).toHaveAttribute('data-step', 'category');
  await expect(page.locator('main h1')).toContainText('该残疾人');
  await page.locator('.back-link').click();
  await expect(page.locator('#certificate-valid')).toBeChecked();
  await page.locator('.back-link').click();
  await expect(page.locator('#hukou-tianjin')).toBeChecked();
});

test('the language switch changes every word and is remembered after a reload', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('main h1')).toContainText('天津');
  await page.locator('.lang-switch').click();
  await expect(page.locator('main h1')).toContainText('Check the Tianjin');
  await page.reload();
  await expect(page.locator('main h1')).toContainText('Check the Tianjin');
});

test('start again clears the answers after a confirm', async ({ page }) => {
  await page.goto('/');
  await page.check('#role-self');
  await page.locator('form button[type=submit]').click();
  await page.check('#hukou-other');
  await page.locator('form button[type=submit]').click();
  await expect(page.locator('.wizard')).toHaveAttribute('data-step', 'check');
  page.once('dialog', (d) => void d.accept());
  await page.locator('.restart-row button').click();
  await expect(page.locator('.wizard')).toHaveAttribute('data-step', 'start');
  await expect(page.locator('#role-self')).not.toBeChecked();
});

test('an unanswered question shows the error at the field and in a summary that links to it', async ({ page }) => {
  await page.goto('/');
  await page.locator('form button[type=submit]').click();
  await expect(page.locator('.error-summary')).toBeFocused();
  await page.locator('.error-summary a').click();
  await expect(page.locator('#role-self')).toBeFocused();
  await expect(page.locator('.error-message')).toHaveCount(1);
});

/** Types a date as a person would, year-month-day (the field does not follow the browser's locale). */
async function typeDate(page: Page, iso: string) {
  await page.keyboard.type(iso);
}

async function tabTo(page: Page, selector: string) {
  for (let i = 0; i < 80; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

test('the whole way to the result works with the keyboard alone', async ({ page }) => {
  await page.goto('/');
  const kb: Record<string, () => Promise<void>> = {
    start: async () => { await tabTo(page, '#role-self'); await page.keyboard.press('Space'); },
    hukou: async () => { await tabTo(page, '#hukou-tianjin'); await page.keyboard.press('Space'); },
    certificate: async () => { await tabTo(page, '#certificate-valid'); await page.keyboard.press('Space'); },
    category: async () => { await tabTo(page, '#category-visual'); await page.keyboard.press('Space'); },
    grade: async () => { await tabTo(page, '#grade-1'); await page.keyboard.press('Space'); },
    household: async () => { await tabTo(page, '#household-dibao'); await page.keyboard.press('Space'); },
    exclusions: async () => {
      for (const f of ['tekun', 'workInjuryCareFee', 'inPrison']) { await tabTo(page, `#${f}-yes`); await page.keyboard.press('ArrowDown'); }
    },
    orphan: async () => { await tabTo(page, '#orphanGuarantee-no'); await page.keyboard.press('Space'); },
    welfareLiving: async () => { await tabTo(page, '#welfareLivingAllowances-yes'); await page.keyboard.press('ArrowDown'); },
    welfareCare: async () => { await tabTo(page, '#welfareCareAllowances-yes'); await page.keyboard.press('ArrowDown'); },
    homeCareNursing: async () => { await tabTo(page, '#homeCareNursingSubsidy-yes'); await page.keyboard.press('ArrowDown'); },
    elderly: async () => {
      for (const f of ['homeElderlyServiceSubsidy', 'advancedAgeAllowance']) { await tabTo(page, `#${f}-yes`); await page.keyboard.press('ArrowDown'); }
    },
    dibaoSince: async () => { await tabTo(page, '#dibaoSince'); await typeDate(page, '2020-03-01'); },
    certifiedOn: async () => { await tabTo(page, '#certifiedOn-unknown'); await page.keyboard.press('Space'); },
    notice: async () => { await tabTo(page, '#noticeGiven-yes'); await page.keyboard.press('ArrowDown'); },
    applied: async () => { await tabTo(page, '#applied-yes'); await page.keyboard.press('ArrowDown'); },
  };
  for (let i = 0; i < 30; i++) {
    const s = (await step(page))!;
    if (s === 'check') break;
    const go = kb[s];
    if (!go) throw new Error(`no keyboard answer for ${s}`);
    await go();
    await tabTo(page, 'form button[type=submit]');
    await page.keyboard.press('Enter');
    await expect(page.locator('.wizard')).not.toHaveAttribute('data-step', s);
  }
  await tabTo(page, '.wizard > button');
  await page.keyboard.press('Enter');
  await expect(page.locator('.wizard')).toHaveAttribute('data-step', 'result');
  await expect(page.locator('.total')).toContainText('500');
  await expect(page.locator('.notice')).toContainText('2020-03-01');
});
