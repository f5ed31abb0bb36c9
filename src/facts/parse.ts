/**
 * Reading facts from JSON objects and CSV cells into the one facts schema, as the field registry
 * (fields.ts) describes each field. Missing fields are 'unknown' (never guessed). Every problem is a
 * FieldIssue naming the field, the value given and the code of the problem; the screening layer's
 * formatIssue() turns it into a zh-CN or English sentence (the words live in i18n).
 */
import {
  ALLOWANCE_LIMITS,
  COLUMN_NAMES,
  columnSpec,
  FIELDS,
  FIELD_NAMES,
  OTHER_PROVINCES,
  TIANJIN_DISTRICTS,
  type ColumnName,
  type FieldSpec,
} from './fields';
import { unknownFacts, type Allowances, type FactField, type Facts } from './schema';

export type IssueCode = 'unknownField' | 'notAllowed' | 'badDate' | 'badAmount' | 'tooLong' | 'badType' | 'conflict' | 'tooDeep';

export interface FieldIssue {
  field: string;
  value: unknown;
  code: IssueCode;
  /** what is allowed, as the values a person can type (the message may list its own words instead) */
  allowed?: readonly string[];
  /** read from a spreadsheet cell: the message lists the words a cell accepts, in its language */
  cell?: true;
}

export type ParseOutcome = { ok: true; facts: Facts } | { ok: false; issues: FieldIssue[] };

export type Lang = 'zh-CN' | 'en';

const FIELD_SET: ReadonlySet<string> = new Set(FIELD_NAMES);
const spec = (f: FactField): FieldSpec => FIELDS[f];

export const fieldKind = (f: FactField): FieldSpec['kind'] => spec(f).kind;

/** The values allowed in JSON for a choice or grade field ('unknown' included where allowed). */
export const allowedValues = (f: FactField): readonly string[] => {
  const s = spec(f);
  if (!s.values) return [];
  return s.kind === 'optionalChoice' ? s.values : [...s.values, 'unknown'];
};

/** The free-text fields no clause reads, with their length limits. */
export const TEXT_FIELDS: Partial<Record<FactField, number>> = Object.fromEntries(
  FIELD_NAMES.filter((f) => spec(f).kind === 'text').map((f) => [f, spec(f).max!]),
);

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
export function isIsoDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const y = Number(s.slice(0, 4));
  const m = Number(s.slice(5, 7));
  const d = Number(s.slice(8, 10));
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const isAmount = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= ALLOWANCE_LIMITS.minYuan && n <= ALLOWANCE_LIMITS.maxYuan;

/** Reads a JSON object (possibly partial) into Facts. Missing fields are 'unknown'. */
export function parseFactsObject(input: unknown): ParseOutcome {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { ok: false, issues: [{ field: '(record)', value: input, code: 'badType' }] };
  const out: Record<string, unknown> = unknownFacts();
  const issues: FieldIssue[] = [];
  for (const [key, value] of Object.entries(input)) {
    if (!FIELD_SET.has(key)) {
      issues.push({ field: key, value, code: 'unknownField', allowed: FIELD_NAMES });
      continue;
    }
    const f = key as FactField;
    const kind = fieldKind(f);
    if (value === undefined || value === null) continue;
    if (kind === 'choice' || kind === 'optionalChoice') {
      if (typeof value === 'string' && allowedValues(f).includes(value)) out[f] = value;
      else issues.push({ field: f, value, code: 'notAllowed', allowed: allowedValues(f) });
    } else if (kind === 'grade') {
      if (value === 1 || value === 2 || value === 3 || value === 4 || value === 'unknown') out[f] = value;
      else if (typeof value === 'string' && /^[1-4]$/.test(value)) out[f] = Number(value);
      else issues.push({ field: f, value, code: 'notAllowed', allowed: allowedValues(f) });
    } else if (kind === 'date') {
      if (typeof value === 'string' && isIsoDate(value)) out[f] = value;
      else issues.push({ field: f, value, code: 'badDate' });
    } else if (kind === 'text') {
      if (typeof value !== 'string') issues.push({ field: f, value, code: 'badType' });
      else if (value.length > spec(f).max!) issues.push({ field: f, value, code: 'tooLong', allowed: [String(spec(f).max)] });
      else out[f] = value;
    } else {
      const a = readAllowancesValue(value);
      if (a === null) issues.push({ field: f, value, code: 'badAmount' });
      else out[f] = a;
    }
  }
  return issues.length ? { ok: false, issues } : { ok: true, facts: out as Facts };
}

function readAllowancesValue(value: unknown): Allowances | null {
  if (value === 'unknown') return 'unknown';
  if (!Array.isArray(value) || value.length > ALLOWANCE_LIMITS.maxItems) return null;
  const list: (number | 'unknown')[] = [];
  for (const v of value) {
    if (v === 'unknown' || isAmount(v)) list.push(v);
    else return null;
  }
  return list;
}

// ---------------------------------------------------------------- CSV cells

/** Words that mean 'unknown' in any cell (blank included). */
export const UNKNOWN_WORDS: ReadonlySet<string> = new Set(['', '?', '？', '不清楚', '不知道', '未知', '不详', '待核实', 'unknown', 'not sure']);
/** Words that mean "none" in an amounts cell. */
const NONE_WORDS = new Set(['无', '没有', '否', '0', 'none', 'no']);

/** Per column (fact or input): lower-cased cell word → value. */
const WORDS = new Map<ColumnName, Map<string, string>>();
for (const c of COLUMN_NAMES) {
  const s = columnSpec(c);
  if (!s.values) continue;
  const m = new Map<string, string>();
  for (const v of s.values) {
    m.set(v.toLowerCase(), v);
    for (const w of s.words?.[v] ?? []) m.set(w.toLowerCase(), v);
  }
  WORDS.set(c, m);
}

/** The words a person may type for a column's values (Chinese first; at most three a value), for messages. */
export function cellWords(c: ColumnName, lang: Lang): string[] {
  const s = columnSpec(c);
  const out: string[] = [];
  for (const v of s.values ?? []) {
    const zh = (s.words?.[v] ?? []).filter((w) => /[\u3400-\u9fff]/.test(w)).slice(0, s.kind === 'grade' ? 4 : 3);
    if (lang === 'zh-CN') out.push(...(zh.length ? zh : [v]));
    else out.push(v);
  }
  if (c === 'hukou' && lang === 'zh-CN') out.splice(out.indexOf('外地'), 0, '天津市某区（如 天津市河西区）');
  if (c === 'hukou' && lang === 'zh-CN') out.push('其他省市的地名（如 河北省石家庄市）');
  if (s.kind !== 'optionalChoice') out.push(lang === 'zh-CN' ? '不清楚' : 'unknown');
  return out;
}

/** 户籍 as a place name: 天津 / 天津市 / 天津市河西区 … → tianjin; another province or city → other; else null. */
export function readPlace(text: string): 'tianjin' | 'other' | null {
  const t = text.replace(/\s/g, '');
  if (t.startsWith('天津')) return 'tianjin';
  for (const d of TIANJIN_DISTRICTS) if (t.startsWith(d)) return 'tianjin';
  for (const p of OTHER_PROVINCES) if (t.startsWith(p)) return 'other';
  if (/^[\u4e00-\u9fff]{2,8}(省|自治区|特别行政区)/.test(t)) return 'other';
  if (/^[\u4e00-\u9fff]{1,6}(市|州|盟|地区)/.test(t)) return 'other';
  return null;
}

const DATE_CELL = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;

/** A date cell as ISO text (2025-07-01, 2025/7/1, 2025.7.1, 2025年7月1日), or null. */
export function readDateCell(cell: string): string | null {
  const m = DATE_CELL.exec(cell);
  const iso = m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : cell;
  return isIsoDate(iso) ? iso : null;
}

export type CellValue = Facts[FactField] | 'yes' | 'no';
export type CellReading = { ok: true; value: CellValue } | { ok: false; issue: FieldIssue };

/**
 * Reads one cell of a column (a fact field or an input). Blank and "not sure" words are 'unknown'
 * (absent, undefined, for dates, text and the form of notice). Never guesses: a word it cannot map
 * with certainty is an issue.
 */
export function readCell(c: ColumnName, raw: string): CellReading {
  const s = columnSpec(c);
  const cell = raw.trim();
  const lower = cell.toLowerCase();
  switch (s.kind) {
    case 'text':
      if (cell.length > s.max!) return { ok: false, issue: { field: c, value: raw, code: 'tooLong', allowed: [String(s.max)] } };
      return { ok: true, value: cell === '' ? undefined : cell };
    case 'date': {
      if (UNKNOWN_WORDS.has(lower)) return { ok: true, value: undefined };
      const iso = readDateCell(cell);
      return iso ? { ok: true, value: iso } : { ok: false, issue: { field: c, value: raw, code: 'badDate' } };
    }
    case 'allowances': {
      if (UNKNOWN_WORDS.has(lower)) return { ok: true, value: 'unknown' };
      if (NONE_WORDS.has(lower)) return { ok: true, value: [] };
      const parts = cell.split(/[;；、|]/).map((p) => p.trim().replace(/元.*$/, ''));
      const list = parts.map((p) => (UNKNOWN_WORDS.has(p.toLowerCase()) ? 'unknown' : /^\d+$/.test(p) ? Number(p) : NaN));
      if (list.length > ALLOWANCE_LIMITS.maxItems || list.some((v) => v !== 'unknown' && !isAmount(v))) return { ok: false, issue: { field: c, value: raw, code: 'badAmount' } };
      return { ok: true, value: list as Allowances };
    }
    default: {
      if (UNKNOWN_WORDS.has(lower)) return { ok: true, value: s.kind === 'optionalChoice' ? undefined : 'unknown' };
      let v = WORDS.get(c)?.get(lower) ?? null;
      if (v === null && c === 'hukou') v = readPlace(cell);
      if (v === null) return { ok: false, issue: { field: c, value: raw, code: 'notAllowed', allowed: cellWords(c, 'zh-CN'), cell: true } };
      return { ok: true, value: (s.kind === 'grade' ? Number(v) : v) as CellValue };
    }
  }
}

/**
 * Reads one CSV record (field name → cell text) into Facts. Blank cells are 'unknown' (or absent,
 * for dates and text). Choice cells accept the schema's words and the Chinese words of the registry.
 */
export function parseFactsCells(record: Record<string, string | undefined>): ParseOutcome {
  const facts = unknownFacts() as Record<string, unknown>;
  const issues: FieldIssue[] = [];
  for (const [key, raw] of Object.entries(record)) {
    const header = key.trim();
    if (header === '') continue;
    if (!FIELD_SET.has(header)) {
      issues.push({ field: header, value: raw, code: 'unknownField', allowed: FIELD_NAMES });
      continue;
    }
    const r = readCell(header as FactField, raw ?? '');
    if (!r.ok) issues.push(r.issue);
    else if (r.value !== undefined) facts[header] = r.value;
  }
  return issues.length ? { ok: false, issues } : { ok: true, facts: facts as Facts };
}

/** Writes Facts back to CSV cells in the schema's own words (the inverse of parseFactsCells). */
export function factsToCells(facts: Facts): Record<FactField, string> {
  const out = {} as Record<FactField, string>;
  for (const f of FIELD_NAMES) {
    const v = facts[f];
    out[f] = v === undefined ? '' : Array.isArray(v) ? (v.length ? v.join(';') : 'none') : String(v);
  }
  return out;
}
