/**
 * Counting "within N months" as FACTS.md says (民法典 第二百零一条至第二百零三条):
 * the starting day is not counted; the period ends on the corresponding day of the final month, or
 * that month's last day when it has none; an end on a rest day (weekend or public holiday, with
 * make-up working days counted as working days) moves to the next working day.
 * Rest days come from the maintained `chinese-days` calendar; a date beyond its data is reported as
 * not adjusted, never guessed.
 */
import { addDays, addMonths, isWeekend } from 'date-fns';
import calendar from 'chinese-days/dist/chinese-days.json';

export interface HolidayCalendar {
  /** public holidays (rest days) */
  holidays: ReadonlySet<string>;
  /** make-up working days on weekends */
  workdays: ReadonlySet<string>;
  firstYear: number;
  lastYear: number;
}

export function makeCalendar(data: { holidays: Record<string, string>; workdays: Record<string, string> }): HolidayCalendar {
  const years = Object.keys(data.holidays).map((d) => Number(d.slice(0, 4)));
  return {
    holidays: new Set(Object.keys(data.holidays)),
    workdays: new Set(Object.keys(data.workdays)),
    firstYear: Math.min(...years),
    lastYear: Math.max(...years),
  };
}

export const chinaCalendar: HolidayCalendar = makeCalendar(calendar);

/** Parses YYYY-MM-DD as a local calendar date (no time zone shift). */
export function toDate(iso: string): Date {
  return new Date(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
}
const pad = (n: number) => (n < 10 ? `0${n}` : String(n));
export const toIso = (d: Date): string => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

export function covers(cal: HolidayCalendar, iso: string): boolean {
  const y = Number(iso.slice(0, 4));
  return y >= cal.firstYear && y <= cal.lastYear;
}

/** null when the calendar has no data for that date's year */
export function isRestDay(cal: HolidayCalendar, iso: string): boolean | null {
  if (!covers(cal, iso)) return null;
  if (cal.holidays.has(iso)) return true;
  if (cal.workdays.has(iso)) return false;
  return isWeekend(toDate(iso));
}

export interface PeriodEnd {
  periodEnd: string;
  lastOnTimeDay: string;
  holidayAdjusted: boolean;
  movedBy: number;
}

/** Deadlines repeat a lot across a roster (few distinct dates): remember them per calendar and length, by start. */
const memo = new WeakMap<HolidayCalendar, Map<number, Map<string, Readonly<PeriodEnd>>>>();
const MEMO_LIMIT = 20_000;

/** The end of a notice period (frozen: the same end is shared by every call for the same start). */
export function lastOnTimeDay(start: string, months: number, cal: HolidayCalendar = chinaCalendar): Readonly<PeriodEnd> {
  let byMonths = memo.get(cal);
  // Stryker disable next-line ConditionalExpression: equivalent — a fresh memo every call only forgets, counting again gives the same end
  if (!byMonths) memo.set(cal, (byMonths = new Map()));
  let m = byMonths.get(months);
  // Stryker disable next-line ConditionalExpression: equivalent — a fresh memo every call only forgets, counting again gives the same end
  if (!m) byMonths.set(months, (m = new Map()));
  const hit = m.get(start);
  // Stryker disable next-line ConditionalExpression: equivalent — never using the memo counts again and gives the same end
  if (hit) return hit;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent — when the memo is emptied bounds its memory, not the answer
  if (m.size >= MEMO_LIMIT) m.clear();
  const end = Object.freeze(countPeriod(start, months, cal));
  m.set(start, end);
  return end;
}

function countPeriod(start: string, months: number, cal: HolidayCalendar): PeriodEnd {
  // date-fns addMonths keeps the day of month, or takes the month's last day when it has none.
  const end = addMonths(toDate(start), months);
  const periodEnd = toIso(end);
  let day = end;
  let iso = periodEnd;
  for (let moved = 0; ; moved++) {
    const rest = isRestDay(cal, iso);
    if (rest === null) return { periodEnd, lastOnTimeDay: periodEnd, holidayAdjusted: false, movedBy: 0 };
    if (!rest) return { periodEnd, lastOnTimeDay: iso, holidayAdjusted: true, movedBy: moved };
    day = addDays(day, 1);
    iso = toIso(day);
  }
}
