export { evaluate, withDates, type EvaluateOptions } from './evaluate';
export { compile, type Compiled } from './compile';
export { lastOnTimeDay, chinaCalendar, makeCalendar, isRestDay } from './deadlines';
export { valueAt } from './value-at';
export { outcomesByAnswer, payableIf, possibleResults, subsidyRange, totalRange, type OutcomeIf, type PayableIf, type Range, type WhatIfOutcome, type WhatIfOptions } from './what-if';
export * from './types';
