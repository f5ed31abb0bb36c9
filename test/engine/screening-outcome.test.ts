import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine';
import { SCREENING_RANK, VISIT_CHECK_FIELDS, screenFacts, screeningOutcome } from '../../src/engine/screening-outcome';
import { unknownFacts, type Facts } from '../../src/facts/schema';
import { clearFacts } from './clear-facts';

const asOf = '2025-06-01';
/** A row as a street office keeps it: the core columns filled, nothing on exclusions, orphans or allowances. */
const roster = (over: Partial<Facts>): Facts =>
  ({ ...unknownFacts(), hukou: 'tianjin', certificate: 'valid', category: 'physical', grade: 1, household: 'dibao', ...over }) as Facts;
/** The same person with every visit check answered "no". */
const checkedNo = (facts: Facts): Facts => ({ ...clearFacts(), ...Object.fromEntries(Object.entries(facts).filter(([k]) => !(VISIT_CHECK_FIELDS as readonly string[]).includes(k))) }) as Facts;

describe('the screening outcome reads the engine result; it never guesses', () => {
  it('a Tianjin 肢体一级 certificate holder in 低保 with nothing known on exclusions is likely eligible, paying what the engine pays when every check is "no"', () => {
    const facts = roster({});
    const { result, outcome } = screenFacts(facts, asOf);
    expect(result.covered && result.living.status).toBe('depends');
    const ifNo = evaluate(checkedNo(facts), { asOf });
    expect(outcome.status).toBe('likely');
    expect(ifNo.covered && outcome.total).toBe(ifNo.covered && ifNo.total);
    expect(outcome.total).toBeGreaterThan(0);
    expect(outcome.living + outcome.care).toBe(outcome.total);
  });

  it('the checklist of a likely row names the exclusions (TJ-EXCLUDE-TEKUN, TJ-EXCLUDE-WORKINJURY, TJ-EXCLUDE-PRISON), the orphan questions and the competing allowances it left open', () => {
    const { outcome } = screenFacts(roster({}), asOf);
    expect(outcome.checklist).toEqual(expect.arrayContaining(['tekun', 'workInjuryCareFee', 'inPrison', 'orphanGuarantee', 'welfareLivingAllowances', 'welfareCareAllowances', 'homeCareNursingSubsidy']));
    expect(outcome.dependsOn).toEqual([]);
  });

  it('an answer the roster did record is not on the checklist', () => {
    const { outcome } = screenFacts(roster({ tekun: 'no', inPrison: 'no' }), asOf);
    expect(outcome.status).toBe('likely');
    expect(outcome.checklist).not.toContain('tekun');
    expect(outcome.checklist).not.toContain('inPrison');
    expect(outcome.checklist).toContain('workInjuryCareFee');
  });

  it('a row whose 低保 status is unknown stays "depends" and names the household, even when only the checks are open beside it', () => {
    const { outcome } = screenFacts(roster({ household: 'unknown' }), asOf);
    expect(outcome.status).toBe('depends');
    expect(outcome.dependsOn).toContain('household');
    expect(outcome.total).toBe(0);
    expect(outcome.checklist).toEqual([]);
  });

  it('a row with an unknown 户籍, certificate or grade stays "depends" (TJ-LIVING-SCOPE, TJ-CARE-SCOPE)', () => {
    for (const over of [{ hukou: 'unknown' }, { certificate: 'unknown' }, { grade: 'unknown' }] as const) {
      const { outcome } = screenFacts(roster(over), asOf);
      expect(outcome.status, JSON.stringify(over)).toBe('depends');
      expect(outcome.dependsOn, JSON.stringify(over)).toContain(Object.keys(over)[0]);
    }
  });

  it('a grade-3 person outside 低保 is settled as paid nothing, whatever the exclusions', () => {
    const { outcome } = screenFacts(roster({ grade: 3, household: 'neither' }), asOf);
    expect(outcome.status).toBe('notPaid');
    expect(outcome.checklist).toEqual([]);
  });

  it('a grade-1 person outside 低保 is likely to get the care subsidy only (TJ-CARE-SCOPE)', () => {
    const facts = roster({ household: 'neither' });
    const { outcome } = screenFacts(facts, asOf);
    const ifNo = evaluate(checkedNo(facts), { asOf });
    expect(outcome.status).toBe('likely');
    expect(outcome.living).toBe(0);
    expect(ifNo.covered && outcome.care).toBe(ifNo.covered && ifNo.care.paid);
    expect(outcome.checklist).not.toContain('welfareLivingAllowances');
  });

  it('a grade-3 person in 低保 is likely to get the living subsidy only (TJ-LIVING-SCOPE); the care subsidy stays not eligible (TJ-CARE-SCOPE)', () => {
    const facts = roster({ grade: 3, category: 'visual' });
    const { result, outcome } = screenFacts(facts, asOf);
    const ifNo = evaluate(checkedNo(facts), { asOf });
    expect(result.covered && result.care.status).toBe('notEligible');
    expect(outcome.status).toBe('likely');
    expect(outcome.care).toBe(0);
    expect(ifNo.covered && outcome.living).toBe(ifNo.covered && ifNo.living.paid);
    expect(outcome.living).toBeGreaterThan(0);
  });

  it('a row whose every answer is given is read as the engine settles it: paid with no checklist', () => {
    const facts = { ...clearFacts(), hukou: 'tianjin', certificate: 'valid', category: 'physical', grade: 2, household: 'dibao' } as Facts;
    const result = evaluate(facts, { asOf });
    const outcome = screeningOutcome(facts, result, () => {
      throw new Error('a settled row needs no second evaluation');
    });
    expect(outcome.status).toBe('paid');
    expect(result.covered && outcome.total).toBe(result.covered && result.total);
    expect(outcome.checklist).toEqual([]);
  });

  it('someone known to be 特困 (TJ-EXCLUDE-TEKUN) is settled as paid nothing, not likely', () => {
    const { outcome } = screenFacts(roster({ tekun: 'yes' }), asOf);
    expect(outcome.status).toBe('notPaid');
  });

  it('an allowance whose amount is unknown is a check; its known items are kept in the amounts', () => {
    const facts = roster({ welfareCareAllowances: [1_000_000, 'unknown'] });
    const { outcome } = screenFacts(facts, asOf);
    // a known allowance above the care subsidy wins (TJ-HIGHER-WELFARE) whatever the unknown item is
    expect(outcome.care).toBe(0);
  });

  it('when answering the checks "no" would change a conclusion the engine had settled, the row is "depends", not likely', () => {
    const facts = roster({});
    const { result } = screenFacts(facts, asOf);
    const outcome = screeningOutcome(facts, result, (f) => {
      const r = evaluate(f, { asOf });
      return r.covered ? { ...r, living: { ...r.living, status: 'depends', dependsOn: ['tekun'] } } : r;
    });
    expect(outcome.status).toBe('depends');
  });

  it('a date before the rules is not covered', () => {
    expect(screenFacts(roster({}), '2020-01-01').outcome.status).toBe('notCovered');
  });

  it('likely rows rank before settled payments, which rank before the undecided and the unpaid', () => {
    const order = (['notPaid', 'depends', 'paid', 'likely', 'notCovered'] as const).slice().sort((a, b) => SCREENING_RANK[a] - SCREENING_RANK[b]);
    expect(order).toEqual(['likely', 'paid', 'depends', 'notPaid', 'notCovered']);
  });
});
