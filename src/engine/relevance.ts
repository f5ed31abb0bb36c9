/**
 * Can an answer still change a conclusion? Pure: tries each possible value of one field through
 * `evaluate` and compares what the result page concludes (statuses, amounts, payee, decisions, notes,
 * and — while a subsidy is still possible — the notice deadlines, waiver and pay-from month).
 * While a subsidy's status is 'depends', the fields it depends on count too.
 * The wizard uses it as a routing guard, so it never re-implements a rule.
 */
import type { Facts, FactField } from '../facts/schema';
import { whatIfCandidates as candidateValues } from '../facts/fields';
import { evaluate } from './evaluate';
import { stillPossible } from './subsidy';
import type { Result, SubsidyResult } from './types';

export { whatIfCandidates as candidateValues } from '../facts/fields';

export interface RelevanceOptions {
  asOf: string;
}

const possible = stillPossible;

function subsidySignature(s: SubsidyResult) {
  // a subsidy that cannot be paid concludes only that (whichever clause rules it out); tier, payee and choices no longer matter
  if (!possible(s)) return ['notPaid'];
  // while the status is 'depends', what it depends on is part of the conclusion ("300 元/月 if …")
  const dependsOn = s.status === 'depends' ? [...s.dependsOn].sort() : [];
  return [s.status, s.paid, s.tier, s.amount?.monthly ?? null, s.payee, s.decisions.map((d) => [d.clause, d.winner, d.chosenMonthly]), dependsOn];
}

/** What the result page concludes, as a comparable string. */
export function conclusionSignature(result: Result): string {
  if (!result.covered) return 'notCovered';
  const anyPossible = possible(result.living) || possible(result.care);
  const notice = anyPossible
    ? {
        triggers: result.notice.triggers.filter((t) => t.required !== 'no').map((t) => [t.trigger, t.status, t.lastOnTimeDay]),
        waiver: result.notice.waiver,
        payFrom: [result.notice.payFrom.basis, result.notice.payFrom.month],
      }
    : null;
  return JSON.stringify({
    living: subsidySignature(result.living),
    care: subsidySignature(result.care),
    notes: result.notes.map((n) => [n.kind, n.fields]),
    notice,
  });
}

/** True when some value of `field` gives a different conclusion from another, the other facts unchanged. */
export function canChangeOutcome(facts: Facts, field: FactField, { asOf }: RelevanceOptions): boolean {
  let first: string | null = null;
  for (const value of candidateValues(field, asOf)) {
    const tried = { ...facts, [field]: value } as Facts;
    if (value === undefined) delete (tried as Record<string, unknown>)[field];
    const sig = conclusionSignature(evaluate(tried, { asOf }));
    if (first === null) first = sig;
    else if (sig !== first) return true;
  }
  return false;
}
