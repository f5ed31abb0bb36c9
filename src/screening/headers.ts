/**
 * The one header matcher: which fact field (or roster input) each column of a file holds. The
 * command-line screener and the roster page both use it, so a file gets the same columns in both.
 * Names come from the field registry (src/facts/fields.ts) and the fields' labels in both languages.
 *
 * Linear in the length of a header: a header cell is capped at MAX_HEADER characters and normalised
 * in one pass (no backtracking regular expression).
 */
import { COLUMN_NAMES, columnSpec, INPUT_NAMES, type ColumnName, type FieldName } from '../facts/fields';
import { fieldName } from './messages';
import { isResultColumn } from './results';

/** One entry per column of the file, in file order: the field or input it holds, or null (ignore). */
export type ColumnMapping = (ColumnName | null)[];

/** A header cell longer than this is read by its first MAX_HEADER characters. */
export const MAX_HEADER = 100;

const OPEN = new Set(['（', '(', '【', '[']);
const CLOSE = new Set(['）', ')', '】', ']']);
const DROP = new Set([':', '：', '*', '＊']);

/**
 * Lower case, no white space, no bracketed hints such as “（是/否）” or “(一至四级)”, no BOM. An
 * opening bracket with no closing one after it is kept. One pass over at most MAX_HEADER characters.
 */
export function normalise(header: string): string {
  const h = header.length > MAX_HEADER ? header.slice(0, MAX_HEADER) : header;
  // position of the last closing bracket: an opening bracket before it starts a dropped hint
  let lastClose = -1;
  for (let i = h.length - 1; i >= 0; i--)
    if (CLOSE.has(h[i]!)) {
      lastClose = i;
      break;
    }
  let out = '';
  for (let i = 0; i < h.length; i++) {
    const c = h[i]!;
    if (OPEN.has(c) && i < lastClose) {
      while (i < h.length && !CLOSE.has(h[i]!)) i++;
      continue;
    }
    if (c === '\uFEFF' || DROP.has(c) || /\s/.test(c)) continue;
    out += c;
  }
  return out.toLowerCase();
}

/** Every header name the matcher takes exactly for a column: its Chinese and English labels, its field name and the registry's names. */
export const headerNames = (c: ColumnName): string[] => [...new Set([c, fieldName(c, 'zh-CN'), fieldName(c, 'en'), ...columnSpec(c).headers])];

const EXACT = new Map<string, ColumnName>();
for (const c of COLUMN_NAMES) {
  for (const n of headerNames(c)) {
    const k = normalise(n);
    if (k && !EXACT.has(k)) EXACT.set(k, c);
  }
}
/** Names of 2+ Chinese characters, longest first, for "the header contains the word" matches. */
const TOO_GENERIC = new Set(['类别', '等级', '级别', '说明', '名字', '证号', '低保', '工伤', '孤儿', '特困']);
const CONTAINS = [...EXACT.entries()].filter(([k]) => k.length >= 2 && /[\u3400-\u9fff]/.test(k) && !TOO_GENERIC.has(k)).sort((a, b) => b[0].length - a[0].length);

/** Words naming which date a date column holds, most specific first. */
const DATE_WORDS: readonly [string, FieldName][] = [
  ['低保边缘', 'dibaoEdgeSince'],
  ['低收入', 'dibaoEdgeSince'],
  ['低保', 'dibaoSince'],
  ['证', 'certifiedOn'],
  ['告知', 'noticeGivenOn'],
  ['通知', 'noticeGivenOn'],
  ['申请', 'appliedOn'],
];
const IS_DATE = /日期|时间|date/;

/** The field a single header most likely holds, and how sure the guess is. */
export function guessField(header: string): { field: ColumnName; how: 'exact' | 'contains' } | null {
  const k = normalise(header);
  if (!k) return null;
  const exact = EXACT.get(k);
  if (exact) return { field: exact, how: 'exact' };
  if (IS_DATE.test(k)) {
    // a date column: never guess a yes/no or category field for it
    for (const [word, field] of DATE_WORDS) if (k.includes(word)) return { field, how: 'contains' };
    return null;
  }
  for (const [word, field] of CONTAINS) if (k.includes(word)) return { field, how: 'contains' };
  return null;
}

/** The field a header names exactly (field name, label or a listed synonym), or null. */
export const headerField = (header: string): ColumnName | null => {
  const g = guessField(header);
  return g && g.how === 'exact' ? g.field : null;
};

/**
 * The mapping of a header row. Each field is given to one column only: exact name matches first,
 * then "contains" matches, in column order. Result columns of an earlier screening are ignored.
 */
export function proposeMapping(headers: readonly string[]): ColumnMapping {
  const out: ColumnMapping = headers.map(() => null);
  const taken = new Set<ColumnName>();
  const guesses = headers.map((h) => (isResultColumn(h) ? null : guessField(h)));
  for (const pass of ['exact', 'contains'] as const) {
    guesses.forEach((g, i) => {
      if (g && g.how === pass && !taken.has(g.field)) {
        out[i] = g.field;
        taken.add(g.field);
      }
    });
  }
  return out;
}

/** true when the mapping names at least one field or input that a rule reads (a name column alone is not a roster of facts). */
export const mapsAnything = (m: ColumnMapping): boolean => m.some((f) => f !== null && columnSpec(f).read);

export const INPUT_COLUMNS = INPUT_NAMES;

// ---------------------------------------------------------------- title, blank and summary rows

/** A row whose every cell is empty or white space. */
export function isBlankRow(cells: readonly (string | undefined)[]): boolean {
  for (const c of cells) if (c !== undefined && c.trim() !== '') return false;
  return true;
}

const SUMMARY = /^(合计|小计|总计|共计|总数|合\s*计|小\s*计|总\s*计)/;

/** Whether a row's first non-empty cell (trimmed) makes it a summary row. */
export const isSummaryCell = (trimmed: string): boolean => SUMMARY.test(trimmed);

/** A summary row (合计 / 小计 / 总计 in one of its first cells): not a person. */
export function isSummaryRow(cells: readonly string[]): boolean {
  const n = Math.min(cells.length, 3);
  for (let i = 0; i < n; i++) {
    const c = cells[i]!.trim();
    if (c !== '') return isSummaryCell(c);
  }
  return false;
}

/**
 * Whether a row can be the header row: two or more non-empty cells, one of them naming a field. A
 * title line above the header ("2025年某街道残疾人名单", a merged cell) has one non-empty cell.
 */
export function looksLikeHeader(cells: readonly string[]): boolean {
  let filled = 0;
  let named = false;
  for (const c of cells) {
    if (c.trim() === '') continue;
    filled++;
    if (!named && guessField(c)) named = true;
  }
  return named && filled > 1;
}

/** How many non-blank rows may come before the header (title lines); later, the first row is the header. */
export const MAX_TITLE_ROWS = 5;
