export { evaluate, compile, type EvaluateOptions } from './evaluate';
export { lastOnTimeDay, chinaCalendar, makeCalendar, isRestDay } from './deadlines';
export { valueAt } from './value-at';
export * from './types';
