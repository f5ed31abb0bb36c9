import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import instrument from '../../rules/tianjin/instrument.json';
import amounts from '../../rules/tianjin/amounts.json';
import clauses from '../../rules/tianjin/clauses.json';
import tiers from '../../rules/tianjin/tiers.json';
import payFrom from '../../rules/tianjin/pay-from.json';
import { loadRules, rules, RULES_VERSION } from '../../rules';
import { compile, evaluate, valueAt } from '../../src/engine';
import { caseFiles } from './case-files';
import { clearFacts } from './clear-facts';

const policy = join(import.meta.dirname, '..', '..', 'rules', 'tianjin', 'sources');
const clausesMd = readFileSync(join(policy, 'CLAUSES.md'), 'utf8');
const factsMd = readFileSync(join(policy, 'FACTS.md'), 'utf8');
const article = readFileSync(join(policy, '001_89d468e8ca0ce98e.txt'), 'utf8').replace(/\s+/g, '');

const idsIn = (md: string) => [...new Set([...md.matchAll(/^\| `((?:TJ|NAT)-[A-Z0-9-]+)` \|/gm)].map((m) => m[1]!))];
const clauseIds = idsIn(clausesMd);
const factIds = idsIn(factsMd);
const raw = () => structuredClone({ version: RULES_VERSION, instrument, amounts, clauses, tiers, payFrom });
const citedByCases = new Set(caseFiles.flatMap(([, f]) => f.cases.flatMap((c) => c.clauses)));

describe('the rules data', () => {
  it('reads 18 clause ids from CLAUSES.md and 4 fact ids from FACTS.md', () => {
    expect(clauseIds).toHaveLength(18);
    expect(factIds).toEqual(['TJ-STD-LIVING-SEVERE', 'TJ-STD-LIVING-OTHER', 'TJ-STD-CARE', 'NAT-PAY-FROM-APPLICATION']);
  });

  it('names sources that are kept inside the repository, in rules/tianjin/sources', () => {
    const root = join(import.meta.dirname, '..', '..');
    const files = [instrument.source.file, ...instrument.background.map((b) => b.file)];
    for (const file of files) {
      expect(file.startsWith('rules/tianjin/sources/')).toBe(true);
      expect(existsSync(join(root, file))).toBe(true);
    }
  });

  it('passes its zod schema when loaded', () => {
    expect(() => loadRules(raw())).not.toThrow();
    expect(rules.instrument.docNo).toBe('津民发〔2023〕23号');
    expect(rules.instrument.inForceFrom).toBe('2023-08-01');
  });

  it.each(clauseIds)('encodes clause %s exactly once', (id) => {
    expect(rules.clauses.filter((c) => c.id === id)).toHaveLength(1);
  });

  it('encodes no clause that CLAUSES.md does not list', () => {
    expect(rules.clauses.map((c) => c.id).sort()).toEqual([...clauseIds].sort());
  });

  it.each(clauseIds)('has a case that covers clause %s', (id) => {
    expect(citedByCases.has(id)).toBe(true);
  });

  it('has a case for the payment-start fact NAT-PAY-FROM-APPLICATION', () => {
    expect(citedByCases.has('NAT-PAY-FROM-APPLICATION')).toBe(true);
  });

  it.each(rules.clauses.map((c) => [c.id, c.zh] as const))('quotes the article word for word for %s', (_id, zh) => {
    for (const part of zh.split('……')) expect(article).toContain(part);
  });

  it.each(['TJ-STD-LIVING-SEVERE', 'TJ-STD-LIVING-OTHER', 'TJ-STD-CARE'] as const)(
    'keeps %s as a dated, sourced, secondary value whose start date is flagged as an assumption',
    (id) => {
      const [first] = rules.amounts[id];
      expect(first).toMatchObject({ from: '2023-08-01', confidence: 'secondary', fromIsAssumption: true });
      expect(first!.source.length).toBeGreaterThan(10);
    },
  );

  it('refuses amounts whose dates are not in ascending order', () => {
    const bad = raw();
    bad.amounts['TJ-STD-CARE'].push({ ...bad.amounts['TJ-STD-CARE'][0]!, from: '2020-01-01' });
    expect(() => loadRules(bad)).toThrow(/ascending/);
  });

  it('refuses a clause id used twice', () => {
    const bad = raw();
    bad.clauses.push(bad.clauses[0]!);
    expect(() => loadRules(bad)).toThrow(/unique/);
  });

  it('refuses a rule that reads a fact field the schema does not have', () => {
    const bad = raw();
    const scope = bad.clauses.find((c) => c.id === 'TJ-CARE-SCOPE')!;
    (scope.rule as { criteria: { field: string; oneOf: unknown[] }[] }).criteria.push({ field: 'age', oneOf: [1] });
    expect(() => compile(loadRules(bad))).toThrow(/unknown fact field "age"/);
  });
});

describe('the tier rule and the pay-from fact are cited rules data', () => {
  const careScope = rules.clauses.find((c) => c.id === 'TJ-CARE-SCOPE')!;
  const gradeCriterion = careScope.rule.kind === 'scope' ? careScope.rule.criteria.find((c) => c.field === 'grade') : undefined;

  it('defines 重度 as grade 1 or 2 in the words of the article, citing TJ-CARE-SCOPE, the same grades as the care subsidy covers', () => {
    expect(rules.tiers.clause).toBe('TJ-CARE-SCOPE');
    expect(article).toContain(rules.tiers.quote);
    expect(rules.tiers.severe).toEqual({ field: 'grade', oneOf: [1, 2] });
    expect(gradeCriterion?.oneOf).toEqual(rules.tiers.severe.oneOf);
  });

  it('pays the living subsidy at the 重度 standard or the other one, and the care subsidy at its one standard', () => {
    expect(rules.tiers.standards).toEqual({
      living: { severe: 'TJ-STD-LIVING-SEVERE', other: 'TJ-STD-LIVING-OTHER' },
      care: { severe: 'TJ-STD-CARE' },
    });
  });

  it('keeps NAT-PAY-FROM-APPLICATION as the secondary fact FACTS.md lists, in its words', () => {
    expect(factIds).toContain(rules.payFrom.id);
    expect(rules.payFrom.id).toBe('NAT-PAY-FROM-APPLICATION');
    expect(factsMd).toContain(rules.payFrom.quote);
    expect(rules.payFrom.confidence).toBe('secondary');
  });

  it('refuses a tier rule that cites a clause the rules do not have', () => {
    const bad = raw();
    bad.tiers.clause = 'TJ-NO-SUCH-CLAUSE';
    expect(() => loadRules(bad)).toThrow(/tiers\.clause: the tier rule must cite a clause/);
  });

  it('refuses a tier rule whose quote is not words of the clause it cites', () => {
    const bad = raw();
    bad.tiers.quote = '各残疾类别残疾等级为一至四级';
    expect(() => loadRules(bad)).toThrow(/tiers\.quote/);
  });

  it('refuses a tier rule that reads a fact field the schema does not have', () => {
    const bad = raw();
    bad.tiers.severe.field = 'severity';
    expect(() => compile(loadRules(bad))).toThrow(/TJ-CARE-SCOPE reads unknown fact field "severity"/);
  });

  const person = { ...clearFacts(), hukou: 'tianjin', certificate: 'valid', category: 'physical', grade: 2, household: 'dibao' } as const;

  it('gives a grade-2 person the other living standard (160 元/月) once the rules data counts only grade 1 as 重度', () => {
    const r = raw();
    r.tiers.severe.oneOf = [1];
    const result = evaluate(person, { asOf: '2025-01-01', rules: loadRules(r) });
    expect(result.covered && [result.living.tier, result.living.paid]).toEqual(['other', 160]);
    expect(result.covered && result.care.tier).toBe('severe');
  });

  it('cites the pay-from fact by the id the rules data gives it', () => {
    const r = raw();
    r.payFrom.id = 'NAT-PAY-FROM-RENAMED';
    const result = evaluate(person, { asOf: '2025-01-01', rules: loadRules(r) });
    expect(result.covered && result.notice.payFrom.clauses).toEqual(['NAT-PAY-FROM-RENAMED']);
  });
});

describe('a new standard is a data change only', () => {
  const withRaise = () => {
    const r = raw();
    r.version = 'test-raise';
    r.amounts['TJ-STD-LIVING-SEVERE'].push({ ...r.amounts['TJ-STD-LIVING-SEVERE'][0]!, from: '2026-07-01', monthly: 320, fromIsAssumption: false });
    return loadRules(r);
  };
  const person = { ...clearFacts(), hukou: 'tianjin', certificate: 'valid', category: 'physical', grade: 1, household: 'dibao' } as const;

  it('pays 320 元/月 from 2026-07-01 once a 320 entry is appended to the living-severe standard', () => {
    const r = evaluate(person, { asOf: '2026-07-01', rules: withRaise() });
    expect(r.covered && r.living.paid).toBe(320);
    expect(r.rulesVersion).toBe('test-raise');
  });

  it('still pays 300 元/月 on 2026-06-30, the day before the new standard', () => {
    const r = evaluate(person, { asOf: '2026-06-30', rules: withRaise() });
    expect(r.covered && r.living.paid).toBe(300);
  });
});

describe('valueAt', () => {
  const xs = [
    { from: '2023-08-01', v: 1 },
    { from: '2025-01-01', v: 2 },
  ];
  it('returns nothing before the first date rather than the nearest value', () => expect(valueAt(xs, '2023-07-31')).toBeNull());
  it('returns the value in force on its first day', () => expect(valueAt(xs, '2025-01-01')?.v).toBe(2));
  it('keeps a value in force until a later one replaces it', () => expect(valueAt(xs, '2024-12-31')?.v).toBe(1));
});
