import { describe, expect, it } from 'vitest';
import { evaluate, makeCalendar, withDates, type CoveredResult } from '../../src/engine';
import type { Facts } from '../../src/facts/schema';
import { clearFacts } from './clear-facts';

const person = (over: Partial<Facts>): Facts => ({ ...clearFacts(), hukou: 'tianjin', certificate: 'valid', category: 'physical', grade: 1, household: 'dibao', ...over }) as Facts;
const result = (f: Facts, asOf = '2025-09-01'): CoveredResult => {
  const r = evaluate(f, { asOf });
  if (!r.covered) throw new Error('expected a covered date');
  return r;
};
// newly in 低保 on 2025-03-14: the period ends on Saturday 2025-06-14, moved to Monday 2025-06-16
const trigger = { dibaoSince: '2025-03-14' };
const status = (over: Partial<Facts>, asOf = '2025-09-01') => result(person({ ...trigger, ...over }), asOf).notice.triggers[0]!.status;

describe('the notice, TJ-NOTIFY-DUTY and TJ-NOTIFY-3M', () => {
  it('gives each trigger its date, office, period end, last on-time day and both clauses', () => {
    expect(result(person(trigger)).notice.triggers).toEqual([
      {
        trigger: 'dibao', field: 'dibaoSince', date: '2025-03-14', office: 'civilAffairs',
        periodEnd: '2025-06-14', lastOnTimeDay: '2025-06-16', holidayAdjusted: true, movedBy: 2,
        status: 'overdue', required: 'yes', beforeRules: false, clauses: ['TJ-NOTIFY-DUTY', 'TJ-NOTIFY-3M'],
      },
    ]);
  });

  it('gives a newly certified person the 残联 as the office that must tell them', () => {
    expect(result(person({ certifiedOn: '2025-03-14' })).notice.triggers[0]).toMatchObject({ trigger: 'certified', office: 'disabledPersonsFederation' });
  });

  it('cites the notice period TJ-NOTIFY-3M even when no trigger date is given', () => {
    expect(result(person({})).notice).toMatchObject({ triggers: [], periodClause: 'TJ-NOTIFY-3M' });
  });

  it('is not yet due on the last on-time day itself, and overdue the day after', () => {
    expect(status({}, '2025-06-16')).toBe('notYetDue');
    expect(status({}, '2025-06-17')).toBe('overdue');
  });

  it('counts a notice given on the last on-time day as on time, and one the day after as late', () => {
    expect(status({ noticeGivenOn: '2025-06-16' })).toBe('givenOnTime');
    expect(status({ noticeGivenOn: '2025-06-17' })).toBe('givenLate');
  });

  it('counts a notice given on the day of the trigger, but not one given the day before', () => {
    expect(status({ noticeGivenOn: '2025-03-14' })).toBe('givenOnTime');
    expect(status({ noticeGivenOn: '2025-03-13' })).toBe('overdue');
  });

  it('counts a notice given on the date of the result itself', () => {
    const r = result(person({ ...trigger, noticeGivenOn: '2025-06-16' }), '2025-06-16');
    expect(r.notice).toMatchObject({ noticeGivenOn: '2025-06-16', waiver: 'treatedAsWaived' });
    expect(r.notice.triggers[0]!.status).toBe('givenOnTime');
  });

  it('lists the triggers by last on-time day, earliest first, and those due the same day in the order of TJ-NOTIFY-DUTY (低保, 低保边缘, certificate)', () => {
    const order = (over: Partial<Facts>) => result(person(over)).notice.triggers.map((t) => [t.trigger, t.lastOnTimeDay]);
    // certified 2025-03-14 → 2025-06-16; 低保边缘 2025-04-10 → 2025-07-10; 低保 2025-05-20 → 2025-08-20
    expect(order({ dibaoSince: '2025-05-20', dibaoEdgeSince: '2025-04-10', certifiedOn: '2025-03-14' })).toEqual([
      ['certified', '2025-06-16'], ['dibaoEdge', '2025-07-10'], ['dibao', '2025-08-20'],
    ]);
    expect(order({ dibaoSince: '2025-03-14', dibaoEdgeSince: '2025-03-14', certifiedOn: '2025-03-14' }).map(([t]) => t)).toEqual(['dibao', 'dibaoEdge', 'certified']);
  });

  it('ignores a notice date after the date of the result', () => {
    const r = result(person({ ...trigger, noticeGivenOn: '2025-05-01' }), '2025-04-30');
    expect(r.notice).toMatchObject({ noticeGivenOn: null, waiver: 'notApplicable', waiverClauses: [] });
    expect(r.notice.triggers[0]!.status).toBe('notYetDue');
  });

  it('flags a trigger before 2023-08-01, when the Opinions took effect, and not one on that day', () => {
    expect(result(person({ dibaoSince: '2023-07-31' })).notice.triggers[0]!.beforeRules).toBe(true);
    expect(result(person({ dibaoSince: '2023-08-01' })).notice.triggers[0]!.beforeRules).toBe(false);
  });

  it('owes notice when a subsidy is paid, and also when another benefit wins it', () => {
    expect(result(person(trigger)).notice.triggers[0]!.required).toBe('yes');
    const otherWins = result(person({ ...trigger, grade: 3, welfareLivingAllowances: [500] }));
    expect([otherWins.living.status, otherWins.care.status]).toEqual(['otherWins', 'notEligible']);
    expect(otherWins.notice.triggers[0]!.required).toBe('yes');
  });

  it('owes notice when only the care subsidy is paid or won by another benefit, and may owe it when only the care subsidy depends on an answer', () => {
    // a grade-1 person outside 低保 and 低保边缘: no living subsidy (TJ-LIVING-SCOPE), the care subsidy (TJ-CARE-SCOPE)
    const careOnly = (over: Partial<Facts>) => result(person({ household: 'neither', certifiedOn: '2025-03-14', ...over }));
    const paid = careOnly({});
    expect([paid.living.status, paid.care.status]).toEqual(['notEligible', 'paid']);
    expect(paid.notice.triggers[0]!.required).toBe('yes');
    const won = careOnly({ welfareCareAllowances: [1000] });
    expect([won.living.status, won.care.status]).toEqual(['notEligible', 'otherWins']);
    expect(won.notice.triggers[0]!.required).toBe('yes');
    const open = careOnly({ workInjuryCareFee: 'unknown' });
    expect([open.living.status, open.care.status]).toEqual(['notEligible', 'depends']);
    expect(open.notice.triggers[0]!.required).toBe('unknown');
  });

  it('may owe notice while a subsidy depends on an answer, and owes none when neither can be paid', () => {
    expect(result(person({ ...trigger, tekun: 'unknown' })).notice.triggers[0]!.required).toBe('unknown');
    expect(result(person({ ...trigger, hukou: 'other' })).notice.triggers[0]!.required).toBe('no');
  });

  it('counts the notice with the holiday calendar it is given, whether the dates come with the facts (evaluate) or after them (withDates)', () => {
    // a calendar where Monday 2025-06-16 is a holiday: the period ending on Saturday 2025-06-14 moves to Tuesday 2025-06-17
    const calendar = makeCalendar({ holidays: { '2025-06-16': 'x' }, workdays: {} });
    const facts = person(trigger);
    const undated = evaluate(person({}), { asOf: '2025-09-01', calendar });
    const last = (r: ReturnType<typeof evaluate>) => (r.covered ? r.notice.triggers[0]!.lastOnTimeDay : null);
    expect(last(evaluate(facts, { asOf: '2025-09-01', calendar }))).toBe('2025-06-17');
    expect(last(withDates(undated, facts, { asOf: '2025-09-01', calendar }))).toBe('2025-06-17');
  });

  it('records the form of notice given, and none when none is given', () => {
    expect(result(person({ noticeGivenOn: '2025-05-01', noticeForm: 'phone' })).notice.noticeForm).toBe('phone');
    expect(result(person({})).notice.noticeForm).toBeNull();
  });
});

describe('waiver and the month payment starts, TJ-NOTIFY-WAIVER, TJ-REAPPLY and NAT-PAY-FROM-APPLICATION', () => {
  it('someone told who has not applied is treated as waiving; applying now is paid from this month, citing the pay-from fact and TJ-REAPPLY', () => {
    expect(result(person({ noticeGivenOn: '2025-05-01' })).notice).toMatchObject({
      noticeGivenOn: '2025-05-01',
      waiver: 'treatedAsWaived',
      waiverClauses: ['TJ-NOTIFY-WAIVER', 'TJ-REAPPLY'],
      payFrom: { month: '2025-09', basis: 'ifAppliedNow', clauses: ['NAT-PAY-FROM-APPLICATION', 'TJ-REAPPLY'] },
    });
  });

  it('someone who applied in July 2025 is paid from 2025-07, and has not waived', () => {
    expect(result(person({ noticeGivenOn: '2025-05-01', appliedOn: '2025-07-20' })).notice).toMatchObject({
      waiver: 'applied',
      waiverClauses: [],
      payFrom: { month: '2025-07', basis: 'applied', clauses: ['NAT-PAY-FROM-APPLICATION', 'TJ-REAPPLY'] },
    });
  });

  it('someone never told who applied is paid from the month of the application, citing the pay-from fact only', () => {
    expect(result(person({ appliedOn: '2025-07-20' })).notice).toMatchObject({
      waiver: 'applied',
      payFrom: { month: '2025-07', basis: 'applied', clauses: ['NAT-PAY-FROM-APPLICATION'] },
    });
  });

  it('counts an application made on the date of the result: paid from that month, as applied', () => {
    expect(result(person({ appliedOn: '2025-09-01' })).notice).toMatchObject({
      waiver: 'applied',
      payFrom: { month: '2025-09', basis: 'applied' },
    });
  });

  it('ignores an application dated after the date of the result', () => {
    expect(result(person({ appliedOn: '2025-10-01' })).notice).toMatchObject({
      waiver: 'notApplicable',
      payFrom: { month: '2025-09', basis: 'ifAppliedNow', clauses: ['NAT-PAY-FROM-APPLICATION'] },
    });
  });
});

describe('notes and the ways to apply', () => {
  it('tells a person who may get both subsidies they can claim both, TJ-BOTH, and that they are not income, TJ-NOT-INCOME', () => {
    expect(result(person({})).notes).toEqual([
      { clause: 'TJ-BOTH', kind: 'both', fields: [] },
      { clause: 'TJ-NOT-INCOME', kind: 'notIncome', fields: ['household'] },
    ]);
  });

  it('says nothing of claiming both when only one subsidy is possible', () => {
    expect(result(person({ grade: 3 })).notes.map((n) => n.kind)).toEqual(['notIncome']);
    expect(result(person({ household: 'neither' })).notes).toEqual([]);
  });

  it('names only the stacking benefits answered "yes", TJ-STACK-ELDERLY', () => {
    expect(result(person({ advancedAgeAllowance: 'yes', homeElderlyServiceSubsidy: 'unknown' })).notes).toContainEqual({
      clause: 'TJ-STACK-ELDERLY', kind: 'stack', fields: ['advancedAgeAllowance'],
    });
  });

  it('gives no notes at all when neither subsidy is possible, even with stacking benefits and 低保', () => {
    expect(result(person({ hukou: 'other', advancedAgeAllowance: 'yes' })).notes).toEqual([]);
  });

  it('says the subsidies are not income while the household is not known to be outside 低保, TJ-NOT-INCOME', () => {
    expect(result(person({ household: 'unknown', grade: 2 })).notes.map((n) => n.kind)).toEqual(['both', 'notIncome']);
  });

  it('lists the ways to apply while a subsidy is possible, and none when neither is, TJ-CHANNELS', () => {
    expect(result(person({ grade: 3, household: 'neither' })).apply).toBeNull();
    expect(result(person({ household: 'neither' })).apply).toEqual({ channels: ['crossProvince', 'fullyOnline', 'oneThing', 'oneCard'], clauses: ['TJ-CHANNELS'] });
  });

  it('records the date, the rules version and the instrument', () => {
    const r = result(person({}));
    expect([r.asOf, r.instrument, r.total]).toEqual(['2025-09-01', '津民发〔2023〕23号', 500]);
  });
});
