import { describe, expect, it } from 'vitest';
import { evaluate, type SubsidyResult } from '../../src/engine';
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
    expect(result.covered && outcome).toEqual(result.covered && { status: 'paid', living: result.living.paid, care: result.care.paid, total: result.total, checklist: [], dependsOn: [] });
    expect(outcome.total).toBeGreaterThan(0);
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

  it('a child under the orphan guarantee whose upbringing in an institution is not known is likely to get the care subsidy, with that question on the checklist, TJ-ORPHAN-INSTITUTION', () => {
    const facts = { ...clearFacts(), hukou: 'tianjin', certificate: 'valid', category: 'physical', grade: 1, household: 'dibao', orphanGuarantee: 'yes', orphanInInstitution: 'unknown' } as Facts;
    const { result, outcome } = screenFacts(facts, asOf);
    // the care subsidy is settled as paid, but to whom (the person or the institution) is open
    expect(result.covered && [result.care.status, result.care.payee]).toEqual(['paid', 'unknown']);
    const ifNo = evaluate({ ...facts, orphanInInstitution: 'no' }, { asOf });
    expect(outcome).toMatchObject({ status: 'likely', living: 0, checklist: ['orphanInInstitution'] });
    expect(ifNo.covered && outcome.care).toBe(ifNo.covered && ifNo.care.paid);
  });

  it('a care allowance of 100 元 beside one of unknown amount is a check; answered "no", the care subsidy wins and the row is likely, TJ-HIGHER-WELFARE', () => {
    const facts = { ...clearFacts(), hukou: 'tianjin', certificate: 'valid', category: 'physical', grade: 1, household: 'dibao', welfareCareAllowances: [100, 'unknown'] } as Facts;
    const { outcome } = screenFacts(facts, asOf);
    const ifNo = evaluate({ ...facts, welfareCareAllowances: [100] }, { asOf });
    expect(outcome).toMatchObject({ status: 'likely', checklist: ['welfareCareAllowances'] });
    expect(ifNo.covered && [outcome.living, outcome.care]).toEqual(ifNo.covered && [ifNo.living.paid, ifNo.care.paid]);
    expect(outcome.care).toBeGreaterThan(0);
  });

  it('an allowance whose choice the engine has settled is not among the open answers of a row that depends on its household', () => {
    const { outcome } = screenFacts(roster({ household: 'unknown', welfareCareAllowances: [100] }), asOf);
    expect(outcome.status).toBe('depends');
    expect(outcome.dependsOn).toContain('household');
    expect(outcome.dependsOn).not.toContain('welfareCareAllowances');
  });

  describe('a row is likely only when answering the checks "no" leaves every settled conclusion as it was', () => {
    const base = { ...clearFacts(), hukou: 'tianjin', certificate: 'valid', category: 'physical', grade: 1, household: 'dibao' } as Facts;
    // the living subsidy waits on its allowance check; the care subsidy is settled
    const livingOpen = { ...base, welfareLivingAllowances: 'unknown' } as Facts;
    // the care subsidy waits on its allowance check; the living subsidy is settled
    const careOpen = { ...base, homeCareNursingSubsidy: 'unknown' } as Facts;
    type Change = (s: SubsidyResult) => SubsidyResult;
    const changing = (which: 'living' | 'care', change: Change) => (f: Facts) => {
      const r = evaluate(f, { asOf });
      return r.covered ? { ...r, [which]: change(r[which]) } : r;
    };
    const screen = (facts: Facts, evaluateAgain: (f: Facts) => ReturnType<typeof evaluate>) => screeningOutcome(facts, evaluate(facts, { asOf }), evaluateAgain).status;

    it('with the engine itself, both rows are likely', () => {
      expect(screen(livingOpen, (f) => evaluate(f, { asOf }))).toBe('likely');
      expect(screen(careOpen, (f) => evaluate(f, { asOf }))).toBe('likely');
    });

    it.each<[string, Change]>([
      ['a different amount', (s) => ({ ...s, paid: s.paid - 1 })],
      ['a different status', (s) => ({ ...s, status: 'otherWins' })],
      ['a different payee', (s) => ({ ...s, payee: 'institution' })],
    ])('a settled care subsidy that would read with %s makes the row "depends"', (_what, change) => {
      expect(screen(livingOpen, changing('care', change))).toBe('depends');
    });

    it('a settled living subsidy that would read with a different amount makes the row "depends"', () => {
      expect(screen(careOpen, changing('living', (s) => ({ ...s, paid: s.paid - 1 })))).toBe('depends');
    });

    it('a row the checks answered "no" would leave paying nothing is not likely', () => {
      const nothing = (f: Facts) => {
        const r = evaluate(f, { asOf });
        const none = (s: SubsidyResult): SubsidyResult => ({ ...s, status: 'notEligible', paid: 0, dependsOn: [] });
        return r.covered ? { ...r, living: none(r.living), care: none(r.care), total: 0 } : r;
      };
      expect(screen(roster({}), (f) => evaluate(f, { asOf }))).toBe('likely');
      expect(screen(roster({}), nothing)).toBe('depends');
    });
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
    expect(screenFacts(roster({}), '2020-01-01').outcome).toEqual({ status: 'notCovered', living: 0, care: 0, total: 0, checklist: [], dependsOn: [] });
  });

  it('likely rows rank before settled payments, which rank before the undecided and the unpaid', () => {
    const order = (['notPaid', 'depends', 'paid', 'likely', 'notCovered'] as const).slice().sort((a, b) => SCREENING_RANK[a] - SCREENING_RANK[b]);
    expect(order).toEqual(['likely', 'paid', 'depends', 'notPaid', 'notCovered']);
  });
});
