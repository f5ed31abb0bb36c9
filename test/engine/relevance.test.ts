import { describe, expect, it } from 'vitest';
import { answerChoices } from '../../src/facts/fields';
import { canChangeOutcome, candidateValues, conclusionSignature } from '../../src/engine/relevance';
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

describe('the values a what-if tries for each field', () => {
  it('tries every choice and "not sure" for a field answered by a choice, in the order of the schema', () => {
    expect(candidateValues('hukou', asOf)).toEqual(['tianjin', 'other', 'unknown']);
    expect(candidateValues('grade', asOf)).toEqual([1, 2, 3, 4, 'unknown']);
    expect(candidateValues('household', asOf)).toEqual(['dibao', 'dibaoEdge', 'neither', 'unknown']);
    expect(candidateValues('certificate', asOf)).toEqual(['valid', 'none', 'unknown']);
    expect(candidateValues('category', asOf)).toHaveLength(8);
    for (const f of ['tekun', 'workInjuryCareFee', 'inPrison', 'orphanGuarantee', 'orphanInInstitution', 'institutionCareFunded', 'homeElderlyServiceSubsidy', 'advancedAgeAllowance'] as const)
      expect(candidateValues(f, asOf), f).toEqual(['yes', 'no', 'unknown']);
  });

  it('tries not known, none, an unknown amount, the least and the most for an allowance', () => {
    for (const f of ['welfareLivingAllowances', 'welfareCareAllowances', 'homeCareNursingSubsidy'] as const)
      expect(candidateValues(f, asOf), f).toEqual(['unknown', [], ['unknown'], [1], [1_000_000]]);
  });

  it('tries no date, the day of the result and the first of that month two years before for a date', () => {
    for (const f of ['dibaoSince', 'dibaoEdgeSince', 'certifiedOn', 'noticeGivenOn', 'appliedOn'] as const)
      expect(candidateValues(f, '2025-06-15'), f).toEqual([undefined, '2025-06-15', '2023-06-01']);
  });

  it('tries no form and each of the five forms of notice, and nothing else for fields no clause reads', () => {
    expect(candidateValues('noticeForm', asOf)).toEqual([undefined, 'systemPrompt', 'plainSheet', 'letter', 'phone', 'homeVisit']);
    expect(candidateValues('ref', asOf)).toEqual([undefined]);
    expect(candidateValues('notes', asOf)).toEqual([undefined]);
  });

  it('offers answers without "not sure" for what-if lines, and none for amounts and dates', () => {
    expect(answerChoices('hukou')).toEqual(['tianjin', 'other']);
    expect(answerChoices('tekun')).toEqual(['yes', 'no']);
    expect(answerChoices('welfareLivingAllowances')).toBeNull();
    expect(answerChoices('appliedOn')).toBeNull();
  });
});

describe('what the relevance check compares', () => {
  it('the dates of the notice and of the application matter while a subsidy is possible, and not once none is', () => {
    for (const field of ['dibaoSince', 'noticeGivenOn', 'appliedOn'] as const) {
      expect(canChangeOutcome(settled, field, { asOf }), field).toBe(true);
      expect(canChangeOutcome({ ...settled, hukou: 'other' }, field, { asOf }), field).toBe(false);
    }
  });

  it('a stacking benefit changes the notes while a subsidy is possible, TJ-STACK-ELDERLY', () => {
    expect(canChangeOutcome(settled, 'advancedAgeAllowance', { asOf })).toBe(true);
  });

  it('says "not covered" for a date before the rules, where no answer matters', () => {
    expect(conclusionSignature(evaluate(settled, { asOf: '2023-07-31' }))).toBe('notCovered');
    expect(canChangeOutcome(unknownFacts(), 'hukou', { asOf: '2023-07-31' })).toBe(false);
  });

  it('tells apart results that differ only in what a still-open subsidy depends on', () => {
    const a = evaluate(f({ ...settled, tekun: 'unknown' }), { asOf });
    const b = evaluate(f({ ...settled, tekun: 'unknown', inPrison: 'unknown' }), { asOf });
    expect(conclusionSignature(a)).not.toBe(conclusionSignature(b));
  });
});
