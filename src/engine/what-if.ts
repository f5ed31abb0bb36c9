/**
 * "What would change this?": for one subsidy, what each answer to a still-open question would give,
 * and which single answer, changed, would make a subsidy that is not paid payable. Pure: every
 * outcome comes from `evaluate`, so no rule is re-implemented here; a page only puts it into words.
 */
import type { Facts, FactField } from '../facts/schema';
import { answerChoices } from '../facts/fields';
import { evaluate } from './evaluate';
import { stillPossible } from './subsidy';
import type { CoveredResult, Subsidy, SubsidyResult } from './types';

export interface WhatIfOptions {
  asOf: string;
}

/** What a subsidy comes to: paid so much a month, still open, or not paid (not eligible, excluded, or another benefit wins). */
export type WhatIfOutcome = { kind: 'paid'; monthly: number } | { kind: 'depends' } | { kind: 'notPaid' };

/** The answers to one field that lead to the same outcome. */
export interface OutcomeIf {
  field: FactField;
  values: unknown[];
  outcome: WhatIfOutcome;
}

/** A changed answer that would make the subsidy payable, and the standard it would pay then. */
export interface PayableIf {
  field: FactField;
  values: unknown[];
  monthly: number;
}

function withAnswer(facts: Facts, field: FactField, value: unknown): Facts {
  return { ...facts, [field]: value } as Facts;
}

function outcomeOf(s: SubsidyResult): WhatIfOutcome {
  if (s.status === 'paid') return { kind: 'paid', monthly: s.paid };
  if (s.status === 'depends') return { kind: 'depends' };
  return { kind: 'notPaid' };
}

/**
 * For a field the person has not answered: the subsidy's outcome under each answer, answers with the
 * same outcome together, in the order of the answers. Empty when the field is not answered by a
 * choice, or when every answer gives the same outcome (then the field settles nothing by itself).
 */
export function outcomesByAnswer(facts: Facts, subsidy: Subsidy, field: FactField, { asOf }: WhatIfOptions): OutcomeIf[] {
  const groups = new Map<string, OutcomeIf>();
  for (const value of answerChoices(field) ?? []) {
    const r = evaluate(withAnswer(facts, field, value), { asOf });
    if (!r.covered) continue;
    const outcome = outcomeOf(r[subsidy]);
    const key = JSON.stringify(outcome);
    const group = groups.get(key);
    if (group) group.values.push(value);
    else groups.set(key, { field, values: [value], outcome });
  }
  return groups.size < 2 ? [] : [...groups.values()];
}

/**
 * For a subsidy that is not paid because a scope condition is not met: each unmet field, changed to
 * another answer on its own, that would make the subsidy payable or still possible, with the standard
 * it would pay (other answers, e.g. competing allowances, may still decide the choice). Answers with
 * the same standard together.
 */
export function payableIf(facts: Facts, s: SubsidyResult, { asOf }: WhatIfOptions): PayableIf[] {
  const out: PayableIf[] = [];
  const unmet = [...new Set(s.criteria.filter((c) => c.outcome === 'notMet' && c.kind === 'scope').flatMap((c) => c.fields))];
  for (const field of unmet) {
    const byAmount = new Map<number, unknown[]>();
    for (const value of answerChoices(field) ?? []) {
      if (value === facts[field]) continue;
      const r = evaluate(withAnswer(facts, field, value), { asOf });
      if (!r.covered) continue;
      const alt = r[s.subsidy];
      const monthly = alt.status === 'paid' ? alt.paid : stillPossible(alt) ? alt.amount?.monthly : undefined;
      if (monthly) byAmount.set(monthly, [...(byAmount.get(monthly) ?? []), value]);
    }
    for (const [monthly, values] of byAmount) out.push({ field, values, monthly });
  }
  return out;
}

// ---------------------------------------------------------------- ranges while answers are unknown

const MAX_COMBINATIONS = 4096;

/** Every result the unknown answers among `fields` could give (each combination of their answers). */
export function possibleResults(facts: Facts, fields: readonly FactField[], { asOf }: WhatIfOptions): CoveredResult[] {
  const open = fields.filter((f) => answerChoices(f) && facts[f] === 'unknown');
  let combos: Partial<Facts>[] = [{}];
  for (const f of open) {
    const next: Partial<Facts>[] = [];
    for (const c of combos) for (const v of answerChoices(f)!) next.push({ ...c, [f]: v });
    if (next.length > MAX_COMBINATIONS) break;
    combos = next;
  }
  const out: CoveredResult[] = [];
  for (const c of combos) {
    const r = evaluate({ ...facts, ...c } as Facts, { asOf });
    if (r.covered) out.push(r);
  }
  return out;
}

/** What a subsidy may come to: the monthly amounts it may pay, and whether it may pay nothing. */
export interface Range {
  amounts: number[];
  maybeNothing: boolean;
}

export function subsidyRange(facts: Facts, s: SubsidyResult, options: WhatIfOptions): Range {
  const amounts = new Set<number>();
  let maybeNothing = false;
  for (const r of possibleResults(facts, s.dependsOn, options)) {
    const x = r[s.subsidy];
    if (x.status === 'paid') amounts.add(x.paid);
    else if (x.status === 'depends') {
      const m = x.amount?.monthly;
      if (m) amounts.add(m);
      for (const a of x.possibleAmounts) amounts.add(a.monthly);
    } else maybeNothing = true;
  }
  return { amounts: [...amounts].sort((a, b) => a - b), maybeNothing };
}

/** The least and the most both subsidies together may pay a month. */
export function totalRange(facts: Facts, r: CoveredResult, options: WhatIfOptions): { min: number; max: number } {
  const fields = [...new Set([...r.living.dependsOn, ...r.care.dependsOn])];
  const totals = possibleResults(facts, fields, options).map((x) => x.total);
  const withStandard = (s: SubsidyResult) => (s.status === 'depends' ? Math.max(0, ...(s.amount ? [s.amount.monthly] : []), ...s.possibleAmounts.map((a) => a.monthly)) : s.paid);
  const max = Math.max(r.total, ...totals, withStandard(r.living) + withStandard(r.care));
  // the least is the least any answer gives (the result so far pays nothing of what still depends)
  return { min: totals.length ? Math.min(...totals) : r.total, max };
}
