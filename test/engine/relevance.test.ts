import { describe, expect, it } from 'vitest';
import { canChangeOutcome, conclusionSignature } from '../../src/engine/relevance';
import { evaluate } from '../../src/engine';
import { unknownFacts, type Facts } from '../../src/facts/schema';

const asOf = '2025-06-01';
const f = (over: Partial<Facts>): Facts => ({ ...unknownFacts(), ...over }) as Facts;
const settled = f({ hukou: 'tianjin', certificate: 'valid', category: 'physical', grade: 1, household: 'dibao', tekun: 'no', workInjuryCareFee: 'no', inPrison: 'no', orphanGuarantee: 'no' });

describe('canChangeOutcome asks the engine whether an answer can still matter', () => {
  it('with nothing known, where the person is registered can change the result', () => {
    expect(canChangeOutcome(unknownFacts(), 'hukou', { asOf })).toBe(true);
  });

  it('for someone registered outside Tianjin (TJ-LIVING-SCOPE, TJ-CARE-SCOPE), no other answer can change anything', () => {
    const other = f({ hukou: 'other' });
    for (const field of ['certificate', 'grade', 'household', 'tekun', 'homeCareNursingSubsidy', 'dibaoSince', 'noticeGivenOn'] as const)
      expect(canChangeOutcome(other, field, { asOf }), field).toBe(false);
  });

  it('someone excluded as 特困 (TJ-EXCLUDE-TEKUN) is not asked about competing allowances', () => {
    const tekun = { ...settled, tekun: 'yes' as const };
    expect(canChangeOutcome(tekun, 'welfareLivingAllowances', { asOf })).toBe(false);
    expect(canChangeOutcome(tekun, 'homeCareNursingSubsidy', { asOf })).toBe(false);
  });

  it('the institution question (TJ-ORPHAN-INSTITUTION) matters only for a child under the orphan guarantee', () => {
    expect(canChangeOutcome({ ...settled, orphanGuarantee: 'no' }, 'orphanInInstitution', { asOf })).toBe(false);
    expect(canChangeOutcome({ ...settled, orphanGuarantee: 'yes' }, 'orphanInInstitution', { asOf })).toBe(true);
  });

  it('a home elderly-care nursing subsidy (TJ-HIGHER-ELDERCARE) matters while the care subsidy is payable', () => {
    expect(canChangeOutcome(settled, 'homeCareNursingSubsidy', { asOf })).toBe(true);
    expect(canChangeOutcome({ ...settled, grade: 3 }, 'homeCareNursingSubsidy', { asOf })).toBe(false);
  });

  it('the category matters while the living subsidy is still open, even before the household is known', () => {
    expect(canChangeOutcome(f({ hukou: 'tianjin', certificate: 'valid' }), 'category', { asOf })).toBe(true);
  });

  it('the signature of a result ignores the tier of a subsidy that cannot be paid', () => {
    const a = evaluate(f({ hukou: 'other', grade: 1 }), { asOf });
    const b = evaluate(f({ hukou: 'other', grade: 4 }), { asOf });
    expect(conclusionSignature(a)).toBe(conclusionSignature(b));
  });
});
