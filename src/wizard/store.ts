/**
 * Keeps the wizard's answers as they are given (versioned), so a reload or a closed tab returns to the
 * same question: in localStorage for a citizen's own check, in memory (sealed into the caseload on
 * lock) when this device has a caseload — see keys.ts. Nothing is sent anywhere.
 */
import { factsSchema, type Facts } from '../facts/schema';
import { emptyAnswers, ROLES, todayLocal, type Answers } from '../machine/answers';
import type { WizardAnswers } from '../storage/model';
import { QUESTION_STEPS, relevantSteps, STEP_FIELDS, STEPS, type QuestionStep, type StepName } from '../machine/steps';

import { readWizardRaw, removeWizardRaw, WIZARD_CHANGED_EVENT, WIZARD_SAVE_FAILED_EVENT, WIZARD_VERSION, writeWizardRaw } from './keys';
export { WIZARD_CHANGED_EVENT, WIZARD_KEY, WIZARD_SAVE_FAILED_EVENT, WIZARD_VERSION, peekSaved } from './keys';

export interface SavedWizard {
  version: typeof WIZARD_VERSION;
  state: StepName;
  answers: Answers;
  trail: StepName[];
  changing: boolean;
  caseId?: string;
}

const partialFacts = factsSchema.partial();
const isStep = (s: unknown): s is StepName => typeof s === 'string' && (STEPS as readonly string[]).includes(s);

function announce() {
  if (typeof window !== 'undefined') window.dispatchEvent(new Event(WIZARD_CHANGED_EVENT));
}

export function loadSaved(): SavedWizard | null {
  try {
    const raw = readWizardRaw();
    if (!raw) return null;
    const v = JSON.parse(raw) as Partial<SavedWizard> & { answers?: Partial<Answers> };
    if (v.version !== WIZARD_VERSION || !isStep(v.state)) return null;
    const facts = partialFacts.safeParse(v.answers?.facts ?? {});
    const a: Partial<Answers> = v.answers ?? {};
    const answers: Answers = {
      ...emptyAnswers(),
      role: a.role === 'self' || a.role === 'carer' || a.role === 'worker' ? a.role : undefined,
      noticeGiven: a.noticeGiven === 'yes' || a.noticeGiven === 'no' || a.noticeGiven === 'unknown' ? a.noticeGiven : undefined,
      applied: a.applied === 'yes' || a.applied === 'no' || a.applied === 'unknown' ? a.applied : undefined,
      facts: facts.success ? facts.data : {},
      done: Array.isArray(a.done) ? a.done.filter(isStep) : [],
    };
    return {
      version: WIZARD_VERSION,
      state: v.state,
      answers,
      trail: Array.isArray(v.trail) ? v.trail.filter(isStep) : [],
      changing: v.changing === true,
      caseId: typeof v.caseId === 'string' ? v.caseId : undefined,
    };
  } catch {
    return null;
  }
}

let failed = false;
/**
 * False when the device refused to keep the answers (storage full or blocked): they stay in memory for
 * this visit and WIZARD_SAVE_FAILED_EVENT tells the page, which says so; a later success ends it.
 */
export function saveWizard(s: Omit<SavedWizard, 'version'>): boolean {
  try {
    writeWizardRaw(JSON.stringify({ version: WIZARD_VERSION, ...s }));
    if (failed) {
      failed = false;
      if (typeof window !== 'undefined') window.dispatchEvent(new CustomEvent(WIZARD_SAVE_FAILED_EVENT, { detail: { reason: null } }));
    }
    return true;
  } catch (e) {
    failed = true;
    const reason = e instanceof DOMException && /quota/i.test(e.name) ? 'quota' : 'blocked';
    if (typeof window !== 'undefined') window.dispatchEvent(new CustomEvent(WIZARD_SAVE_FAILED_EVENT, { detail: { reason } }));
    return false;
  }
}

/** Forget every answer (after the person confirmed "start again"). */
export function clearWizard(): void {
  removeWizardRaw();
  announce();
}

/** The wizard's answers that facts do not hold, as a case keeps them. */
export type KeptAnswers = WizardAnswers;

/** Questions whose answer is a date alone: once the date is set (also on the case page) they are answered. */
const DATE_STEPS: readonly QuestionStep[] = ['dibaoSince', 'dibaoEdgeSince', 'certifiedOn', 'notice', 'applied'];

/** "Yes" when the date is given; else the kept "no" / "not sure"; else not answered. */
function yesNo(date: string | undefined, kept: Answers['applied']): Answers['applied'] {
  if (date) return 'yes';
  return kept === 'yes' ? undefined : kept;
}

/**
 * The answers the wizard would hold for these facts (what the pages would show as answered), with
 * what a case kept of the wizard's own answers. Without kept answers (a roster case, or one saved
 * before they were kept) a question counts as answered when all its facts are given, and "applied" /
 * "notice given" are "yes" when their date is given and not answered otherwise.
 */
export function answersFromFacts(facts: Partial<Facts>, kept?: KeptAnswers): Answers {
  const parsed = partialFacts.safeParse(facts);
  const f: Partial<Facts> = parsed.success ? parsed.data : {};
  const noticeGiven = yesNo(f.noticeGivenOn, kept?.noticeGiven);
  const applied = yesNo(f.appliedOn, kept?.applied);
  const given = (s: QuestionStep) => STEP_FIELDS[s].every((field) => f[field] !== undefined);
  const done = kept
    ? QUESTION_STEPS.filter((s) => {
        if (s === 'notice') return noticeGiven !== undefined;
        if (s === 'applied') return applied !== undefined;
        return kept.done.includes(s) || (DATE_STEPS.includes(s) && given(s));
      })
    : QUESTION_STEPS.filter(given);
  return {
    ...emptyAnswers(),
    ...(kept?.role && ROLES.includes(kept.role) ? { role: kept.role } : {}),
    facts: f,
    noticeGiven,
    applied,
    done,
  };
}

/** Open saved facts (e.g. a case from the caseload) in the wizard, on "check your answers" or the result. */
export function loadIntoWizard(facts: Partial<Facts>, opts: { caseId?: string; goTo?: 'check' | 'result'; kept?: KeptAnswers } = {}): void {
  const answers = answersFromFacts(facts, opts.kept);
  const goTo = opts.goTo ?? 'check';
  const path: StepName[] = ['start', ...relevantSteps(answers, todayLocal())];
  saveWizard({
    state: goTo,
    answers,
    trail: goTo === 'result' ? [...path, 'check'] : path,
    changing: false,
    caseId: opts.caseId,
  });
  announce();
}
