/**
 * The values a what-if tries for each fact field.
 * TODO(fields): derive these from the fact-field registry (src/facts/fields.ts, each field's `whatIf`
 * values) once it exists, so that a new field gets its candidates where it is declared.
 */
import { CATEGORY, CERTIFICATE, GRADES, HOUSEHOLD, HUKOU, NOTICE_FORMS, TRI, type FactField } from '../facts/schema';

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

const known = <T>(xs: readonly T[]) => xs.filter((x) => x !== 'unknown');

/** For a field answered by picking one of a few choices: every choice but "not sure", in the schema's order; otherwise null. */
export function answerChoices(field: FactField): readonly unknown[] | null {
  if (field === 'hukou') return known(HUKOU);
  if (field === 'certificate') return known(CERTIFICATE);
  if (field === 'category') return known(CATEGORY);
  if (field === 'grade') return GRADES;
  if (field === 'household') return known(HOUSEHOLD);
  if (TRI_FIELDS.includes(field)) return known(TRI);
  return null;
}

/** The first of the month, `years` years before (dates the rules cover have four-digit years). */
function yearsBefore(iso: string, years: number): string {
  return `${Number(iso.slice(0, 4)) - years}${iso.slice(4, 8)}01`;
}

/** The values worth trying for a field: every choice and "not sure", and for amounts and dates representative ones. */
export function candidateValues(field: FactField, asOf: string): readonly unknown[] {
  const choices = answerChoices(field);
  if (choices) return [...choices, 'unknown'];
  if (ALLOWANCE_FIELDS.includes(field)) return ['unknown', [], ['unknown'], [1], [1_000_000]];
  if (DATE_FIELDS.includes(field)) return [undefined, asOf, yearsBefore(asOf, 2)];
  if (field === 'noticeForm') return [undefined, ...NOTICE_FORMS];
  return [undefined];
}
