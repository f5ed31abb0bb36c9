import { createActor } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { describe, expect, it } from 'vitest';
import { canChangeOutcome } from '../../src/engine/relevance';
import { applyPatch, emptyAnswers, toFacts, type AnswerPatch } from '../../src/machine/answers';
import { isRelevant, QUESTION_STEPS, STEP_FIELDS, type QuestionStep, type StepName } from '../../src/machine/steps';
import { wizardMachine, type WizardEvent } from '../../src/machine/wizard.machine';

const asOf = '2025-06-01';

/** Representative answers for each page (the graph walk tries each). */
const SAMPLES: Record<string, AnswerPatch[]> = {
  start: [{ role: 'self' }],
  hukou: [{ facts: { hukou: 'tianjin' } }, { facts: { hukou: 'other' } }, { facts: { hukou: 'unknown' } }],
  certificate: [{ facts: { certificate: 'valid' } }, { facts: { certificate: 'none' } }, { facts: { certificate: 'unknown' } }],
  category: [{ facts: { category: 'intellectual' } }, { facts: { category: 'unknown' } }],
  grade: [{ facts: { grade: 1 } }, { facts: { grade: 3 } }, { facts: { grade: 'unknown' } }],
  household: [{ facts: { household: 'dibao' } }, { facts: { household: 'dibaoEdge' } }, { facts: { household: 'neither' } }, { facts: { household: 'unknown' } }],
  exclusions: [
    { facts: { tekun: 'no', workInjuryCareFee: 'no', inPrison: 'no' } },
    { facts: { tekun: 'yes', workInjuryCareFee: 'no', inPrison: 'no' } },
    { facts: { tekun: 'unknown', workInjuryCareFee: 'no', inPrison: 'no' } },
  ],
  orphan: [{ facts: { orphanGuarantee: 'no' } }, { facts: { orphanGuarantee: 'yes' } }],
  orphanInstitution: [{ facts: { orphanInInstitution: 'yes' } }, { facts: { orphanInInstitution: 'no' } }],
  institutionFunded: [{ facts: { institutionCareFunded: 'no' } }, { facts: { institutionCareFunded: 'yes' } }],
  welfareLiving: [{ facts: { welfareLivingAllowances: [] } }, { facts: { welfareLivingAllowances: ['unknown'] } }],
  welfareLivingAmount: [{ facts: { welfareLivingAllowances: [500] } }],
  welfareCare: [{ facts: { welfareCareAllowances: [] } }, { facts: { welfareCareAllowances: ['unknown'] } }],
  welfareCareAmount: [{ facts: { welfareCareAllowances: [100] } }],
  homeCareNursing: [{ facts: { homeCareNursingSubsidy: [] } }, { facts: { homeCareNursingSubsidy: ['unknown'] } }],
  homeCareNursingAmount: [{ facts: { homeCareNursingSubsidy: [350] } }],
  elderly: [{ facts: { homeElderlyServiceSubsidy: 'no', advancedAgeAllowance: 'yes' } }],
  dibaoSince: [{ facts: { dibaoSince: '2025-04-01' } }],
  dibaoEdgeSince: [{ unset: ['dibaoEdgeSince'] }],
  certifiedOn: [{ unset: ['certifiedOn'] }],
  notice: [{ noticeGiven: 'no' }],
  applied: [{ applied: 'no' }, { applied: 'unknown', unset: ['appliedOn'] }, { applied: 'yes', facts: { appliedOn: '2025-05-01' } }],
};

function eventsFor(state: StepName): WizardEvent[] {
  if (state === 'check') return [{ type: 'SUBMIT' }];
  if (state === 'result') return [];
  return (SAMPLES[state] ?? []).map((patch) => ({ type: 'NEXT', patch }));
}

const paths = getShortestPaths(wizardMachine, {
  input: { asOf },
  events: (s) => eventsFor(s.value as StepName),
  // one path per distinct sequence of pages: every route the wizard can take with these answers
  serializeState: (s) => `${String(s.value)}|${s.context.trail.join(',')}`,
  toState: (s) => s.value === 'result',
});

describe('the wizard machine, route by route (xstate/graph)', () => {
  it('finds many distinct routes from the start page to the result', () => {
    expect(paths.length).toBeGreaterThan(10);
    expect(new Set(paths.map((p) => p.state.context.trail.join(','))).size).toBe(paths.length);
  });

  it('every route, driven through a fresh machine, reaches the result via "check your answers"', () => {
    for (const path of paths) {
      const actor = createActor(wizardMachine, { input: { asOf } }).start();
      for (const step of path.steps) if (!step.event.type.startsWith('xstate.')) actor.send(step.event);
      const s = actor.getSnapshot();
      expect(s.value).toBe('result');
      expect(s.context.trail[0]).toBe('start');
      expect(s.context.trail[s.context.trail.length - 1]).toBe('check');
    }
  });

  it('on every route the questions come in order, and every question skipped could not have changed the result', () => {
    for (const path of paths) {
      const actor = createActor(wizardMachine, { input: { asOf } }).start();
      for (const { event } of path.steps) {
        if (event.type.startsWith('xstate.')) continue;
        const before = actor.getSnapshot().value as StepName;
        actor.send(event);
        const after = actor.getSnapshot().value as StepName;
        if (event.type !== 'NEXT') continue;
        const answers = actor.getSnapshot().context.answers;
        const from = before === 'start' ? -1 : QUESTION_STEPS.indexOf(before as QuestionStep);
        const to = after === 'check' ? QUESTION_STEPS.length : QUESTION_STEPS.indexOf(after as QuestionStep);
        expect(to, `${before} → ${after}`).toBeGreaterThan(from);
        for (const skipped of QUESTION_STEPS.slice(from + 1, to))
          expect(isRelevant(skipped, answers, asOf), `${skipped} was skipped after ${before}`).toBe(false);
        if (after !== 'check') expect(isRelevant(after as QuestionStep, answers, asOf)).toBe(true);
      }
    }
  });

  it('a route where the person is not registered in Tianjin goes straight from the first question to "check your answers"', () => {
    const route = paths.find((p) => p.steps.some((s) => s.event.type === 'NEXT' && s.event.patch?.facts?.hukou === 'other'));
    const actor = createActor(wizardMachine, { input: { asOf } }).start();
    const seen = [String(actor.getSnapshot().value)];
    for (const { event } of route!.steps) {
      if (event.type.startsWith('xstate.')) continue;
      actor.send(event);
      seen.push(String(actor.getSnapshot().value));
    }
    expect(seen).toEqual(['start', 'hukou', 'check', 'result']);
  });
});

describe('the wizard machine, moving about', () => {
  const through = (...patches: AnswerPatch[]) => {
    const a = createActor(wizardMachine, { input: { asOf } }).start();
    for (const p of patches) a.send({ type: 'NEXT', patch: p });
    return a;
  };

  it('Back returns to the previous page and keeps every answer given', () => {
    const a = through({ role: 'carer' }, { facts: { hukou: 'tianjin' } }, { facts: { certificate: 'valid' } });
    expect(a.getSnapshot().value).toBe('category');
    a.send({ type: 'BACK' });
    expect(a.getSnapshot().value).toBe('certificate');
    a.send({ type: 'BACK' });
    expect(a.getSnapshot().value).toBe('hukou');
    expect(a.getSnapshot().context.answers.facts).toEqual({ hukou: 'tianjin', certificate: 'valid' });
    expect(a.getSnapshot().context.answers.role).toBe('carer');
  });

  it('a change link from "check your answers" returns there after the changed question', () => {
    const a = through({ role: 'self' }, { facts: { hukou: 'other' } });
    expect(a.getSnapshot().value).toBe('check');
    a.send({ type: 'CHANGE', step: 'hukou' });
    expect(a.getSnapshot().value).toBe('hukou');
    a.send({ type: 'NEXT', patch: { facts: { hukou: 'unknown' } } });
    // the answer opened new questions: they are asked before returning to check
    expect(a.getSnapshot().value).toBe('certificate');
  });

  it('a change that opens no new question goes straight back to "check your answers"', () => {
    const a = through({ role: 'self' }, { facts: { hukou: 'other' } });
    a.send({ type: 'CHANGE', step: 'start' });
    a.send({ type: 'NEXT', patch: { role: 'worker' } });
    expect(a.getSnapshot().value).toBe('check');
    expect(a.getSnapshot().context.answers.role).toBe('worker');
  });

  it('start again forgets every answer and returns to the start page', () => {
    const a = through({ role: 'self' }, { facts: { hukou: 'tianjin' } });
    a.send({ type: 'RESTART' });
    expect(a.getSnapshot().value).toBe('start');
    expect(a.getSnapshot().context.answers).toEqual(emptyAnswers());
  });

  it('the amount question is asked only after "yes, I receive it"', () => {
    const facts = { hukou: 'tianjin', certificate: 'valid', grade: 1, household: 'dibao' } as const;
    const no = applyPatch(emptyAnswers(), { facts: { ...facts, homeCareNursingSubsidy: [] } });
    const yes = applyPatch(emptyAnswers(), { facts: { ...facts, homeCareNursingSubsidy: ['unknown'] } });
    expect(isRelevant('homeCareNursingAmount', no, asOf)).toBe(false);
    expect(isRelevant('homeCareNursingAmount', yes, asOf)).toBe(true);
  });

  it('relevance asks the engine: each field of a relevant step can change the outcome for some value', () => {
    const a = applyPatch(emptyAnswers(), { facts: { hukou: 'tianjin' } });
    for (const s of QUESTION_STEPS) if (isRelevant(s, a, asOf)) expect(STEP_FIELDS[s].some((f) => canChangeOutcome(toFacts(a), f, { asOf }))).toBe(true);
  });
});
