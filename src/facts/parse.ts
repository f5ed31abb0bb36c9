/**
 * Reading facts from JSON objects and CSV cells into the one facts schema.
 * Missing fields are 'unknown' (never guessed). Every problem is a FieldIssue naming the field,
 * the value given and what is allowed; formatIssue() turns it into a zh-CN or English sentence.
 */
import {
  CATEGORY,
  CERTIFICATE,
  FACT_FIELDS,
  factsShape,
  HOUSEHOLD,
  HUKOU,
  NOTICE_FORMS,
  TRI,
  unknownFacts,
  type Allowances,
  type FactField,
  type Facts,
} from './schema';

export type IssueCode = 'unknownField' | 'notAllowed' | 'badDate' | 'badAmount' | 'tooLong' | 'badType';

export interface FieldIssue {
  field: string;
  value: unknown;
  code: IssueCode;
  /** what is allowed, as the values a person can type */
  allowed?: readonly string[];
}

export type ParseOutcome = { ok: true; facts: Facts } | { ok: false; issues: FieldIssue[] };

const ENUMS: Partial<Record<FactField, readonly string[]>> = {
  hukou: HUKOU,
  certificate: CERTIFICATE,
  category: CATEGORY,
  household: HOUSEHOLD,
  tekun: TRI,
  workInjuryCareFee: TRI,
  inPrison: TRI,
  orphanGuarantee: TRI,
  orphanInInstitution: TRI,
  institutionCareFunded: TRI,
  homeElderlyServiceSubsidy: TRI,
  advancedAgeAllowance: TRI,
  noticeForm: NOTICE_FORMS,
};
const GRADE_VALUES = ['1', '2', '3', '4', 'unknown'] as const;
const ALLOWANCE_FIELDS: readonly FactField[] = ['welfareLivingAllowances', 'welfareCareAllowances', 'homeCareNursingSubsidy'];
const DATE_FIELDS: readonly FactField[] = ['dibaoSince', 'dibaoEdgeSince', 'certifiedOn', 'noticeGivenOn', 'appliedOn'];
/** The free-text fields no clause reads, with their length limits (as factsShape has them). */
export const TEXT_FIELDS: Partial<Record<FactField, number>> = { ref: 200, notes: 5000 };

export const fieldKind = (f: FactField): 'enum' | 'grade' | 'allowances' | 'date' | 'text' =>
  f === 'grade' ? 'grade' : ALLOWANCE_FIELDS.includes(f) ? 'allowances' : DATE_FIELDS.includes(f) ? 'date' : Object.hasOwn(TEXT_FIELDS, f) ? 'text' : 'enum';

/** The values allowed for an enum-like field. */
export const allowedValues = (f: FactField): readonly string[] => (f === 'grade' ? GRADE_VALUES : (ENUMS[f] ?? []));

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
export function isIsoDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const y = Number(s.slice(0, 4));
  const m = Number(s.slice(5, 7));
  const d = Number(s.slice(8, 10));
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const isAmount = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 1_000_000;

/** Reads a JSON object (possibly partial) into Facts. Missing fields are 'unknown'. */
export function parseFactsObject(input: unknown): ParseOutcome {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return { ok: false, issues: [{ field: '(record)', value: input, code: 'badType' }] };
  const out: Record<string, unknown> = unknownFacts();
  const issues: FieldIssue[] = [];
  for (const [key, value] of Object.entries(input)) {
    if (!Object.hasOwn(factsShape, key)) {
      issues.push({ field: key, value, code: 'unknownField', allowed: FACT_FIELDS });
      continue;
    }
    const f = key as FactField;
    const kind = fieldKind(f);
    if (value === undefined || value === null) continue;
    if (kind === 'enum') {
      if (typeof value === 'string' && allowedValues(f).includes(value)) out[f] = value;
      else issues.push({ field: f, value, code: 'notAllowed', allowed: allowedValues(f) });
    } else if (kind === 'grade') {
      if (value === 1 || value === 2 || value === 3 || value === 4 || value === 'unknown') out[f] = value;
      else if (typeof value === 'string' && /^[1-4]$/.test(value)) out[f] = Number(value);
      else issues.push({ field: f, value, code: 'notAllowed', allowed: GRADE_VALUES });
    } else if (kind === 'date') {
      if (typeof value === 'string' && isIsoDate(value)) out[f] = value;
      else issues.push({ field: f, value, code: 'badDate' });
    } else if (kind === 'text') {
      if (typeof value !== 'string') issues.push({ field: f, value, code: 'badType' });
      else if (value.length > (TEXT_FIELDS[f] ?? 0)) issues.push({ field: f, value, code: 'tooLong', allowed: [String(TEXT_FIELDS[f])] });
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
  if (!Array.isArray(value) || value.length > 20) return null;
  const list: (number | 'unknown')[] = [];
  for (const v of value) {
    if (v === 'unknown' || isAmount(v)) list.push(v);
    else return null;
  }
  return list;
}

// ---------------------------------------------------------------- CSV cells

/** Words a spreadsheet may hold for each value, in Chinese and English (compared case-insensitively). */
const ALIASES: Record<string, Record<string, string>> = {
  tri: { 是: 'yes', 有: 'yes', y: 'yes', yes: 'yes', true: 'yes', 否: 'no', 无: 'no', 没有: 'no', n: 'no', no: 'no', false: 'no' },
  hukou: { 天津: 'tianjin', 天津市: 'tianjin', 本市: 'tianjin', tianjin: 'tianjin', 外地: 'other', 外省市: 'other', 非本市: 'other', other: 'other' },
  certificate: { 有: 'valid', 有效: 'valid', 是: 'valid', valid: 'valid', 无: 'none', 没有: 'none', 过期: 'none', 否: 'none', none: 'none' },
  category: {
    视力: 'visual', 视力残疾: 'visual', visual: 'visual',
    听力: 'hearing', 听力残疾: 'hearing', hearing: 'hearing',
    言语: 'speech', 言语残疾: 'speech', speech: 'speech',
    肢体: 'physical', 肢体残疾: 'physical', physical: 'physical',
    精神: 'mental', 精神残疾: 'mental', mental: 'mental',
    智力: 'intellectual', 智力残疾: 'intellectual', intellectual: 'intellectual',
    多重: 'multiple', 多重残疾: 'multiple', multiple: 'multiple',
  },
  household: {
    低保: 'dibao', 低保户: 'dibao', 最低生活保障: 'dibao', dibao: 'dibao',
    低保边缘: 'dibaoEdge', 低保边缘家庭: 'dibaoEdge', 低收入: 'dibaoEdge', 低收入家庭: 'dibaoEdge', dibaoedge: 'dibaoEdge',
    无: 'neither', 否: 'neither', 都不是: 'neither', 一般: 'neither', neither: 'neither',
  },
  noticeForm: {
    系统提示: 'systemPrompt', 信息提示: 'systemPrompt', systemprompt: 'systemPrompt',
    明白纸: 'plainSheet', plainsheet: 'plainSheet',
    告知书: 'letter', letter: 'letter',
    电话: 'phone', 电话通知: 'phone', phone: 'phone',
    入户: 'homeVisit', 入户走访: 'homeVisit', 走访: 'homeVisit', homevisit: 'homeVisit',
  },
  grade: { 一级: '1', 一: '1', 二级: '2', 二: '2', 三级: '3', 三: '3', 四级: '4', 四: '4', '1级': '1', '2级': '2', '3级': '3', '4级': '4' },
};
const UNKNOWN_WORDS = new Set(['', '?', '？', '不清楚', '不知道', '未知', 'unknown', 'not sure']);
const NONE_WORDS = new Set(['无', '没有', '否', '0', 'none', 'no']);

const aliasGroup = (f: FactField): Record<string, string> | undefined =>
  ENUMS[f] === TRI ? ALIASES.tri : ALIASES[f];

/**
 * Reads one CSV record (header → cell text) into Facts. Blank cells are 'unknown' (or absent, for
 * dates and text). Enum cells accept the schema's words and common Chinese words.
 */
export function parseFactsCells(record: Record<string, string | undefined>): ParseOutcome {
  const obj: Record<string, unknown> = {};
  const issues: FieldIssue[] = [];
  for (const [key, raw] of Object.entries(record)) {
    const header = key.trim();
    if (header === '') continue;
    if (!Object.hasOwn(factsShape, header)) {
      issues.push({ field: header, value: raw, code: 'unknownField', allowed: FACT_FIELDS });
      continue;
    }
    const f = header as FactField;
    const cell = (raw ?? '').trim();
    const lower = cell.toLowerCase();
    const kind = fieldKind(f);
    if (kind === 'text') {
      if (cell !== '') obj[f] = cell;
    } else if (kind === 'date') {
      if (cell === '') continue;
      const iso = cell.replace(/^(\d{4})[/.年](\d{1,2})[/.月](\d{1,2})日?$/, (_, y, m, d) => `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`);
      obj[f] = iso;
      if (!isIsoDate(iso)) {
        issues.push({ field: f, value: cell, code: 'badDate' });
        delete obj[f];
      }
    } else if (kind === 'allowances') {
      if (UNKNOWN_WORDS.has(lower)) obj[f] = 'unknown';
      else if (NONE_WORDS.has(lower)) obj[f] = [];
      else {
        const parts = cell.split(/[;；、|]/).map((p) => p.trim().replace(/元.*$/, ''));
        const list = parts.map((p) => (UNKNOWN_WORDS.has(p.toLowerCase()) ? 'unknown' : /^\d+$/.test(p) ? Number(p) : NaN));
        if (list.some((v) => v !== 'unknown' && !isAmount(v))) issues.push({ field: f, value: cell, code: 'badAmount' });
        else obj[f] = list;
      }
    } else {
      if (UNKNOWN_WORDS.has(lower)) {
        if (f !== 'noticeForm') obj[f] = 'unknown';
        continue;
      }
      const mapped = aliasGroup(f)?.[lower] ?? aliasGroup(f)?.[cell] ?? cell;
      if (kind === 'grade') obj[f] = /^[1-4]$/.test(mapped) ? Number(mapped) : mapped;
      else obj[f] = mapped;
    }
  }
  const parsed = parseFactsObject(obj);
  if (!parsed.ok) {
    // report the cell text the person typed, not our normalised form
    for (const i of parsed.issues) issues.push({ ...i, value: record[i.field] ?? i.value });
    return { ok: false, issues };
  }
  return issues.length ? { ok: false, issues } : parsed;
}

/** Writes Facts back to CSV cells in the schema's own words (the inverse of parseFactsCells). */
export function factsToCells(facts: Facts): Record<FactField, string> {
  const out = {} as Record<FactField, string>;
  for (const f of FACT_FIELDS) {
    const v = facts[f];
    out[f] = v === undefined ? '' : Array.isArray(v) ? (v.length ? v.join(';') : 'none') : String(v);
  }
  return out;
}

// ---------------------------------------------------------------- messages

export type Lang = 'zh-CN' | 'en';

const FIELD_NAMES: Record<Lang, Record<FactField, string>> = {
  'zh-CN': {
    ref: '姓名或编号', hukou: '户籍', certificate: '残疾人证', category: '残疾类别', grade: '残疾等级', household: '家庭类别（低保/低保边缘）',
    tekun: '特困人员供养', workInjuryCareFee: '工伤保险生活护理费', inPrison: '在监狱服刑', orphanGuarantee: '孤儿基本生活保障',
    orphanInInstitution: '机构集中养育', institutionCareFunded: '儿童福利机构已纳入护理类补贴保障', welfareLivingAllowances: '福利性生活补贴（津贴）金额',
    welfareCareAllowances: '福利性护理补贴（津贴）金额', homeCareNursingSubsidy: '居家养老护理补贴金额', homeElderlyServiceSubsidy: '居家养老服务补贴',
    advancedAgeAllowance: '高龄津贴', dibaoSince: '新纳入低保日期', dibaoEdgeSince: '新纳入低保边缘日期', certifiedOn: '新办残疾人证日期',
    noticeGivenOn: '告知日期', noticeForm: '告知形式', appliedOn: '申请日期', notes: '备注',
  },
  en: {
    ref: 'name or reference', hukou: 'household registration', certificate: 'disability certificate', category: 'disability category', grade: 'disability grade',
    household: 'household status (低保 / 低保边缘)', tekun: 'extreme-poverty support (特困)', workInjuryCareFee: 'work-injury living-care fee',
    inPrison: 'serving a prison sentence', orphanGuarantee: 'orphan basic-living guarantee', orphanInInstitution: 'raised in an institution',
    institutionCareFunded: 'institution already funded for care', welfareLivingAllowances: 'welfare living allowance amounts',
    welfareCareAllowances: 'welfare care allowance amounts', homeCareNursingSubsidy: 'home elderly-care nursing subsidy amount',
    homeElderlyServiceSubsidy: 'home elderly-care service subsidy', advancedAgeAllowance: 'advanced-age allowance', dibaoSince: 'date newly in 低保',
    dibaoEdgeSince: 'date newly in 低保边缘', certifiedOn: 'date certificate newly issued', noticeGivenOn: 'date notice was given',
    noticeForm: 'form of notice', appliedOn: 'date of application', notes: 'notes',
  },
};

export const fieldName = (field: string, lang: Lang): string => FIELD_NAMES[lang][field as FactField] ?? field;

const show = (v: unknown): string => (typeof v === 'string' ? `“${v}”` : JSON.stringify(v) ?? String(v));

/** One sentence naming the field, the value and what is allowed. */
export function formatIssue(i: FieldIssue, lang: Lang): string {
  const name = fieldName(i.field, lang);
  const allowed = i.allowed?.join(lang === 'zh-CN' ? '、' : ', ');
  if (lang === 'zh-CN') {
    switch (i.code) {
      case 'unknownField':
        return `未知的栏目 ${show(i.field)}：可用的栏目有 ${allowed}`;
      case 'notAllowed':
        return `${name}（${i.field}）的值 ${show(i.value)} 无效：可填 ${allowed}`;
      case 'badDate':
        return `${name}（${i.field}）的值 ${show(i.value)} 不是有效日期：请按 年-月-日 填写，如 2025-07-01`;
      case 'badAmount':
        return `${name}（${i.field}）的值 ${show(i.value)} 无效：请填每月金额（元，整数，1 至 1000000），多项用分号隔开；没有填“无”，不清楚填“不清楚”`;
      case 'tooLong':
        return `${name}（${i.field}）太长：最多 ${allowed} 个字`;
      case 'badType':
        return `${name}（${i.field}）的值 ${show(i.value)} 类型不对：应为一条记录（对象）或文字`;
    }
  }
  switch (i.code) {
    case 'unknownField':
      return `Unknown column ${show(i.field)}: the columns are ${allowed}`;
    case 'notAllowed':
      return `${name} (${i.field}): ${show(i.value)} is not allowed; use one of ${allowed}`;
    case 'badDate':
      return `${name} (${i.field}): ${show(i.value)} is not a valid date; write it as YYYY-MM-DD, e.g. 2025-07-01`;
    case 'badAmount':
      return `${name} (${i.field}): ${show(i.value)} is not valid; give monthly amounts in whole yuan (1 to 1000000), several separated by semicolons; "none" if none, "unknown" if not sure`;
    case 'tooLong':
      return `${name} (${i.field}) is too long: at most ${allowed} characters`;
    case 'badType':
      return `${name} (${i.field}): ${show(i.value)} has the wrong type; expected a record (object) or text`;
  }
}
