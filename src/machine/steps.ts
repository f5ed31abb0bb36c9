/**
 * The questions in order. Each name is a machine state, a step file (src/steps/<name>.tsx),
 * a page-text key (wizard.<name>.*) and a test name. Routing only: whether a question is asked is
 * decided by the engine through canChangeOutcome.
 */
import type { FactField } from '../facts/schema';
import { canChangeOutcome } from '../engine/relevance';
import { toFacts, type Answers } from './answers';

export const QUESTION_STEPS = [
  'hukou',
  'certificate',
  'category',
  'grade',
  'household',
  'exclusions',
  'orphan',
  'orphanInstitution',
  'institutionFunded',
  'welfareLiving',
  'welfareLivingAmount',
  'welfareCare',
  'welfareCareAmount',
  'homeCareNursing',
  'homeCareNursingAmount',
  'elderly',
  'dibaoSince',
  'dibaoEdgeSince',
  'certifiedOn',
  'notice',
  'applied',
] as const;
export type QuestionStep = (typeof QUESTION_STEPS)[number];
export const STEPS = ['start', ...QUESTION_STEPS, 'check', 'result'] as const;
export type StepName = (typeof STEPS)[number];

/** The facts each question asks about. */
export const STEP_FIELDS: Record<QuestionStep, readonly FactField[]> = {
  hukou: ['hukou'],
  certificate: ['certificate'],
  category: ['category'],
  grade: ['grade'],
  household: ['household'],
  exclusions: ['tekun', 'workInjuryCareFee', 'inPrison'],
  orphan: ['orphanGuarantee'],
  orphanInstitution: ['orphanInInstitution'],
  institutionFunded: ['institutionCareFunded'],
  welfareLiving: ['welfareLivingAllowances'],
  welfareLivingAmount: ['welfareLivingAllowances'],
  welfareCare: ['welfareCareAllowances'],
  welfareCareAmount: ['welfareCareAllowances'],
  homeCareNursing: ['homeCareNursingSubsidy'],
  homeCareNursingAmount: ['homeCareNursingSubsidy'],
  elderly: ['homeElderlyServiceSubsidy', 'advancedAgeAllowance'],
  dibaoSince: ['dibaoSince'],
  dibaoEdgeSince: ['dibaoEdgeSince'],
  certifiedOn: ['certifiedOn'],
  notice: ['noticeGivenOn'],
  applied: ['appliedOn'],
};

/** The question step that asks about a fact field (the first, for fields asked on two pages). */
export function stepForField(field: FactField): QuestionStep | null {
  for (const s of QUESTION_STEPS) if (STEP_FIELDS[s].includes(field)) return s;
  return null;
}

const receives = (a: Answers, f: FactField) => {
  const v = a.facts[f];
  return Array.isArray(v) && v.length > 0;
};
const inHousehold = (a: Answers, ...h: string[]) => {
  const v = a.facts.household;
  return v === undefined || v === 'unknown' || h.includes(v);
};

/** When a question makes sense at all, by what it asks (not by any rule): the amount only after a "yes". */
const ASKABLE: Partial<Record<QuestionStep, (a: Answers) => boolean>> = {
  welfareLivingAmount: (a) => receives(a, 'welfareLivingAllowances'),
  welfareCareAmount: (a) => receives(a, 'welfareCareAllowances'),
  homeCareNursingAmount: (a) => receives(a, 'homeCareNursingSubsidy'),
  dibaoSince: (a) => inHousehold(a, 'dibao'),
  dibaoEdgeSince: (a) => inHousehold(a, 'dibaoEdge'),
  certifiedOn: (a) => a.facts.certificate !== 'none',
};

/** Does the question make sense with these answers, by what it asks (an amount only after a "yes")? */
export function isAskable(step: QuestionStep, answers: Answers): boolean {
  const askable = ASKABLE[step];
  return !askable || askable(answers);
}

/** Is this question worth asking now: it makes sense and its answer can still change a conclusion. */
export function isRelevant(step: QuestionStep, answers: Answers, asOf: string): boolean {
  if (!isAskable(step, answers)) return false;
  const facts = toFacts(answers);
  return STEP_FIELDS[step].some((f) => canChangeOutcome(facts, f, { asOf }));
}

/** The questions that would be asked with these answers, in order. */
export function relevantSteps(answers: Answers, asOf: string): QuestionStep[] {
  return QUESTION_STEPS.filter((s) => isRelevant(s, answers, asOf));
}
