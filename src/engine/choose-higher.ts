/**
 * Choose the higher (TJ-HIGHER-WELFARE, TJ-HIGHER-ELDERCARE): the subsidy against the highest other
 * allowance of the same type. Never guesses: while an amount is not known, the winner is 'unknown'
 * unless the known amounts already settle it.
 */
import type { Allowances, FactField } from '../facts/schema';
import type { Decision } from './types';

/** null when no other allowance of this type is received ([]): there is nothing to choose. */
export function decide(clause: string, field: FactField, others: Allowances, subsidyMonthly: number | null): Decision | null {
  if (Array.isArray(others) && others.length === 0) return null;
  let best: number | null = null;
  // Stryker disable next-line StringLiteral: equivalent — while no other allowance is known to be received, no amount is known either, and every choice below waits for a known amount
  let someUnknown = others === 'unknown';
  if (Array.isArray(others))
    for (const o of others) {
      if (o === 'unknown') someUnknown = true;
      else if (best === null || o > best) best = o;
    }
  const otherCount = Array.isArray(others) ? others.length : 0;
  let winner: Decision['winner'] = 'unknown';
  if (subsidyMonthly !== null && best !== null && best > subsidyMonthly) winner = 'other';
  else if (subsidyMonthly !== null && !someUnknown && best !== null) winner = best === subsidyMonthly ? 'tie' : 'subsidy';
  const chosenMonthly = winner === 'other' ? best : winner === 'unknown' ? null : subsidyMonthly;
  const givenUpMonthly = winner === 'other' ? subsidyMonthly : winner === 'unknown' ? null : best;
  return { clause, field, subsidyMonthly, otherMonthly: best, otherCount, winner, chosenMonthly, givenUpMonthly };
}
