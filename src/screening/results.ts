/**
 * The result columns of a screened file and their values, in the chosen language: the engine's own
 * words and the columns' code names in English (as before), Chinese names and words in Chinese.
 * Reasons are clause ids in both.
 */
import type { ScreeningOutcome } from '../engine/screening-outcome';
import type { Result } from '../engine/types';
import type { Lang } from '../facts/parse';
import { fieldName, fieldsText } from './messages';

/** The result columns appended to every output row (their code names; the header is localised). */
export const RESULT_COLUMNS = [
  'row',
  'screening',
  'livingStatus',
  'livingMonthly',
  'livingTier',
  'livingReasons',
  'careStatus',
  'careMonthly',
  'carePayee',
  'careReasons',
  'total',
  'checklist',
  'dependsOn',
  'noticeTrigger',
  'noticeLastOnTimeDay',
  'noticeStatus',
  'noticeHolidayAdjusted',
  'noticeRequired',
  'asOf',
  'rulesVersion',
  'warning',
  'error',
] as const;
export type ResultColumn = (typeof RESULT_COLUMNS)[number];

/** Joins several clause ids or dates in one cell. */
export const LIST_SEPARATOR = ';';

/** The result columns' header names in the language. */
export const resultHeaders = (lang: Lang): string[] => RESULT_COLUMNS.map((c) => fieldsText(lang).column[c]);

const RESULT_HEADER_SET: ReadonlySet<string> = new Set([...resultHeaders('zh-CN'), ...resultHeaders('en')]);

/** A result column of an earlier screening, in either language (re-screening an output file recomputes them). */
export const isResultColumn = (header: string): boolean => RESULT_HEADER_SET.has(header.replace(/^\uFEFF/, '').trim());

/** The result columns between `row` and `warning`. */
export const VALUE_COLUMNS = RESULT_COLUMNS.slice(1, -2) as Exclude<ResultColumn, 'row' | 'warning' | 'error'>[];

type Words = Record<string, string>;

/**
 * The values of the result columns between `row` and `error`, in RESULT_COLUMNS order, in the
 * language. Statuses, tiers and payees are the engine's words (Chinese words in Chinese); amounts
 * are what is paid per month (0 unless paid); several notice triggers are listed in deadline order.
 * Before the rules' start every status is `notCovered`.
 *
 * `screening` (engine/screening-outcome) fills the first column; for a row that is likely eligible,
 * to verify at the visit, the monthly amounts are what is paid if every check on its checklist
 * comes out "no", and the checklist names those checks.
 */
export function resultValues(r: Result, lang: Lang, screening?: ScreeningOutcome): string[] {
  return [...answerValues(r, lang, screening), ...noticeValues(r, lang), r.asOf, r.rulesVersion];
}

/** The values of the columns from `screening` to `dependsOn`: what the answers give (no date changes them). */
export function answerValues(r: Result, lang: Lang, screening?: ScreeningOutcome): string[] {
  const w: Words = fieldsText(lang).value;
  const word = (s: string) => w[s] ?? s;
  const sep = lang === 'en' ? LIST_SEPARATOR : fieldsText(lang).listSep;
  const names = (fields: readonly string[]) => (lang === 'en' ? fields.join(LIST_SEPARATOR) : fields.map((f) => fieldName(f, lang)).join(sep));
  const outcome = screening ? word(screening.status) : '';
  if (!r.covered) return [outcome || word('notCovered'), word('notCovered'), '', '', '', word('notCovered'), '', '', '', '', '', ''];
  const likely = screening?.status === 'likely' ? screening : null;
  const { living, care } = r;
  let dependsOn: string[] = living.dependsOn;
  if (care.dependsOn.length) {
    dependsOn = [...living.dependsOn];
    for (const f of care.dependsOn) if (!dependsOn.includes(f)) dependsOn.push(f);
  }
  return [
    outcome,
    word(living.status),
    String(likely ? likely.living : living.paid),
    word(living.tier),
    living.reasons.join(LIST_SEPARATOR),
    word(care.status),
    String(likely ? likely.care : care.paid),
    word(care.payee),
    care.reasons.join(LIST_SEPARATOR),
    String(likely ? likely.total : r.total),
    likely ? names(likely.checklist) : '',
    names(dependsOn),
  ];
}

/** The values of the notice columns, `noticeTrigger` to `noticeRequired` (several triggers in deadline order). */
export function noticeValues(r: Result, lang: Lang): string[] {
  if (!r.covered) return ['', '', '', '', ''];
  const w: Words = fieldsText(lang).value;
  const word = (s: string) => w[s] ?? s;
  const t = r.notice.triggers;
  let trigger = '';
  let lastDay = '';
  let status = '';
  let adjusted = '';
  for (let i = 0; i < t.length; i++) {
    const x = t[i]!;
    const sep = i ? LIST_SEPARATOR : '';
    trigger += `${sep}${word(x.trigger)}:${x.date}`;
    lastDay += sep + x.lastOnTimeDay;
    status += sep + word(x.status);
    adjusted += sep + word(x.holidayAdjusted ? 'yes' : 'no');
  }
  return [trigger, lastDay, status, adjusted, t.length ? word(t[0]!.required) : ''];
}

/** The result columns for one result (all but `row` and `error`), by code name. */
export function resultCells(r: Result, lang: Lang = 'en'): Record<string, string> {
  const values = resultValues(r, lang);
  const out: Record<string, string> = {};
  for (let i = 0; i < VALUE_COLUMNS.length; i++) out[VALUE_COLUMNS[i]!] = values[i]!;
  return out;
}
