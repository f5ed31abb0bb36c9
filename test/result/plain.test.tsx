// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine';
import { unknownFacts, type Facts } from '../../src/facts/schema';
import i18next from 'i18next';
import { initI18n } from '../../src/i18n';
import { PrintPreview } from '../../src/print/Printable';
import { sentence } from '../../src/result/sentences';
import { subsidyRange } from '../../src/engine/what-if';
import type { TFn } from '../../src/i18n/useT';

const asOf = '2025-06-15';
const person = (f: Partial<Facts>): Facts => ({ ...unknownFacts(), hukou: 'tianjin', certificate: 'valid', category: 'physical', tekun: 'no', workInjuryCareFee: 'no', inPrison: 'no', orphanGuarantee: 'no', welfareLivingAllowances: [], welfareCareAllowances: [], homeCareNursingSubsidy: [], ...f }) as Facts;
const covered = (f: Facts) => {
  const r = evaluate(f, { asOf });
  if (!r.covered) throw new Error('not covered');
  return r;
};

beforeAll(() => {
  initI18n('zh-CN');
});
afterEach(cleanup);
const t = i18next.t.bind(i18next) as unknown as TFn;

describe('the result in plain words', () => {
  it('a grade-unknown person in an unknown household may get 160 or 300 a month or nothing: the living sentence gives that range, never 0', () => {
    const f = person({ grade: 'unknown', household: 'unknown' });
    const r = covered(f);
    expect(subsidyRange(f, r.living, { asOf })).toEqual({ amounts: [160, 300], maybeNothing: true });
    const s = sentence(t, f, asOf, r.living);
    expect(s).toBe('困难残疾人生活补贴：还要看您回答“不清楚”的问题：可能每月 160 或 300 元，也可能不能领，看家庭低保情况、残疾等级。');
    expect(s).not.toMatch(/\b0 元|TJ-/);
  });

  it('a grade-1 person in 低保 with a welfare living allowance of 100 keeps the living subsidy: both amounts, what is given up and 200 a month more', () => {
    const f = person({ grade: 1, household: 'dibao', welfareLivingAllowances: [100] });
    expect(sentence(t, f, asOf, covered(f).living)).toBe(
      '困难残疾人生活补贴：可以领，每月 300 元。它和福利性生活补贴（津贴）或伤残抚恤（每月 100 元）只能领一项：困难残疾人生活补贴更高，留着它，放弃福利性生活补贴（津贴）或伤残抚恤，每月多 200 元。',
    );
  });

  it('someone in 特困供养 is told in words why neither can be paid (TJ-EXCLUDE-TEKUN), with no clause id', () => {
    const f = person({ grade: 1, household: 'dibao', tekun: 'yes' });
    expect(sentence(t, f, asOf, covered(f).care)).toBe('重度残疾人护理补贴：不能领，因为已经纳入特困人员供养。');
  });

  it('the printed 告知书 spells out the choice of the higher: a grade-2 person with a home-care nursing subsidy of 350 keeps it, 150 a month more than the care subsidy', () => {
    const f = person({ grade: 2, household: 'neither', homeCareNursingSubsidy: [350] });
    render(<PrintPreview kind="letter" facts={f} result={evaluate(f, { asOf })} onClose={() => {}} />);
    expect(screen.getByText(/留着居家养老护理补贴，放弃重度残疾人护理补贴，每月多 150 元/)).toBeInTheDocument();
  });
});
