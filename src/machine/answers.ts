/** What the wizard has been told so far. Facts are only the fields answered; the rest count as 'unknown'. */
import { unknownFacts, type Facts, type FactField, type Tri } from '../facts/schema';

import type { Role } from './roles';
export { ROLES, type Role } from './roles';

export interface Answers {
  role?: Role;
  facts: Partial<Facts>;
  /** was proactive notice given (the date goes to facts.noticeGivenOn) */
  noticeGiven?: Tri;
  /** has the person applied already (the date goes to facts.appliedOn); 'unknown': not sure, no date */
  applied?: Tri;
  /** steps answered at least once */
  done: string[];
}

export type AnswerPatch = Partial<Omit<Answers, 'facts' | 'done'>> & {
  facts?: Partial<Facts>;
  /** date fields to remove (an answer of "not sure" for a date) */
  unset?: FactField[];
};

export const emptyAnswers = (): Answers => ({ facts: {}, done: [] });

export function applyPatch(a: Answers, patch: AnswerPatch | undefined, step?: string): Answers {
  if (!patch && !step) return a;
  const facts: Partial<Facts> = { ...a.facts, ...(patch?.facts ?? {}) };
  for (const f of patch?.unset ?? []) delete facts[f];
  const { facts: _f, unset: _u, ...rest } = patch ?? {};
  return {
    ...a,
    ...rest,
    facts,
    done: step && !a.done.includes(step) ? [...a.done, step] : a.done,
  };
}

/** The facts the engine sees: every unanswered field 'unknown'. */
export function toFacts(a: Answers): Facts {
  return { ...unknownFacts(), ...a.facts } as Facts;
}

/** Today's date on this device, YYYY-MM-DD. */
export function todayLocal(d: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
