import { describe, expect, it } from 'vitest';
import amounts from '../../rules/tianjin/amounts.json';
import clauses from '../../rules/tianjin/clauses.json';
import instrument from '../../rules/tianjin/instrument.json';
import payFrom from '../../rules/tianjin/pay-from.json';
import tiers from '../../rules/tianjin/tiers.json';
import { loadRules, rules, RULES_VERSION } from '../../rules';
import { compile, evaluate } from '../../src/engine';
import { clearFacts } from './clear-facts';

const raw = () => structuredClone({ version: RULES_VERSION, instrument, amounts, clauses, tiers, payFrom });
type Raw = ReturnType<typeof raw>;
const ruleOf = (r: Raw, id: string) => r.clauses.find((c) => c.id === id)!.rule as Record<string, unknown>;

describe('compiling the rules data', () => {
  it.each([
    ['an exclusion', 'TJ-EXCLUDE-TEKUN', (r: Record<string, unknown>) => (r.when as string[]).push('age')],
    ['a payee rule', 'TJ-ORPHAN-INSTITUTION', (r: Record<string, unknown>) => (r.when as string[]).push('age')],
    ['a choose-the-higher rule', 'TJ-HIGHER-ELDERCARE', (r: Record<string, unknown>) => (r.pairs as { subsidy: string; field: string }[]).push({ subsidy: 'care', field: 'age' })],
    ['a stacking rule', 'TJ-STACK-ELDERLY', (r: Record<string, unknown>) => (r.fields as string[]).push('age')],
    ['the notice duty', 'TJ-NOTIFY-DUTY', (r: Record<string, unknown>) => (r.triggers as { field: string }[])[0]!.field = 'age'],
  ])('refuses %s (%s) that reads a fact field the schema does not have', (_what, id, spoil) => {
    const bad = raw();
    spoil(ruleOf(bad, id));
    expect(() => compile(loadRules(bad))).toThrow(`Rule ${id} reads unknown fact field "age"`);
  });

  it('files every clause under its kind', () => {
    const c = compile(rules);
    expect([c.both, c.notIncome, c.waiver, c.reapply, c.duty?.clause, c.period?.clause, c.channels?.clause]).toEqual([
      'TJ-BOTH', 'TJ-NOT-INCOME', 'TJ-NOTIFY-WAIVER', 'TJ-REAPPLY', 'TJ-NOTIFY-DUTY', 'TJ-NOTIFY-3M', 'TJ-CHANNELS',
    ]);
    expect(c.period?.months).toBe(3);
    expect(c.stack.map((s) => s.clause)).toEqual(['TJ-STACK-ELDERLY']);
    expect(c.payee.map((p) => [p.clause, p.subsidy, p.payee, p.when])).toEqual([
      ['TJ-ORPHAN-INSTITUTION', 'care', 'institution', ['orphanGuarantee', 'orphanInInstitution']],
    ]);
    expect(c.chooseHigher).toEqual({
      living: [{ clause: 'TJ-HIGHER-WELFARE', field: 'welfareLivingAllowances' }],
      care: [
        { clause: 'TJ-HIGHER-WELFARE', field: 'welfareCareAllowances' },
        { clause: 'TJ-HIGHER-ELDERCARE', field: 'homeCareNursingSubsidy' },
      ],
    });
    expect(c.exclusions.care.map((x) => x.clause)).toEqual(['TJ-ORPHAN-NO-DOUBLE', 'TJ-EXCLUDE-WORKINJURY', 'TJ-EXCLUDE-TEKUN', 'TJ-EXCLUDE-PRISON']);
    expect(c.scope.care.map((s) => [s.clause, s.field, [...s.allowed]])).toEqual([
      ['TJ-CARE-SCOPE', 'hukou', ['tianjin']],
      ['TJ-CARE-SCOPE', 'certificate', ['valid']],
      ['TJ-CARE-SCOPE', 'grade', [1, 2]],
    ]);
    expect([c.tiers.clause, c.tiers.field, [...c.tiers.severe], c.payFrom.id, c.firstDate]).toEqual([
      'TJ-CARE-SCOPE', 'grade', [1, 2], 'NAT-PAY-FROM-APPLICATION', '2023-08-01',
    ]);
  });

  it('leaves out what the rules data does not have: no notes, no notice, no channels', () => {
    const bare = raw();
    bare.clauses = bare.clauses.filter((c) => ['scope', 'exclusion', 'payee', 'chooseHigher'].includes(c.rule.kind));
    const c = compile(loadRules(bare));
    expect([c.both, c.notIncome, c.waiver, c.reapply, c.duty, c.period, c.channels, c.stack]).toEqual([null, null, null, null, null, null, null, []]);
  });
});

describe('rules data without notes, notice or channels', () => {
  const bare = () => {
    const r = raw();
    r.clauses = r.clauses.filter((c) => ['scope', 'exclusion', 'payee', 'chooseHigher'].includes(c.rule.kind));
    return loadRules(r);
  };
  const facts = { ...clearFacts(), hukou: 'tianjin', certificate: 'valid', category: 'physical', grade: 1, household: 'dibao', advancedAgeAllowance: 'yes' } as const;

  it('gives no notes, no notice deadlines, no waiver and no ways to apply, and cites only the pay-from fact', () => {
    const r = evaluate({ ...facts, dibaoSince: '2025-03-14', noticeGivenOn: '2025-04-01' }, { asOf: '2025-09-01', rules: bare() });
    if (!r.covered) throw new Error('expected a covered date');
    expect(r.notes).toEqual([]);
    expect(r.apply).toBeNull();
    expect(r.notice).toMatchObject({ triggers: [], periodClause: null, waiver: 'treatedAsWaived', waiverClauses: [], payFrom: { clauses: ['NAT-PAY-FROM-APPLICATION'] } });
  });

  it('with no TJ-REAPPLY in the rules data, someone told who has not applied is treated as waiving, citing TJ-NOTIFY-WAIVER alone', () => {
    const r = raw();
    r.clauses = r.clauses.filter((c) => c.id !== 'TJ-REAPPLY');
    const res = evaluate({ ...facts, noticeGivenOn: '2025-04-01' }, { asOf: '2025-09-01', rules: loadRules(r) });
    expect(res.covered && res.notice).toMatchObject({ waiver: 'treatedAsWaived', waiverClauses: ['TJ-NOTIFY-WAIVER'], payFrom: { clauses: ['NAT-PAY-FROM-APPLICATION'] } });
  });

  it('counts no notice deadline from a duty to notify without its period (TJ-NOTIFY-DUTY without TJ-NOTIFY-3M)', () => {
    const r = raw();
    r.clauses = r.clauses.filter((c) => c.rule.kind !== 'noticePeriod');
    const res = evaluate({ ...facts, dibaoSince: '2025-03-14' }, { asOf: '2025-09-01', rules: loadRules(r) });
    expect(res.covered && res.notice).toMatchObject({ triggers: [], periodClause: null });
  });

  it('still settles both subsidies', () => {
    const r = evaluate(facts, { asOf: '2025-09-01', rules: bare() });
    expect(r.covered && r.total).toBe(500);
  });
});
