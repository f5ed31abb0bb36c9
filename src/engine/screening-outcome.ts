/**
 * A reading of the engine's result made for screening a roster: "likely eligible, to verify at
 * the visit" (可能符合，待入户核实).
 *
 * A roster rarely records the exclusions (特困, 工伤保险生活护理费, 服刑), the orphan questions or
 * the other allowances. Where those are the only answers a row leaves open, the engine is asked
 * again with each of them answered "no"; when that settles the row, and every conclusion that was
 * already settled stays as it was, the row is "likely": it pays what that second evaluation says,
 * and the open answers are the visit's checklist. Where a core answer is open (户籍, 低保 / 低保边缘,
 * certificate, category, grade) the row stays "depends". Nothing is guessed: the amounts are the
 * engine's, for answers stated as an assumption the checklist names.
 *
 * Pure: no React, XState, i18next or DOM.
 */
import type { Facts, FactField } from '../facts/schema';
import { evaluate as evaluateFacts } from './evaluate';
import type { Result, SubsidyResult } from './types';

/** Answers a roster rarely records, checked at the visit; "no" for each is the usual answer. */
export const VISIT_CHECK_FIELDS = [
  'tekun',
  'workInjuryCareFee',
  'inPrison',
  'orphanGuarantee',
  'orphanInInstitution',
  'institutionCareFunded',
  'welfareLivingAllowances',
  'welfareCareAllowances',
  'homeCareNursingSubsidy',
] as const satisfies readonly FactField[];
export type VisitCheckField = (typeof VISIT_CHECK_FIELDS)[number];

const CHECK = new Set<FactField>(VISIT_CHECK_FIELDS);
export const isVisitCheck = (f: FactField): f is VisitCheckField => CHECK.has(f);

/** The answer "no" for a checklist field: 'no' for a yes/no question, no allowance for an amount list. */
function answerNo(facts: Facts, field: VisitCheckField): Facts {
  if (field === 'welfareLivingAllowances' || field === 'welfareCareAllowances' || field === 'homeCareNursingSubsidy') {
    const v = facts[field];
    // an amount list with an unknown item keeps its known items; only the unknown ones become "none"
    // Stryker disable next-line ArrowFunction,ArrayDeclaration: equivalent — the known items of a list whose choice is still open are at or below the subsidy (a higher one settles it), so dropping them, or an item that is no amount, leaves the subsidy winning as with none
    return { ...facts, [field]: v === 'unknown' ? [] : v.filter((x) => x !== 'unknown') };
  }
  return { ...facts, [field]: 'no' };
}

/**
 * - `paid`: settled, something is paid; `likely`: pays `total` if every check comes out "no";
 * - `depends`: a core answer is open; `notPaid`: settled, nothing paid (not eligible, excluded,
 *   or another benefit chosen); `notCovered`: a date before the rules.
 */
export type ScreeningStatus = 'likely' | 'paid' | 'depends' | 'notPaid' | 'notCovered';

/** Order of a screened list: likely first (the list to act on), then settled payments, … */
export const SCREENING_RANK: Record<ScreeningStatus, number> = { likely: 0, paid: 1, depends: 2, notPaid: 3, notCovered: 4 };

export interface ScreeningOutcome {
  status: ScreeningStatus;
  /** per month: what is paid ('paid'), or what is paid if every check comes out "no" ('likely'); else 0 */
  living: number;
  care: number;
  total: number;
  /** 'likely': the answers to verify at the visit (each assumed "no" in the amounts); else [] */
  checklist: VisitCheckField[];
  /** 'depends': the open core answers (and any open checks beside them); else [] */
  dependsOn: FactField[];
}

const possible = (s: SubsidyResult) => s.status !== 'notEligible' && s.status !== 'excluded';

/** The open answers behind a subsidy's conclusion: status, payee and the choose-the-higher decisions. */
function openFields(s: SubsidyResult, facts: Facts): FactField[] {
  if (!possible(s)) return [];
  const out = new Set<FactField>(s.dependsOn);
  for (const f of s.payeeDependsOn) if (facts[f] === 'unknown') out.add(f);
  for (const d of s.decisions) if (d.winner === 'unknown') out.add(d.field);
  return [...out];
}

function settledOutcome(result: Result & { covered: true }): ScreeningOutcome {
  const { living, care } = result;
  return {
    status: result.total > 0 ? 'paid' : 'notPaid',
    living: living.paid,
    care: care.paid,
    total: result.total,
    checklist: [],
    dependsOn: [],
  };
}

/** still to be settled: its status, or (while it can be paid) who it is paid to */
const isOpen = (s: SubsidyResult) => s.status === 'depends' || (possible(s) && s.payee === 'unknown');

/** the same status and amount, and (while it can be paid) the same payee */
const sameConclusion = (a: SubsidyResult, b: SubsidyResult) => a.status === b.status && a.paid === b.paid && (!possible(a) || a.payee === b.payee);

/**
 * Reads `result` (the engine's result for `facts`) as a screening outcome. `evaluate` is the
 * engine's evaluate with the same options (a caller that remembers results may pass its own).
 */
export function screeningOutcome(facts: Facts, result: Result, evaluate: (f: Facts) => Result): ScreeningOutcome {
  if (!result.covered) return { status: 'notCovered', living: 0, care: 0, total: 0, checklist: [], dependsOn: [] };
  const { living, care } = result;
  const open = [...new Set([...openFields(living, facts), ...openFields(care, facts)])];
  const undecided = [living, care].some(isOpen);
  if (!undecided) return settledOutcome(result);

  const depends: ScreeningOutcome = { status: 'depends', living: 0, care: 0, total: 0, checklist: [], dependsOn: open };
  // Stryker disable next-line LogicalOperator,MethodExpression: equivalent — an early exit: with a core answer open, answering the checks "no" leaves it open and the row is 'depends' below
  if (open.length === 0 || !open.every(isVisitCheck)) return depends;

  const checklist = VISIT_CHECK_FIELDS.filter((f) => open.includes(f));
  let assumed = facts;
  for (const f of checklist) assumed = answerNo(assumed, f);
  const ifNo = evaluate(assumed);
  if (!ifNo.covered) return depends;
  const stillOpen = [ifNo.living, ifNo.care].some(isOpen);
  // what the first evaluation had settled must read the same with the checks answered "no"
  const unchanged = (isOpen(living) || sameConclusion(living, ifNo.living)) && (isOpen(care) || sameConclusion(care, ifNo.care));
  if (stillOpen || !unchanged || ifNo.total <= 0) return depends;
  return { status: 'likely', living: ifNo.living.paid, care: ifNo.care.paid, total: ifNo.total, checklist, dependsOn: [] };
}

/** `screeningOutcome` with the engine's evaluate for `asOf`. */
export function screenFacts(facts: Facts, asOf: string): { result: Result; outcome: ScreeningOutcome } {
  const result = evaluateFacts(facts, { asOf });
  return { result, outcome: screeningOutcome(facts, result, (f) => evaluateFacts(f, { asOf })) };
}
