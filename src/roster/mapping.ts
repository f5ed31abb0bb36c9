/**
 * Header mapping for a roster CSV: which fact field each column of the spreadsheet holds.
 * Pure functions (no DOM): proposeMapping() guesses from common Chinese and English column names,
 * the roster page lets staff correct the guess, and the mapping is remembered per header set.
 * A column mapped to null is "ignored": not read by any rule, but kept in the exported list.
 */
import { headerField, isResultColumn } from '../facts/csv';
import { fieldName } from '../facts/parse';
import { FACT_FIELDS, type FactField } from '../facts/schema';

/** One entry per column of the file, in file order: the fact field it holds, or null (ignore). */
export type ColumnMapping = (FactField | null)[];

/**
 * Column names seen in staff spreadsheets, per field (besides the field's own name and its Chinese
 * and English names in the messages). Compared after normalise(): no spaces, no brackets' content,
 * lower case.
 */
const SYNONYMS: Record<FactField, readonly string[]> = {
  ref: ['姓名', '名字', '编号', '人员编号', '残疾人姓名', '申请人', '申请人姓名', 'name', 'id', 'reference'],
  hukou: ['户籍', '户口', '户籍地', '户籍所在地', '户口所在地', '是否天津户籍', '天津户籍', '是否本市户籍', 'hukou'],
  certificate: ['残疾人证', '残疾证', '持证', '持证情况', '是否持证', '有无残疾人证', '持有残疾人证', '残疾人证状态', 'certificate'],
  category: ['残疾类别', '残疾类型', '残疾种类', '类别', 'category', 'disabilitycategory'],
  grade: ['残疾等级', '残疾级别', '等级', '级别', 'grade', 'disabilitygrade'],
  household: ['低保', '家庭类别', '低保/家庭类别', '低保或低保边缘', '家庭类型', '低保类型', '低保情况', '救助类别', '保障类别', '是否低保', 'household'],
  tekun: ['特困', '特困人员', '特困供养', '是否特困', '特困人员供养'],
  workInjuryCareFee: ['工伤保险生活护理费', '工伤护理费', '领取工伤保险生活护理费', '工伤'],
  inPrison: ['服刑', '在监狱服刑', '是否服刑', '在押服刑'],
  orphanGuarantee: ['孤儿', '孤儿基本生活保障', '孤儿保障', '是否孤儿'],
  orphanInInstitution: ['机构集中养育', '集中养育', '机构养育'],
  institutionCareFunded: ['机构已纳入护理类补贴', '已纳入护理类补贴保障'],
  welfareLivingAllowances: ['福利性生活补贴', '福利性生活补贴金额', '伤残抚恤', '伤残抚恤金'],
  welfareCareAllowances: ['福利性护理补贴', '福利性护理补贴金额'],
  homeCareNursingSubsidy: ['居家养老护理补贴', '居家养老护理补贴金额'],
  homeElderlyServiceSubsidy: ['居家养老服务补贴'],
  advancedAgeAllowance: ['高龄津贴', '高龄补贴'],
  dibaoSince: ['纳入低保日期', '新纳入低保日期', '低保日期', '低保纳入日期', '享受低保日期', '低保起始日期', '低保开始日期'],
  dibaoEdgeSince: ['纳入低保边缘日期', '新纳入低保边缘日期', '低保边缘日期', '低保边缘纳入日期', '纳入低收入日期'],
  certifiedOn: ['新办证日期', '办证日期', '发证日期', '新办残疾人证日期', '持证日期', '领证日期', '残疾人证发证日期'],
  noticeGivenOn: ['告知日期', '通知日期', '告知时间'],
  noticeForm: ['告知形式', '告知方式', '通知方式', '通知形式'],
  appliedOn: ['申请日期', '申请时间'],
  notes: ['备注', '说明', 'note', 'remarks'],
};

/** Lower case, no white space, no bracketed hints such as “（是/否）” or “(一至四级)”, no BOM. */
export function normalise(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .replace(/[（(【[][^）)】\]]*[）)】\]]/g, '')
    .replace(/[\s:：*＊]/g, '')
    .toLowerCase();
}

const EXACT = new Map<string, FactField>();
for (const f of FACT_FIELDS) {
  const names = [f, fieldName(f, 'zh-CN'), fieldName(f, 'en'), ...SYNONYMS[f]];
  for (const n of names) {
    const k = normalise(n);
    if (k && !EXACT.has(k)) EXACT.set(k, f);
  }
}
/** Synonyms of 2+ characters, longest first, for "the header contains the word" matches. */
const TOO_GENERIC = new Set(['类别', '等级', '级别', '说明', '名字']);
const CONTAINS = [...EXACT.entries()].filter(([k]) => k.length >= 2 && /[\u3400-\u9fff]/.test(k) && !TOO_GENERIC.has(k)).sort((a, b) => b[0].length - a[0].length);

/** Words naming which date a date column holds, most specific first. */
const DATE_WORDS: readonly [string, FactField][] = [
  ['低保边缘', 'dibaoEdgeSince'],
  ['低收入', 'dibaoEdgeSince'],
  ['低保', 'dibaoSince'],
  ['证', 'certifiedOn'],
  ['告知', 'noticeGivenOn'],
  ['通知', 'noticeGivenOn'],
  ['申请', 'appliedOn'],
];

/** The field a single header most likely holds, and how sure the guess is. */
export function guessField(header: string): { field: FactField; how: 'exact' | 'contains' } | null {
  const direct = headerField(header);
  if (direct) return { field: direct, how: 'exact' };
  const k = normalise(header);
  if (!k) return null;
  const exact = EXACT.get(k);
  if (exact) return { field: exact, how: 'exact' };
  if (/日期|时间|date/.test(k)) {
    // a date column: never guess a yes/no or category field for it
    for (const [word, field] of DATE_WORDS) if (k.includes(word)) return { field, how: 'contains' };
    return null;
  }
  for (const [word, field] of CONTAINS) if (k.includes(word)) return { field, how: 'contains' };
  return null;
}

/**
 * Proposes a mapping for a header row. Each field is given to one column only: exact name matches
 * first, then "contains" matches, in column order. Result columns of an earlier screening are ignored.
 */
export function proposeMapping(headers: readonly string[]): ColumnMapping {
  const out: ColumnMapping = headers.map(() => null);
  const taken = new Set<FactField>();
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

/** true when every column is already named by its field (the file needs no mapping step). */
export function isSelfDescribing(headers: readonly string[], mapping: ColumnMapping): boolean {
  return headers.length > 0 && headers.every((h, i) => isResultColumn(h) || (mapping[i] !== null && mapping[i] === headerField(h)));
}

export interface MappingProblem {
  code: 'duplicate' | 'nothingMapped';
  field?: FactField;
  /** column indexes involved */
  columns: number[];
}

/** Problems that keep a mapping from being used: one field in two columns, or no field at all. */
export function mappingProblems(mapping: ColumnMapping): MappingProblem[] {
  const problems: MappingProblem[] = [];
  const seen = new Map<FactField, number[]>();
  mapping.forEach((f, i) => {
    if (f) seen.set(f, [...(seen.get(f) ?? []), i]);
  });
  for (const [field, columns] of seen) if (columns.length > 1) problems.push({ code: 'duplicate', field, columns });
  if (seen.size === 0) problems.push({ code: 'nothingMapped', columns: [] });
  return problems;
}

/**
 * Builds the record screenRecord() reads (field name → cell text) from one row of cells. Empty
 * cells are left out: a blank cell and a missing one both read as 'unknown' (or absent), and
 * leaving them out saves work on large rosters.
 */
export function mappedRecord(cells: readonly string[], mapping: ColumnMapping): Record<string, string> {
  const rec: Record<string, string> = {};
  for (let i = 0; i < mapping.length; i++) {
    const f = mapping[i];
    const cell = cells[i];
    if (f && cell) rec[f] = cell;
  }
  return rec;
}

// ---------------------------------------------------------------- remembering a mapping

const STORAGE_PREFIX = 'tj-subsidies.roster.mapping:';

/** The storage key of a header set: the normalised names, sorted (column order does not matter). */
export function mappingKey(headers: readonly string[]): string {
  return STORAGE_PREFIX + [...headers.map((h) => h.replace(/^\uFEFF/, '').trim())].sort().join('\u001f');
}

/** A stored mapping: header → field ('' = ignore). Survives reordered columns. */
export type StoredMapping = Record<string, FactField | ''>;

export function toStored(headers: readonly string[], mapping: ColumnMapping): StoredMapping {
  const out: StoredMapping = {};
  headers.forEach((h, i) => {
    out[h.replace(/^\uFEFF/, '').trim()] = mapping[i] ?? '';
  });
  return out;
}

const FIELD_SET: ReadonlySet<string> = new Set(FACT_FIELDS);

/** Reads a stored mapping back; null when it does not fit these headers or is malformed. */
export function fromStored(headers: readonly string[], stored: unknown): ColumnMapping | null {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return null;
  const s = stored as Record<string, unknown>;
  const out: ColumnMapping = [];
  for (const h of headers) {
    const v = s[h.replace(/^\uFEFF/, '').trim()];
    if (v === '') out.push(null);
    else if (typeof v === 'string' && FIELD_SET.has(v)) out.push(v as FactField);
    else return null;
  }
  return mappingProblems(out).some((p) => p.code === 'duplicate') ? null : out;
}

/** Minimal storage interface (localStorage in the browser, a Map in tests). */
export interface KeyValue {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export function loadMapping(store: KeyValue | undefined, headers: readonly string[]): ColumnMapping | null {
  try {
    const raw = store?.getItem(mappingKey(headers));
    return raw ? fromStored(headers, JSON.parse(raw)) : null;
  } catch {
    return null;
  }
}

export function saveMapping(store: KeyValue | undefined, headers: readonly string[], mapping: ColumnMapping): void {
  try {
    store?.setItem(mappingKey(headers), JSON.stringify(toStored(headers, mapping)));
  } catch {
    /* storage full or unavailable: the mapping is simply not remembered */
  }
}
