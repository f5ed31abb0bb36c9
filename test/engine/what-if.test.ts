import { describe, expect, it } from 'vitest';
import { evaluate, outcomesByAnswer, payableIf, possibleResults, subsidyRange, totalRange, type CoveredResult, type SubsidyResult } from '../../src/engine';
import type { Facts } from '../../src/facts/schema';
import { clearFacts } from './clear-facts';

const asOf = '2025-06-01';
const person = (over: Partial<Facts>): Facts => ({ ...clearFacts(), hukou: 'tianjin', certificate: 'valid', category: 'physical', grade: 1, household: 'dibao', ...over }) as Facts;
const result = (f: Facts): CoveredResult => {
  const r = evaluate(f, { asOf });
  if (!r.covered) throw new Error('expected a covered date');
  return r;
};
const sub = (f: Facts, s: 'living' | 'care'): SubsidyResult => result(f)[s];

describe('what each answer to an open question would give (outcomesByAnswer)', () => {
  it('a grade-1 person whose household is not known gets the living subsidy, 300 元/月, if in 低保 or 低保边缘, and not otherwise, TJ-LIVING-SCOPE', () => {
    expect(outcomesByAnswer(person({ household: 'unknown' }), 'living', 'household', { asOf })).toEqual([
      { field: 'household', values: ['dibao', 'dibaoEdge'], outcome: { kind: 'paid', monthly: 300 } },
      { field: 'household', values: ['neither'], outcome: { kind: 'notPaid' } },
    ]);
  });

  it('with the grade not known, the living subsidy is 300 元/月 at grade 1–2 (重度) and 160 元/月 at grade 3–4, TJ-STD-LIVING-SEVERE / TJ-STD-LIVING-OTHER', () => {
    expect(outcomesByAnswer(person({ grade: 'unknown' }), 'living', 'grade', { asOf })).toEqual([
      { field: 'grade', values: [1, 2], outcome: { kind: 'paid', monthly: 300 } },
      { field: 'grade', values: [3, 4], outcome: { kind: 'paid', monthly: 160 } },
    ]);
  });

  it('with the grade not known, the care subsidy is 200 元/月 at grade 1–2 and not paid at grade 3–4, TJ-CARE-SCOPE', () => {
    expect(outcomesByAnswer(person({ grade: 'unknown' }), 'care', 'grade', { asOf })).toEqual([
      { field: 'grade', values: [1, 2], outcome: { kind: 'paid', monthly: 200 } },
      { field: 'grade', values: [3, 4], outcome: { kind: 'notPaid' } },
    ]);
  });

  it('says an answer leaves the result open when another answer is still unknown', () => {
    expect(outcomesByAnswer(person({ household: 'unknown', tekun: 'unknown' }), 'living', 'household', { asOf })).toEqual([
      { field: 'household', values: ['dibao', 'dibaoEdge'], outcome: { kind: 'depends' } },
      { field: 'household', values: ['neither'], outcome: { kind: 'notPaid' } },
    ]);
  });

  it('counts a subsidy that a 200 元/月 allowance wins (grade 3–4, 160 元/月) as not paid, TJ-HIGHER-WELFARE', () => {
    expect(outcomesByAnswer(person({ grade: 'unknown', welfareLivingAllowances: [200] }), 'living', 'grade', { asOf })).toEqual([
      { field: 'grade', values: [1, 2], outcome: { kind: 'paid', monthly: 300 } },
      { field: 'grade', values: [3, 4], outcome: { kind: 'notPaid' } },
    ]);
  });

  it('gives nothing for an answer that settles nothing by itself: the institution question for a child not under the orphan guarantee', () => {
    expect(outcomesByAnswer(person({ orphanInInstitution: 'unknown' }), 'care', 'orphanInInstitution', { asOf })).toEqual([]);
  });

  it('gives nothing for a field that is not answered by picking a choice (an amount)', () => {
    expect(outcomesByAnswer(person({ welfareLivingAllowances: 'unknown' }), 'living', 'welfareLivingAllowances', { asOf })).toEqual([]);
  });

  it('gives nothing for a date the rules do not cover', () => {
    expect(outcomesByAnswer(person({ household: 'unknown' }), 'living', 'household', { asOf: '2023-07-31' })).toEqual([]);
  });
});

describe('which single changed answer would make a subsidy payable (payableIf)', () => {
  it('a grade-3 person would get the care subsidy, 200 元/月, at grade 1 or 2, TJ-CARE-SCOPE', () => {
    const f = person({ grade: 3 });
    expect(payableIf(f, sub(f, 'care'), { asOf })).toEqual([{ field: 'grade', values: [1, 2], monthly: 200 }]);
  });

  it('a grade-1 person in no 低保 household would get the living subsidy, 300 元/月, in 低保 or 低保边缘, TJ-LIVING-SCOPE', () => {
    const f = person({ household: 'neither' });
    expect(payableIf(f, sub(f, 'living'), { asOf })).toEqual([{ field: 'household', values: ['dibao', 'dibaoEdge'], monthly: 300 }]);
  });

  it('names a Tianjin registration too; the page puts registration and the certificate in words of their own', () => {
    const f = person({ hukou: 'other' });
    expect(payableIf(f, sub(f, 'living'), { asOf })).toEqual([{ field: 'hukou', values: ['tianjin'], monthly: 300 }]);
  });

  it('changes one answer at a time: registered elsewhere and in no 低保 household, no single answer makes the living subsidy payable', () => {
    const f = person({ hukou: 'other', household: 'neither' });
    expect(payableIf(f, sub(f, 'living'), { asOf })).toEqual([]);
  });

  it('gives the standard a subsidy would pay even where another allowance may still win the choice, TJ-HIGHER-WELFARE', () => {
    const f = person({ grade: 3, welfareCareAllowances: [500] });
    expect(payableIf(f, sub(f, 'care'), { asOf })).toEqual([{ field: 'grade', values: [1, 2], monthly: 200 }]);
  });

  it('does not offer an answer that would still exclude the person: a 特困 person stays excluded, TJ-EXCLUDE-TEKUN', () => {
    const f = person({ grade: 3, tekun: 'yes' });
    expect(payableIf(f, sub(f, 'care'), { asOf })).toEqual([]);
  });

  it('offers nothing for a subsidy that is paid', () => {
    const f = person({});
    expect(payableIf(f, sub(f, 'care'), { asOf })).toEqual([]);
  });
});

describe('what a subsidy may come to while answers are unknown (subsidyRange, totalRange)', () => {
  it('with grade and household unknown, the living subsidy may be 160 or 300 元/月 or nothing, TJ-LIVING-SCOPE / TJ-STD-LIVING-SEVERE / TJ-STD-LIVING-OTHER', () => {
    const f = person({ grade: 'unknown', household: 'unknown' });
    expect(subsidyRange(f, sub(f, 'living'), { asOf })).toEqual({ amounts: [160, 300], maybeNothing: true });
  });

  it('with the grade unknown, the care subsidy may be 200 元/月 (grade 1–2) or nothing (grade 3–4), TJ-CARE-SCOPE', () => {
    const f = person({ grade: 'unknown' });
    expect(subsidyRange(f, sub(f, 'care'), { asOf })).toEqual({ amounts: [200], maybeNothing: true });
  });

  it('a settled subsidy has one amount and may not be nothing', () => {
    const f = person({});
    expect(subsidyRange(f, sub(f, 'living'), { asOf })).toEqual({ amounts: [300], maybeNothing: false });
  });

  it('with the grade unknown in a 低保 household, both together come to 160 (grade 3–4: living only) to 500 元/月 (grade 1–2: 300 + 200)', () => {
    const f = person({ grade: 'unknown' });
    expect(totalRange(f, result(f), { asOf })).toEqual({ min: 160, max: 500 });
  });

  it('an unknown answer that is not a choice (an allowance amount) counts at the standard: up to the full 300 + 200 a month, TJ-HIGHER-WELFARE', () => {
    const f = person({ welfareLivingAllowances: 'unknown' });
    const r = result(f);
    expect(r.living.status).toBe('depends');
    expect(totalRange(f, r, { asOf }).max).toBe(500);
  });

  it('tries every combination of the open answers: hukou, household and grade unknown give the totals 0, 160, 200 and 500 (never 300 alone: a grade that pays 300 also pays the care subsidy)', () => {
    const f = person({ hukou: 'unknown', household: 'unknown', grade: 'unknown' });
    const totals = new Set(possibleResults(f, ['hukou', 'household', 'grade'], { asOf }).map((r) => r.total));
    expect([...totals].sort((a, b) => a - b)).toEqual([0, 160, 200, 500]);
    expect(possibleResults(f, ['hukou', 'household', 'grade'], { asOf })).toHaveLength(2 * 3 * 4);
  });
});
