/**
 * Every combination of the categorical answers, run through the evaluator: nothing throws and every
 * invariant holds. Two sweeps keep it to about two million evaluations: scope × exclusions × orphan
 * status, and scope × competing allowances × stacking benefits.
 */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine';
import { CATEGORY, CERTIFICATE, HOUSEHOLD, HUKOU, TRI, type Allowances, type Facts } from '../../src/facts/schema';
import { clearFacts } from './clear-facts';
import { checkInvariants } from './invariants';

const GRADE = [1, 2, 3, 4, 'unknown'] as const;
const ALLOWANCES: Allowances[] = ['unknown', [], [150], [400], ['unknown']];

function* scopes(): Generator<Partial<Facts>> {
  for (const hukou of HUKOU)
    for (const certificate of CERTIFICATE)
      for (const category of CATEGORY)
        for (const grade of GRADE) for (const household of HOUSEHOLD) yield { hukou, certificate, category, grade, household };
}

function sweep(variants: Partial<Facts>[]): { count: number; statuses: Set<string> } {
  const base = clearFacts();
  let count = 0;
  const statuses = new Set<string>();
  for (const scope of scopes())
    for (const v of variants) {
      const facts = { ...base, ...scope, ...v } as Facts;
      const r = evaluate(facts, { asOf: '2025-09-01' });
      if (!r.covered) throw new Error('2025-09-01 must be covered');
      checkInvariants(r, facts);
      statuses.add(`living:${r.living.status}`).add(`care:${r.care.status}`);
      count++;
    }
  return { count, statuses };
}

describe('the whole categorical input space', { timeout: 120_000 }, () => {
  it('holds every invariant for every hukou × certificate × category × grade × household × exclusion × orphan answer', () => {
    const variants: Partial<Facts>[] = [];
    for (const tekun of TRI)
      for (const workInjuryCareFee of TRI)
        for (const inPrison of TRI)
          for (const orphanGuarantee of TRI)
            for (const orphanInInstitution of TRI)
              for (const institutionCareFunded of TRI)
                variants.push({ tekun, workInjuryCareFee, inPrison, orphanGuarantee, orphanInInstitution, institutionCareFunded });
    const { count, statuses } = sweep(variants);
    expect(count).toBe(3 * 3 * 8 * 5 * 4 * 3 ** 6);
    // every status is reached for both subsidies except 'another benefit wins', which needs an allowance
    expect([...statuses].sort()).toEqual(
      ['care:depends', 'care:excluded', 'care:notEligible', 'care:paid', 'living:depends', 'living:excluded', 'living:notEligible', 'living:paid'].sort(),
    );
  });

  it('holds every invariant for every scope answer × living-type, care-type and elder-care allowances × stacking benefits', () => {
    const variants: Partial<Facts>[] = [];
    for (const welfareLivingAllowances of ALLOWANCES)
      for (const welfareCareAllowances of ALLOWANCES)
        for (const homeCareNursingSubsidy of ALLOWANCES)
          for (const homeElderlyServiceSubsidy of TRI)
            for (const advancedAgeAllowance of TRI)
              variants.push({ welfareLivingAllowances, welfareCareAllowances, homeCareNursingSubsidy, homeElderlyServiceSubsidy, advancedAgeAllowance });
    const { count, statuses } = sweep(variants);
    expect(count).toBe(3 * 3 * 8 * 5 * 4 * 5 ** 3 * 9);
    expect(statuses).toContain('living:otherWins');
    expect(statuses).toContain('care:otherWins');
  });
});
