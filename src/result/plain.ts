/**
 * The result in plain words: what each subsidy comes to for this person, and the range of amounts
 * while answers are unknown. Reads the engine only through `evaluate`; no rule is restated here.
 */
import { evaluate } from '../engine';
import type { CoveredResult, Criterion, Decision, SubsidyResult } from '../engine/types';
import { answerChoices } from '../engine/candidates';
import type { Facts, FactField } from '../facts/schema';

const MAX_COMBINATIONS = 4096;

/** Every result the unknown answers among `fields` could give (each combination of their answers). */
export function possibleResults(facts: Facts, asOf: string, fields: readonly FactField[]): CoveredResult[] {
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

export function subsidyRange(facts: Facts, asOf: string, s: SubsidyResult): Range {
  const amounts = new Set<number>();
  let maybeNothing = false;
  for (const r of possibleResults(facts, asOf, s.dependsOn)) {
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
export function totalRange(facts: Facts, asOf: string, r: CoveredResult): { min: number; max: number } {
  const fields = [...new Set([...r.living.dependsOn, ...r.care.dependsOn])];
  const totals = possibleResults(facts, asOf, fields).map((x) => x.total);
  const withStandard = (s: SubsidyResult) => (s.status === 'depends' ? Math.max(0, ...(s.amount ? [s.amount.monthly] : []), ...s.possibleAmounts.map((a) => a.monthly)) : s.paid);
  const max = Math.max(r.total, ...totals, withStandard(r.living) + withStandard(r.care));
  return { min: Math.min(r.total, ...totals), max };
}

/** Can anything be paid, now or once the unknown answers are known? */
export const mayBePaid = (s: SubsidyResult) => s.status === 'paid' || s.status === 'otherWins' || s.status === 'depends';

/** The reason keys of the conditions that rule a subsidy out (in words on the page). */
export function reasonKeys(s: SubsidyResult): string[] {
  return [...new Set(s.criteria.filter((c) => c.outcome === 'notMet').map(reasonKey))];
}

/**
 * A criterion is named by the condition its clause adds: its last field (an exclusion lists the
 * conditions it builds on first, e.g. the institution's funding after the orphan guarantee).
 */
export function reasonKey(c: Criterion): string {
  return String(c.fields[c.fields.length - 1]);
}

/** The clause ids behind a subsidy's conclusion, each once: what its 依据 disclosure lists. */
export function basisClauses(s: SubsidyResult): string[] {
  return [...new Set([...s.reasons, ...s.criteria.map((c) => c.clause), ...s.decisions.map((d) => d.clause), ...(s.payeeClause ? [s.payeeClause] : [])])];
}

/** The decision a choose-the-higher sentence is about (the first with both amounts known, else the first). */
export const mainDecision = (s: SubsidyResult): Decision | undefined => s.decisions.find((d) => d.winner !== 'unknown') ?? s.decisions[0];
