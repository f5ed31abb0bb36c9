import { describe, expect, it } from 'vitest';
import { evaluate, type CoveredResult } from '../../src/engine';
import type { Facts } from '../../src/facts/schema';
import { clearFacts } from './clear-facts';

const asOf = '2025-09-01';
const person = (over: Partial<Facts>): Facts => ({ ...clearFacts(), hukou: 'tianjin', certificate: 'valid', category: 'physical', grade: 1, household: 'dibao', ...over }) as Facts;
const result = (f: Facts): CoveredResult => {
  const r = evaluate(f, { asOf });
  if (!r.covered) throw new Error('expected a covered date');
  return r;
};

describe('one subsidy: criteria, tier, standard, payee and status', () => {
  it('lists every criterion of the living subsidy, in the order of the rules, with its clause, fields, allowed values and outcome', () => {
    const r = result(person({ household: 'neither', tekun: 'unknown' }));
    expect(r.living.criteria).toEqual([
      { clause: 'TJ-LIVING-SCOPE', kind: 'scope', fields: ['hukou'], allowed: ['tianjin'], outcome: 'met' },
      { clause: 'TJ-LIVING-SCOPE', kind: 'scope', fields: ['certificate'], allowed: ['valid'], outcome: 'met' },
      {
        clause: 'TJ-LIVING-SCOPE', kind: 'scope', fields: ['category'],
        allowed: ['visual', 'hearing', 'speech', 'physical', 'mental', 'intellectual', 'multiple'], outcome: 'met',
      },
      { clause: 'TJ-LIVING-SCOPE', kind: 'scope', fields: ['household'], allowed: ['dibao', 'dibaoEdge'], outcome: 'notMet' },
      { clause: 'TJ-ORPHAN-LIVING', kind: 'exclusion', fields: ['orphanGuarantee'], allowed: ['yes'], outcome: 'met' },
      { clause: 'TJ-EXCLUDE-WORKINJURY', kind: 'exclusion', fields: ['workInjuryCareFee'], allowed: ['yes'], outcome: 'met' },
      { clause: 'TJ-EXCLUDE-TEKUN', kind: 'exclusion', fields: ['tekun'], allowed: ['yes'], outcome: 'unknown' },
      { clause: 'TJ-EXCLUDE-PRISON', kind: 'exclusion', fields: ['inPrison'], allowed: ['yes'], outcome: 'met' },
    ]);
    expect(r.living).toMatchObject({ status: 'notEligible', reasons: ['TJ-LIVING-SCOPE'], dependsOn: [], paid: 0 });
  });

  it('a person in 低保 who does not know the grade may get 300 or 160 元/月: the living subsidy depends on the grade, TJ-LIVING-SCOPE', () => {
    const r = result(person({ grade: 'unknown' }));
    expect(r.living).toMatchObject({ status: 'depends', reasons: ['TJ-LIVING-SCOPE'], dependsOn: ['grade'], tier: 'unknown', amount: null, paid: 0 });
    expect(r.living.possibleAmounts.map((a) => [a.factId, a.monthly])).toEqual([
      ['TJ-STD-LIVING-SEVERE', 300],
      ['TJ-STD-LIVING-OTHER', 160],
    ]);
  });

  it('the care subsidy has one standard whatever the grade: 200 元/月, tier 重度, no list of possible amounts', () => {
    const r = result(person({ grade: 'unknown' }));
    expect(r.care).toMatchObject({ status: 'depends', reasons: ['TJ-CARE-SCOPE'], dependsOn: ['grade'], tier: 'severe', possibleAmounts: [] });
    expect(r.care.amount).toMatchObject({ factId: 'TJ-STD-CARE', monthly: 200 });
  });

  it('gives the standard with its source, date and confidence', () => {
    expect(result(person({})).living.amount).toEqual({
      factId: 'TJ-STD-LIVING-SEVERE',
      monthly: 300,
      from: '2023-08-01',
      fromIsAssumption: true,
      confidence: 'secondary',
      source: expect.stringContaining('天津市政府网'),
      sourceEn: expect.stringContaining('Tianjin government portal'),
      publishedIn: '2024-10',
    });
  });

  it('while the tier is open and an exclusion is unknown, the living subsidy depends on both, citing the exclusion and then the scope', () => {
    const r = result(person({ grade: 'unknown', tekun: 'unknown' }));
    expect(r.living).toMatchObject({ status: 'depends', reasons: ['TJ-EXCLUDE-TEKUN', 'TJ-LIVING-SCOPE'] });
    expect([...r.living.dependsOn].sort()).toEqual(['grade', 'tekun']);
  });

  it('while both the registration and the grade are unknown, the living subsidy depends on them, citing TJ-LIVING-SCOPE once', () => {
    const r = result(person({ hukou: 'unknown', grade: 'unknown' }));
    expect(r.living).toMatchObject({ status: 'depends', reasons: ['TJ-LIVING-SCOPE'] });
    expect([...r.living.dependsOn].sort()).toEqual(['grade', 'hukou']);
  });

  it('names only the unknown fields of an exclusion it depends on: the institution funding for an orphan in an institution, TJ-ORPHAN-NO-DOUBLE', () => {
    const r = result(person({ orphanGuarantee: 'yes', orphanInInstitution: 'yes', institutionCareFunded: 'unknown' }));
    expect(r.care).toMatchObject({ status: 'depends', reasons: ['TJ-ORPHAN-NO-DOUBLE'], dependsOn: ['institutionCareFunded'] });
  });

  it('pays the care subsidy of an orphan raised in an institution to the institution, TJ-ORPHAN-INSTITUTION', () => {
    const r = result(person({ orphanGuarantee: 'yes', orphanInInstitution: 'yes' }));
    expect(r.care).toMatchObject({ status: 'paid', payee: 'institution', payeeClause: 'TJ-ORPHAN-INSTITUTION', payeeDependsOn: [] });
    expect(r.living).toMatchObject({ status: 'excluded', payee: 'person', payeeClause: null, payeeDependsOn: [] });
  });

  it('leaves the payee open, naming the fields not yet "yes", when the upbringing in an institution is not known, TJ-ORPHAN-INSTITUTION', () => {
    const r = result(person({ orphanGuarantee: 'yes', orphanInInstitution: 'unknown' }));
    expect(r.care).toMatchObject({ payee: 'unknown', payeeClause: 'TJ-ORPHAN-INSTITUTION', payeeDependsOn: ['orphanInInstitution'] });
  });

  it('pays the person when the child is not raised in an institution, whatever else is unknown', () => {
    const r = result(person({ orphanGuarantee: 'unknown', orphanInInstitution: 'no' }));
    expect(r.care).toMatchObject({ payee: 'person', payeeClause: null, payeeDependsOn: [] });
  });

  it('cites the scope and the choice when the subsidy wins a choose-the-higher, TJ-CARE-SCOPE and TJ-HIGHER-ELDERCARE', () => {
    const r = result(person({ homeCareNursingSubsidy: [150] }));
    expect(r.care).toMatchObject({ status: 'paid', reasons: ['TJ-CARE-SCOPE', 'TJ-HIGHER-ELDERCARE'], paid: 200 });
  });

  it('cites each lost choice when another benefit wins, and pays nothing, TJ-HIGHER-WELFARE and TJ-HIGHER-ELDERCARE', () => {
    const r = result(person({ welfareCareAllowances: [300], homeCareNursingSubsidy: [400] }));
    expect(r.care).toMatchObject({ status: 'otherWins', reasons: ['TJ-HIGHER-WELFARE', 'TJ-HIGHER-ELDERCARE'], paid: 0, dependsOn: [] });
  });

  it('names the open choice and its field while an amount is unknown, TJ-HIGHER-WELFARE', () => {
    const r = result(person({ welfareLivingAllowances: 'unknown' }));
    expect(r.living).toMatchObject({ status: 'depends', reasons: ['TJ-HIGHER-WELFARE'], dependsOn: ['welfareLivingAllowances'], paid: 0 });
  });

  it('is excluded rather than not eligible when both apply, citing only the exclusion, TJ-EXCLUDE-PRISON', () => {
    const r = result(person({ household: 'neither', inPrison: 'yes', tekun: 'yes' }));
    expect(r.living).toMatchObject({ status: 'excluded', reasons: ['TJ-EXCLUDE-TEKUN', 'TJ-EXCLUDE-PRISON'] });
  });
});
