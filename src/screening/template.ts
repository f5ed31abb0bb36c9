/**
 * What a roster may hold, read from the field registry (src/facts/fields.ts), the cell reader
 * (src/facts/parse.ts) and the one header matcher (headers.ts): per column, the header names taken,
 * the words taken for each value and what a blank cell means; and a template CSV whose example rows
 * are written in the registry's own words. Nothing here lists a header or a value by hand.
 */
import { COLUMN_NAMES, columnSpec, FIELD_NAMES, INPUTS, isInputName, TIANJIN_DISTRICTS, type ColumnName, type FieldKind, type FieldName } from '../facts/fields';
import { NONE_WORDS, UNKNOWN_WORDS, type Lang } from '../facts/parse';
import type { Facts } from '../facts/schema';
import { headerNames } from './headers';
import { fieldName } from './messages';
import { toCsv } from './write';

export interface ValueGuide {
  /** the value as the registry names it (also taken in a cell) */
  value: string;
  /** the other words taken for it, as the registry lists them */
  words: readonly string[];
}

export interface ColumnGuide {
  column: ColumnName;
  kind: FieldKind;
  /** the column's name in each language */
  name: Record<Lang, string>;
  /** every header name the matcher takes for the column */
  headers: readonly string[];
  /** per value, the words taken (choices and grades) */
  values: readonly ValueGuide[];
  /** the longest text (text columns) */
  max?: number;
  /** the fact a roster input settles (INPUTS) */
  into?: FieldName;
  /** what a blank cell means: 'unknown' (不清楚) or 'absent' (not given) */
  blank: 'unknown' | 'absent';
}

const blankMeans = (kind: FieldKind): ColumnGuide['blank'] => (kind === 'choice' || kind === 'grade' || kind === 'allowances' ? 'unknown' : 'absent');

/** One guide per roster column (fact fields, then inputs), in registry order. */
export function columnGuide(): ColumnGuide[] {
  return COLUMN_NAMES.map((c) => {
    const s = columnSpec(c);
    return {
      column: c,
      kind: s.kind,
      name: { 'zh-CN': fieldName(c, 'zh-CN'), en: fieldName(c, 'en') },
      headers: headerNames(c),
      values: (s.values ?? []).map((v) => ({ value: v, words: s.words?.[v] ?? [] })),
      ...(s.max !== undefined ? { max: s.max } : {}),
      ...(isInputName(c) ? { into: INPUTS[c].into } : {}),
      blank: blankMeans(s.kind),
    };
  });
}

/** The columns the roster page names as examples of Chinese headers, by the first header name the matcher takes for each. */
const HINT_COLUMNS: readonly ColumnName[] = ['ref', 'hukou', 'category', 'grade', 'household', 'certificate', 'certifiedOn', 'dibaoSince', 'certificateNumber'];
export const exampleHeaders = (): string[] => HINT_COLUMNS.map((c) => columnSpec(c).headers[0]!);

/** Words taken in any cell for 'not known' (besides a blank cell), and in an amounts cell for 'none'. */
export const UNKNOWN_CELL_WORDS: readonly string[] = [...UNKNOWN_WORDS].filter((w) => w !== '');
export const NONE_CELL_WORDS: readonly string[] = [...NONE_WORDS];
/** A 户籍 cell may also hold a place name: 天津市 and one of these districts, or another province. */
export const PLACE_EXAMPLES = TIANJIN_DISTRICTS;

// ---------------------------------------------------------------- the template

/** The example people of the template, as facts (written into cells in the registry's words). */
export const TEMPLATE_PEOPLE: readonly Partial<Facts>[] = [
  {
    ref: '张三',
    hukou: 'tianjin',
    certificate: 'valid',
    category: 'physical',
    grade: 1,
    household: 'dibao',
    tekun: 'no',
    workInjuryCareFee: 'no',
    inPrison: 'no',
    orphanGuarantee: 'no',
    orphanInInstitution: 'no',
    institutionCareFunded: 'no',
    welfareLivingAllowances: [],
    welfareCareAllowances: [],
    homeCareNursingSubsidy: [],
    homeElderlyServiceSubsidy: 'no',
    advancedAgeAllowance: 'no',
    dibaoSince: '2025-03-01',
    certifiedOn: '2020-05-10',
  },
  {
    ref: '李四',
    hukou: 'tianjin',
    certificate: 'valid',
    category: 'intellectual',
    grade: 3,
    household: 'dibaoEdge',
    tekun: 'no',
    workInjuryCareFee: 'no',
    inPrison: 'no',
    orphanGuarantee: 'no',
    welfareLivingAllowances: [],
    welfareCareAllowances: [],
    homeCareNursingSubsidy: [],
    dibaoEdgeSince: '2025-06-20',
    certifiedOn: '2019-11-02',
  },
];

const isCjk = (w: string) => /[\u3400-\u9fff]/.test(w);

/** A fact written in a cell: in Chinese, the registry's first Chinese word for the value; in English, the value's own name. Unknown or absent: blank. */
export function cellText(f: FieldName, value: unknown, lang: Lang): string {
  if (value === undefined || value === 'unknown') return '';
  const s = columnSpec(f);
  if (s.kind === 'allowances') {
    const list = value as readonly number[];
    if (list.length) return list.join(';');
    return NONE_CELL_WORDS.find((w) => (lang === 'zh-CN' ? isCjk(w) : /^[a-z]+$/.test(w)))!;
  }
  const v = String(value);
  if (lang === 'zh-CN' && s.values) return s.words?.[v]?.find(isCjk) ?? v;
  return v;
}

/** The template's text (no BOM): a header row of the fact fields' names in the language, and the example rows. */
export function templateCsv(lang: Lang): string {
  return toCsv([FIELD_NAMES.map((f) => fieldName(f, lang)), ...TEMPLATE_PEOPLE.map((p) => FIELD_NAMES.map((f) => cellText(f, p[f], lang)))]);
}

/** The template as a download: UTF-8 with a byte-order mark, so that Excel reads the Chinese right. */
export const templateFile = (lang: Lang): string => `\uFEFF${templateCsv(lang)}\r\n`;
export const templateFileName = (lang: Lang): string => (lang === 'zh-CN' ? '名单模板.csv' : 'roster-template.csv');
