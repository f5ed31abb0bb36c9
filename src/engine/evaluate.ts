/**
 * The pure evaluator: evaluate(facts, { asOf }) → a result with a trace citing clause ids.
 * Rules come as data (rules/), compiled once (compile.ts); each subsidy is settled on its own
 * (subsidy.ts, with choose-the-higher in choose-higher.ts), then the notes, the notice (notice.ts)
 * and the ways to apply. It imports nothing from React, XState, i18next or the DOM.
 */
import { rules as defaultRules } from '../../rules';
import type { Rules } from '../../rules/schema';
import type { Facts, FactField } from '../facts/schema';
import { compile, type Compiled } from './compile';
import { chinaCalendar, type HolidayCalendar } from './deadlines';
import { evaluateNotice } from './notice';
import { evaluateSubsidy, stillPossible } from './subsidy';
import type { Note, Result, SubsidyResult } from './types';

export interface EvaluateOptions {
  /** the date the result is for, YYYY-MM-DD */
  asOf: string;
  rules?: Rules;
  calendar?: HolidayCalendar;
}

/** TJ-BOTH while both subsidies are possible; stacking benefits (TJ-STACK-ELDERLY) and TJ-NOT-INCOME while one is. */
function notes(facts: Facts, living: SubsidyResult, care: SubsidyResult, c: Compiled): Note[] {
  const out: Note[] = [];
  const anyPossible = stillPossible(living) || stillPossible(care);
  if (c.both && stillPossible(living) && stillPossible(care)) out.push({ clause: c.both, kind: 'both', fields: [] });
  if (anyPossible)
    for (const s of c.stack) {
      const yes = s.fields.filter((f) => facts[f as FactField] === 'yes') as FactField[];
      if (yes.length) out.push({ clause: s.clause, kind: 'stack', fields: yes });
    }
  if (c.notIncome && anyPossible && facts.household !== 'neither')
    out.push({ clause: c.notIncome, kind: 'notIncome', fields: ['household'] });
  return out;
}

export function evaluate(facts: Facts, options: EvaluateOptions): Result {
  const rules = options.rules ?? defaultRules;
  const c = compile(rules);
  const { asOf } = options;
  const head = { asOf, rulesVersion: rules.version, instrument: rules.instrument.docNo };
  if (asOf < c.firstDate) return { covered: false, ...head, coveredFrom: c.firstDate, reason: 'beforeRules' };
  const living = evaluateSubsidy('living', facts, asOf, rules, c);
  const care = evaluateSubsidy('care', facts, asOf, rules, c);
  return {
    covered: true,
    ...head,
    living,
    care,
    notes: notes(facts, living, care, c),
    total: living.paid + care.paid,
    notice: evaluateNotice(facts, asOf, living, care, c, options.calendar ?? chinaCalendar),
    apply:
      c.channels && (stillPossible(living) || stillPossible(care))
        ? { channels: c.channels.channels, clauses: [c.channels.clause] }
        : null,
  };
}

/**
 * The result for `facts` from the result of the same facts without their dates. Dates are read by
 * the notice alone (the triggers, the notice given, the application): the subsidies, their amounts,
 * the notes and the ways to apply are the undated result's, and only the notice is worked out again.
 * A screened roster remembers results by their answers and gives each dated row its own notice
 * (test/engine/properties.test.ts checks this equals `evaluate(facts)`).
 */
export function withDates(undated: Result, facts: Facts, options: EvaluateOptions): Result {
  if (!undated.covered) return undated;
  const c = compile(options.rules ?? defaultRules);
  return { ...undated, notice: evaluateNotice(facts, options.asOf, undated.living, undated.care, c, options.calendar ?? chinaCalendar) };
}
