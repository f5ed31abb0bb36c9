/**
 * No question is skipped that could change the result. Over the answers of the engine's exhaustive
 * run (test/engine/exhaustive.test.ts: every hukou × certificate × category × grade × household,
 * with every exclusion and orphan answer; and with every competing allowance and stacking benefit),
 * the wizard's own routing (isRelevant, in the order of the pages) is followed page by page. Wherever it
 * passes over a question, every answer that question could have had — the run's values, and for dates
 * the engine's candidates — is put back into the final answers, and what the result page concludes
 * (conclusionSignature) must stay the same. Questions left out because they make no sense (an amount
 * after "no", the 低保 date of a household not in 低保) are not shortcuts and are not tried.
 */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine';
import { candidateValues, conclusionSignature } from '../../src/engine/relevance';
import { CATEGORY, CERTIFICATE, HOUSEHOLD, HUKOU, TRI, type Allowances, type Facts, type FactField } from '../../src/facts/schema';
import { applyPatch, emptyAnswers, toFacts, type AnswerPatch, type Answers } from '../../src/machine/answers';
import { isAskable, isRelevant, QUESTION_STEPS, STEP_FIELDS, type QuestionStep } from '../../src/machine/steps';

const asOf = '2025-09-01';
const GRADE = [1, 2, 3, 4, 'unknown'] as const;
const ALLOWANCES: Allowances[] = ['unknown', [], [150], [400], ['unknown']];
type Values = Partial<Facts>[];
const each = <F extends FactField>(f: F, xs: readonly unknown[]): Values => xs.map((x) => ({ [f]: x }) as Partial<Facts>);
const product = (...sets: Values[]): Values => sets.reduce<Values>((acc, set) => acc.flatMap((a) => set.map((b) => ({ ...a, ...b }))), [{}]);

/** What each page can be answered with in a sweep (the answer box's value); a page not listed gets its "clear" answer. */
type Sweep = Partial<Record<QuestionStep, Values>>;
const scope: Sweep = {
  hukou: each('hukou', HUKOU),
  certificate: each('certificate', CERTIFICATE),
  category: each('category', CATEGORY),
  grade: each('grade', GRADE),
  household: each('household', HOUSEHOLD),
};
const receives = (f: 'welfareLivingAllowances' | 'welfareCareAllowances' | 'homeCareNursingSubsidy'): Values => each(f, ['unknown', [], ['unknown']]);
const amounts = (f: 'welfareLivingAllowances' | 'welfareCareAllowances' | 'homeCareNursingSubsidy'): Values => each(f, [[150], [400], ['unknown']]);
const SWEEPS: Record<string, Sweep> = {
  'exclusions and orphan status': {
    ...scope,
    exclusions: product(each('tekun', TRI), each('workInjuryCareFee', TRI), each('inPrison', TRI)),
    orphan: each('orphanGuarantee', TRI),
    orphanInstitution: each('orphanInInstitution', TRI),
    institutionFunded: each('institutionCareFunded', TRI),
  },
  'competing allowances and stacking benefits': {
    ...scope,
    welfareLiving: receives('welfareLivingAllowances'),
    welfareLivingAmount: amounts('welfareLivingAllowances'),
    welfareCare: receives('welfareCareAllowances'),
    welfareCareAmount: amounts('welfareCareAllowances'),
    homeCareNursing: receives('homeCareNursingSubsidy'),
    homeCareNursingAmount: amounts('homeCareNursingSubsidy'),
    elderly: product(each('homeElderlyServiceSubsidy', TRI), each('advancedAgeAllowance', TRI)),
  },
};

/** The answer to a page outside the sweep: nothing excludes, nothing competes, dates not known, not applied. */
const CLEAR: Record<QuestionStep, AnswerPatch> = {
  hukou: { facts: { hukou: 'tianjin' } },
  certificate: { facts: { certificate: 'valid' } },
  category: { facts: { category: 'physical' } },
  grade: { facts: { grade: 1 } },
  household: { facts: { household: 'dibao' } },
  exclusions: { facts: { tekun: 'no', workInjuryCareFee: 'no', inPrison: 'no' } },
  orphan: { facts: { orphanGuarantee: 'no' } },
  orphanInstitution: { facts: { orphanInInstitution: 'no' } },
  institutionFunded: { facts: { institutionCareFunded: 'no' } },
  welfareLiving: { facts: { welfareLivingAllowances: [] } },
  welfareLivingAmount: {},
  welfareCare: { facts: { welfareCareAllowances: [] } },
  welfareCareAmount: {},
  homeCareNursing: { facts: { homeCareNursingSubsidy: [] } },
  homeCareNursingAmount: {},
  elderly: { facts: { homeElderlyServiceSubsidy: 'no', advancedAgeAllowance: 'no' } },
  dibaoSince: { unset: ['dibaoSince'] },
  dibaoEdgeSince: { unset: ['dibaoEdgeSince'] },
  certifiedOn: { unset: ['certifiedOn'] },
  notice: { noticeGiven: 'no', unset: ['noticeGivenOn', 'noticeForm'] },
  applied: { applied: 'no', unset: ['appliedOn'] },
};

const ALLOWANCE_PAGES: Partial<Record<QuestionStep, FactField>> = {
  welfareLiving: 'welfareLivingAllowances',
  welfareLivingAmount: 'welfareLivingAllowances',
  welfareCare: 'welfareCareAllowances',
  welfareCareAmount: 'welfareCareAllowances',
  homeCareNursing: 'homeCareNursingSubsidy',
  homeCareNursingAmount: 'homeCareNursingSubsidy',
};

/** Every answer a passed-over page could have had: the sweep's (an allowance: every one of the run), else each field's candidates (dates: none, today, two years ago). */
function possibleAnswers(sweep: Sweep, step: QuestionStep): Values {
  const own = sweep[step];
  const allowance = ALLOWANCE_PAGES[step];
  if (own && allowance) return each(allowance, ALLOWANCES);
  if (own) return own;
  return product(...STEP_FIELDS[step].map((f) => each(f, candidateValues(f, asOf))));
}

interface Tally {
  routes: number;
  skips: number;
  tried: number;
  skipped: Set<QuestionStep>;
  changed: string[];
}

/** Follows the pages in order from `i`, branching on every answer of each page asked; checks each passed-over page at the end. */
function walk(sweep: Sweep, answers: Answers, i: number, passed: QuestionStep[], tally: Tally): void {
  if (i === QUESTION_STEPS.length) {
    tally.routes++;
    const facts = toFacts(answers);
    const sig = conclusionSignature(evaluate(facts, { asOf }));
    for (const step of passed) {
      tally.skips++;
      tally.skipped.add(step);
      for (const v of possibleAnswers(sweep, step)) {
        tally.tried++;
        const tried = { ...facts, ...v } as Facts;
        for (const [k, x] of Object.entries(v)) if (x === undefined) delete (tried as Record<string, unknown>)[k];
        if (conclusionSignature(evaluate(tried, { asOf })) !== sig && tally.changed.length < 5)
          tally.changed.push(`${step} passed over, but ${JSON.stringify(v)} changes the result for ${JSON.stringify(answers.facts)}`);
      }
    }
    return;
  }
  const step = QUESTION_STEPS[i]!;
  if (!isRelevant(step, answers, asOf)) {
    walk(sweep, answers, i + 1, isAskable(step, answers) ? [...passed, step] : passed, tally);
    return;
  }
  const own = sweep[step];
  if (own) for (const v of own) walk(sweep, applyPatch(answers, { facts: v }, step), i + 1, passed, tally);
  else walk(sweep, applyPatch(answers, CLEAR[step], step), i + 1, passed, tally);
}

describe('no question the wizard passes over could have changed the result (the exhaustive run)', { timeout: 300_000 }, () => {
  for (const [name, sweep] of Object.entries(SWEEPS))
    it(`over every answer to the scope questions, with ${name}`, () => {
      const tally: Tally = { routes: 0, skips: 0, tried: 0, skipped: new Set(), changed: [] };
      walk(sweep, emptyAnswers(), 0, [], tally);
      expect(tally.changed).toEqual([]);
      // the run is not empty: many routes, and questions of every kind were passed over and tried
      expect(tally.routes).toBeGreaterThan(1000);
      expect(tally.skips).toBeGreaterThan(tally.routes);
      console.log(name, tally.routes, 'routes,', tally.skips, 'questions passed over,', tally.tried, 'answers tried; passed over:', [...tally.skipped].join(' '));
    });
});
