/**
 * The wizard's routes, and nothing else: start → one question per page → check your answers → result.
 * A question is skipped when the engine says its answer can no longer change any conclusion
 * (canChangeOutcome, via isRelevant). Back returns along the way actually taken and keeps every answer.
 */
import { assign, setup } from 'xstate';
import { applyPatch, emptyAnswers, todayLocal, type AnswerPatch, type Answers } from './answers';
import { isRelevant, QUESTION_STEPS, STEPS, type QuestionStep, type StepName } from './steps';

export interface WizardContext {
  answers: Answers;
  /** the pages visited before this one, most recent last (what Back returns to) */
  trail: StepName[];
  /** true after a change link: answered questions are passed over on the way back to "check" */
  changing: boolean;
  asOf: string;
}

export type WizardEvent =
  | { type: 'NEXT'; patch?: AnswerPatch }
  | { type: 'BACK' }
  | { type: 'CHANGE'; step: QuestionStep | 'start' }
  | { type: 'SUBMIT' }
  | { type: 'RESTART' }
  /** the address named another page (the phone's back or forward button, a reload, a bookmark) */
  | { type: 'GOTO'; step: StepName };

export interface WizardInput {
  asOf?: string;
  answers?: Answers;
}

const TRAIL_MAX = 80;

/** Is `to` the page NEXT should lead to from `from` (checked in order, so the first relevant one wins)? */
function leadsTo(context: WizardContext, event: WizardEvent, from: StepName, to: QuestionStep): boolean {
  if (event.type !== 'NEXT') return false;
  const answers = applyPatch(context.answers, event.patch, from);
  if (context.changing && answers.done.includes(to)) return false;
  return isRelevant(to, answers, context.asOf);
}

/** Transitions are generated from the step list; XState checks the names of guards and actions at run time. */
type Cfg = Record<string, unknown>;

export const wizardMachine = setup({
  types: {
    context: {} as WizardContext,
    events: {} as WizardEvent,
    input: {} as WizardInput,
  },
  guards: {
    leadsTo: ({ context, event }, params: { from: StepName; to: QuestionStep }) => leadsTo(context, event, params.from, params.to),
    backTo: ({ context }, params: { to: StepName }) => context.trail[context.trail.length - 1] === params.to,
    changeTo: ({ event }, params: { to: QuestionStep | 'start' }) => event.type === 'CHANGE' && event.step === params.to,
    gotoTo: ({ context, event }, params: { to: StepName }) => event.type === 'GOTO' && event.step === params.to && reachable(context, params.to),
  },
  actions: {
    save: assign(({ context, event }, params: { from: StepName }) => ({
      answers: event.type === 'NEXT' ? applyPatch(context.answers, event.patch, params.from) : context.answers,
      trail: [...context.trail, params.from].slice(-TRAIL_MAX),
    })),
    pushTrail: assign(({ context }, params: { from: StepName }) => ({ trail: [...context.trail, params.from].slice(-TRAIL_MAX) })),
    popTrail: assign(({ context }) => ({ trail: context.trail.slice(0, -1) })),
    /** back along the trail when the address names the page before; else one step forward on it */
    gotoTrail: assign(({ context }, params: { from: StepName; to: StepName }) =>
      context.trail[context.trail.length - 1] === params.to
        ? { trail: context.trail.slice(0, -1) }
        : { trail: [...context.trail, params.from].slice(-TRAIL_MAX) },
    ),
    startChanging: assign({ changing: true }),
    stopChanging: assign({ changing: false }),
    reset: assign(({ context }) => ({ answers: emptyAnswers(), trail: [], changing: false, asOf: context.asOf })),
  },
}).createMachine({
  id: 'wizard',
  initial: 'start',
  context: ({ input }) => ({
    answers: input?.answers ?? emptyAnswers(),
    trail: [],
    changing: false,
    asOf: input?.asOf ?? todayLocal(),
  }),
  on: {
    RESTART: { target: '.start', actions: 'reset' },
  },
  // GOTO is per state (it needs the page it leaves, for the trail); see gotoTransitions
  // generated from the step list (see stateFor); the cast only hides the config's deep generic type
  states: Object.fromEntries(STEPS.map((s) => [s, stateFor(s)])) as never,
});

/**
 * Can the address take the person to this page? The start and "check your answers" always; a
 * question when it is asked now or was answered; the result once every question asked now is answered.
 */
function reachable(context: WizardContext, to: StepName): boolean {
  if (to === 'start' || to === 'check') return true;
  const a = context.answers;
  if (to === 'result') return QUESTION_STEPS.every((s) => a.done.includes(s) || !isRelevant(s, a, context.asOf));
  return a.done.includes(to) || isRelevant(to, a, context.asOf);
}

function gotoTransitions(from: StepName): Cfg[] {
  return STEPS.filter((to) => to !== from).map(
    (to) => ({ guard: { type: 'gotoTo', params: { to } }, target: to, actions: { type: 'gotoTrail', params: { from, to } } }) as Cfg,
  );
}

function backTransitions(): Cfg[] {
  return STEPS.map((to) => ({ guard: { type: 'backTo', params: { to } }, target: to, actions: 'popTrail' }) as Cfg);
}

function stateFor(step: StepName) {
  if (step === 'check')
    return {
      entry: 'stopChanging',
      on: {
        SUBMIT: { target: 'result', actions: { type: 'pushTrail', params: { from: 'check' } } },
        CHANGE: (['start', ...QUESTION_STEPS] as const).map(
          (to) =>
            ({
              guard: { type: 'changeTo', params: { to } },
              target: to,
              actions: [{ type: 'pushTrail', params: { from: 'check' } }, 'startChanging'],
            }) as Cfg,
        ),
        BACK: backTransitions(),
        GOTO: gotoTransitions(step),
      },
    };
  if (step === 'result')
    return {
      on: {
        CHANGE: (['start', ...QUESTION_STEPS] as const).map(
          (to) =>
            ({
              guard: { type: 'changeTo', params: { to } },
              target: to,
              actions: [{ type: 'pushTrail', params: { from: 'result' } }, 'startChanging'],
            }) as Cfg,
        ),
        BACK: backTransitions(),
        GOTO: gotoTransitions(step),
      },
    };
  const later = step === 'start' ? QUESTION_STEPS : QUESTION_STEPS.slice(QUESTION_STEPS.indexOf(step) + 1);
  return {
    on: {
      NEXT: [
        ...later.map(
          (to) => ({ guard: { type: 'leadsTo', params: { from: step, to } }, target: to, actions: { type: 'save', params: { from: step } } }) as Cfg,
        ),
        { target: 'check', actions: { type: 'save', params: { from: step } } } as Cfg,
      ],
      BACK: backTransitions(),
      GOTO: gotoTransitions(step),
    },
  };
}

export type WizardMachine = typeof wizardMachine;
