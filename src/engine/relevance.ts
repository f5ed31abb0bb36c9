/**
 * Can an answer still change a conclusion? Pure: tries each possible value of one field through
 * `evaluate` and compares what the result page concludes (statuses, amounts, payee, decisions, notes,
 * and — while a subsidy is still possible — the notice deadlines, waiver and pay-from month).
 * While a subsidy's status is 'depends', the fields it depends on count too.
 * The wizard uses it as a routing guard, so it never re-implements a rule.
 */
import { CATEGORY, HOUSEHOLD, HUKOU, CERTIFICATE, NOTICE_FORMS, TRI, type Facts, type FactField } from '../facts/schema';
import { evaluate } from './evaluate';
import type { Result, SubsidyResult } from './types';

export interface RelevanceOptions {
  asOf: string;
}

const TRI_FIELDS: readonly FactField[] = [
  'tekun',
  'workInjuryCareFee',
  'inPrison',
  'orphanGuarantee',
  'orphanInInstitution',
  'institutionCareFunded',
  'homeElderlyServiceSubsidy',
  'advancedAgeAllowance',
];
const ALLOWANCE_FIELDS: readonly FactField[] = ['welfareLivingAllowances', 'welfareCareAllowances', 'homeCareNursingSubsidy'];
const DATE_FIELDS: readonly FactField[] = ['dibaoSince', 'dibaoEdgeSince', 'certifiedOn', 'noticeGivenOn', 'appliedOn'];

function yearsBefore(iso: string, years: number): string {
  const y = Number(iso.slice(0, 4)) - years;
  return `${String(y).padStart(4, '0')}${iso.slice(4, 8)}01`;
}

/** The values worth trying for a field: every choice, and for amounts and dates representative ones. */
export function candidateValues(field: FactField, asOf: string): readonly unknown[] {
  if (field === 'hukou') return HUKOU;
  if (field === 'certificate') return CERTIFICATE;
  if (field === 'category') return CATEGORY;
  if (field === 'grade') return [1, 2, 3, 4, 'unknown'];
  if (field === 'household') return HOUSEHOLD;
  if (TRI_FIELDS.includes(field)) return TRI;
  if (ALLOWANCE_FIELDS.includes(field)) return ['unknown', [], ['unknown'], [1], [1_000_000]];
  if (DATE_FIELDS.includes(field)) return [undefined, asOf, yearsBefore(asOf, 2)];
  if (field === 'noticeForm') return [undefined, ...NOTICE_FORMS];
  return [undefined];
}

const possible = (s: SubsidyResult) => s.status !== 'notEligible' && s.status !== 'excluded';

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
