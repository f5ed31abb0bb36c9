/**
 * One subsidy: its scope criteria, its exclusions, its tier and standard, who is paid, its
 * choose-the-higher decisions, and the status these settle (or 'depends', naming the open fields).
 */
import type { AmountId, DatedAmount, Rules } from '../../rules/schema';
import type { Allowances, Facts, FactField } from '../facts/schema';
import { decide } from './choose-higher';
import type { Compiled } from './compile';
import type { AmountInfo, Criterion, Decision, Outcome, Payee, Subsidy, SubsidyResult, Tier } from './types';
import { valueAt } from './value-at';

/** An exclusion applies when every field is 'yes'; it does not when any is 'no'. */
export function exclusionOutcome(facts: Facts, when: readonly FactField[]): Outcome {
  let unknown = false;
  for (const f of when) {
    const v = facts[f];
    if (v === 'no') return 'met';
    if (v !== 'yes') unknown = true;
  }
  return unknown ? 'unknown' : 'notMet';
}

function amountInfo(rules: Rules, id: AmountId, asOf: string): AmountInfo | null {
  const v: DatedAmount | null = valueAt(rules.amounts[id], asOf);
  if (!v) return null;
  return {
    factId: id,
    monthly: v.monthly,
    from: v.from,
    fromIsAssumption: v.fromIsAssumption,
    confidence: v.confidence,
    source: v.source,
    sourceEn: v.sourceEn,
    publishedIn: v.publishedIn,
  };
}

/** 重度 or not, as the tier rule of the rules data defines it; a subsidy with one standard is for 重度 people only. */
export function tierOf(subsidy: Subsidy, facts: Facts, c: Compiled): Tier {
  if (!c.tiers.standards[subsidy].other) return 'severe';
  const v = facts[c.tiers.field];
  if (v === 'unknown') return 'unknown';
  return c.tiers.severe.has(v) ? 'severe' : 'other';
}

function standardOf(subsidy: Subsidy, tier: 'severe' | 'other', c: Compiled): AmountId {
  const std = c.tiers.standards[subsidy];
  return tier === 'other' && std.other ? std.other : std.severe;
}

export function evaluateSubsidy(subsidy: Subsidy, facts: Facts, asOf: string, rules: Rules, c: Compiled): SubsidyResult {
  const criteria: Criterion[] = [];
  const dependsOn = new Set<FactField>();
  const notEligibleBy: string[] = [];
  const excludedBy: string[] = [];
  const unknownBy: string[] = [];

  for (const s of c.scope[subsidy]) {
    const v = facts[s.field];
    const outcome: Outcome = v === 'unknown' ? 'unknown' : s.allowed.has(v) ? 'met' : 'notMet';
    criteria.push({ clause: s.clause, kind: 'scope', fields: [s.field], allowed: s.list, outcome });
    if (outcome === 'notMet') notEligibleBy.push(s.clause);
    else if (outcome === 'unknown') {
      unknownBy.push(s.clause);
      dependsOn.add(s.field);
    }
  }
  for (const x of c.exclusions[subsidy]) {
    const outcome = exclusionOutcome(facts, x.when);
    criteria.push({ clause: x.clause, kind: 'exclusion', fields: x.when, allowed: ['yes'], outcome });
    if (outcome === 'notMet') excludedBy.push(x.clause);
    else if (outcome === 'unknown') {
      unknownBy.push(x.clause);
      for (const f of x.when) if (facts[f] === 'unknown') dependsOn.add(f);
    }
  }

  const tier = tierOf(subsidy, facts, c);
  const amount = tier === 'unknown' ? null : amountInfo(rules, standardOf(subsidy, tier, c), asOf);
  const possibleAmounts: AmountInfo[] = [];
  if (tier === 'unknown') {
    for (const t of ['severe', 'other'] as const) {
      const a = amountInfo(rules, standardOf(subsidy, t, c), asOf);
      if (a) possibleAmounts.push(a);
    }
  }

  let payee: Payee = 'person';
  let payeeClause: string | null = null;
  let payeeDependsOn: FactField[] = [];
  for (const p of c.payee) {
    if (p.subsidy !== subsidy) continue;
    const o = exclusionOutcome(facts, p.when as FactField[]);
    if (o === 'notMet') {
      payee = p.payee;
      payeeClause = p.clause;
      payeeDependsOn = [];
    } else if (o === 'unknown' && payee === 'person') {
      payee = 'unknown';
      payeeClause = p.clause;
      payeeDependsOn = (p.when as FactField[]).filter((f) => facts[f] !== 'yes');
    }
  }

  const decisions: Decision[] = [];
  for (const h of c.chooseHigher[subsidy]) {
    const d = decide(h.clause, h.field, facts[h.field] as Allowances, amount ? amount.monthly : null);
    if (d) decisions.push(d);
  }

  let status: SubsidyResult['status'];
  let reasons: string[];
  const scopeClause = c.scope[subsidy][0]?.clause;
  if (excludedBy.length) {
    status = 'excluded';
    reasons = [...new Set(excludedBy)];
  } else if (notEligibleBy.length) {
    status = 'notEligible';
    reasons = [...new Set(notEligibleBy)];
  } else if (unknownBy.length || tier === 'unknown') {
    status = 'depends';
    reasons = [...new Set(unknownBy)];
    if (tier === 'unknown') {
      dependsOn.add(c.tiers.field);
      if (scopeClause && !reasons.includes(scopeClause)) reasons.push(scopeClause);
    }
  } else {
    const lost = decisions.filter((d) => d.winner === 'other');
    const open = decisions.filter((d) => d.winner === 'unknown');
    if (lost.length) {
      status = 'otherWins';
      reasons = lost.map((d) => d.clause);
    } else if (open.length) {
      status = 'depends';
      reasons = open.map((d) => d.clause);
      for (const d of open) dependsOn.add(d.field);
    } else {
      status = 'paid';
      reasons = [...new Set([...(scopeClause ? [scopeClause] : []), ...decisions.map((d) => d.clause)])];
    }
  }

  return {
    subsidy,
    status,
    reasons,
    criteria,
    tier,
    amount,
    possibleAmounts,
    payee,
    payeeClause,
    payeeDependsOn,
    decisions,
    dependsOn: status === 'depends' ? [...dependsOn] : [],
    paid: status === 'paid' && amount ? amount.monthly : 0,
  };
}

/** Not ruled out: paid, or still possible (another benefit wins, or it depends on an answer). */
export const stillPossible = (r: SubsidyResult) => r.status !== 'notEligible' && r.status !== 'excluded';
