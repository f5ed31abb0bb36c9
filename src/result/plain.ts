/**
 * The result in plain words: what each subsidy comes to for this person. The range of amounts while
 * answers are unknown is the engine's (what-if.ts: subsidyRange, totalRange); no rule is restated here.
 */
import type { Criterion, Decision, SubsidyResult } from '../engine/types';

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
