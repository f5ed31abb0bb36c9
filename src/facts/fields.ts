/**
 * The one registry of fact fields. Each field is described once, here: its kind, the values it
 * allows, the words a spreadsheet cell may hold for each value (Chinese first), the header names a
 * roster may give its column, its limits, whether a case page shows it, and the values a what-if
 * tries. The zod schema (schema.ts), the JSON and CSV readers (parse.ts), the one header matcher
 * (src/screening/headers.ts), the caseload's list of shown fields and the i18n label keys
 * (src/i18n/locales/<lang>/fields.ts, `satisfies Record<FieldName, string>`) all derive from it.
 *
 * Pure data: imports nothing.
 */

/** How a field's value is written and read. */
export type FieldKind =
  /** one of `values`, or 'unknown' */
  | 'choice'
  /** one of `values`, or absent (no 'unknown': the form of notice) */
  | 'optionalChoice'
  /** 1–4 or 'unknown' */
  | 'grade'
  /** a list of monthly amounts in whole yuan, [] = none, or 'unknown' */
  | 'allowances'
  /** YYYY-MM-DD, or absent */
  | 'date'
  /** free text within `max` characters, or absent; no clause reads it */
  | 'text';

export interface FieldSpec {
  kind: FieldKind;
  /** the values a choice allows (without 'unknown') */
  values?: readonly string[];
  /** per value, the words accepted in a CSV cell besides the value itself (compared case-insensitively) */
  words?: Readonly<Record<string, readonly string[]>>;
  /** header names a roster gives this column (besides the field name and its i18n labels) */
  headers: readonly string[];
  /** the longest text (text fields) */
  max?: number;
  /** position on a case page and the visit summary (absent: not shown) */
  shown?: number;
  /** whether any clause reads the field */
  read: boolean;
}

export const YES_NO = ['yes', 'no'] as const;
const YES_NO_WORDS = { yes: ['是', '有', '√', 'y', 'true'], no: ['否', '无', '没有', '不是', '×', 'n', 'false'] } as const;

export const ALLOWANCE_LIMITS = { minYuan: 1, maxYuan: 1_000_000, maxItems: 20 } as const;

/** Tianjin's districts: a 户籍 of one of them (with or without 天津市) is Tianjin. */
export const TIANJIN_DISTRICTS = [
  '和平区', '河东区', '河西区', '南开区', '河北区', '红桥区', '东丽区', '西青区', '津南区', '北辰区',
  '武清区', '宝坻区', '宁河区', '静海区', '蓟州区', '滨海新区',
] as const;

/** Province-level names other than Tianjin: a 户籍 starting with one of them is another place. */
export const OTHER_PROVINCES = [
  '北京', '上海', '重庆', '河北省', '山西', '辽宁', '吉林', '黑龙江', '江苏', '浙江', '安徽', '福建', '江西', '山东', '河南',
  '湖北', '湖南', '广东', '海南', '四川', '贵州', '云南', '陕西', '甘肃', '青海', '台湾', '内蒙古', '广西', '西藏', '宁夏',
  '新疆', '香港', '澳门',
] as const;

const tri = (shown: number, headers: readonly string[]) => ({ kind: 'choice', values: YES_NO, words: YES_NO_WORDS, headers, shown, read: true }) as const;
const amounts = (shown: number, headers: readonly string[]) => ({ kind: 'allowances', headers, shown, read: true }) as const;
const date = (shown: number, headers: readonly string[]) => ({ kind: 'date', headers, shown, read: true }) as const;

/** Grade words: 一级 / 一 / 壹级 / 壹 / 1级 / 1 / １ / Ⅰ级 … for each grade. */
const gradeWords = (n: number, zh: string, capital: string, roman: string): string[] => {
  const full = String.fromCharCode(0xff10 + n);
  return [`${zh}级`, zh, `${capital}级`, capital, `${n}级`, `${zh}级残疾`, `${capital}级残疾`, `${n}级残疾`, full, `${full}级`, `${roman}级`, roman];
};

export const FIELDS = {
  ref: { kind: 'text', max: 200, read: false, headers: ['姓名', '名字', '编号', '人员编号', '残疾人姓名', '申请人', '申请人姓名', 'name', 'id', 'reference'] },
  hukou: {
    kind: 'choice',
    values: ['tianjin', 'other'],
    words: { tianjin: ['天津', '天津市', '本市', '天津户籍', '本市户籍'], other: ['外地', '外省市', '非本市', '外省', '外市', '非天津', '外地户籍'] },
    headers: ['户籍', '户口', '户籍地', '户籍所在地', '户口所在地', '是否天津户籍', '天津户籍', '是否本市户籍', '户籍地址'],
    shown: 1,
    read: true,
  },
  certificate: {
    kind: 'choice',
    values: ['valid', 'none'],
    words: { valid: ['有', '有效', '是', '持证', '已办'], none: ['无', '没有', '过期', '否', '未办', '无证'] },
    headers: ['残疾人证', '残疾证', '持证', '持证情况', '是否持证', '有无残疾人证', '持有残疾人证', '残疾人证状态'],
    shown: 2,
    read: true,
  },
  category: {
    kind: 'choice',
    values: ['visual', 'hearing', 'speech', 'physical', 'mental', 'intellectual', 'multiple'],
    words: {
      visual: ['视力', '视力残疾', '视残', '盲'],
      hearing: ['听力', '听力残疾', '听残', '聋'],
      speech: ['言语', '言语残疾', '语言', '语言残疾'],
      physical: ['肢体', '肢体残疾', '肢残'],
      mental: ['精神', '精神残疾', '精残'],
      intellectual: ['智力', '智力残疾', '智残'],
      multiple: ['多重', '多重残疾'],
    },
    headers: ['残疾类别', '残疾类型', '残疾种类', '类别', 'disabilitycategory'],
    shown: 3,
    read: true,
  },
  grade: {
    kind: 'grade',
    values: ['1', '2', '3', '4'],
    words: { 1: gradeWords(1, '一', '壹', 'Ⅰ'), 2: gradeWords(2, '二', '贰', 'Ⅱ'), 3: gradeWords(3, '三', '叁', 'Ⅲ'), 4: gradeWords(4, '四', '肆', 'Ⅳ') },
    headers: ['残疾等级', '残疾级别', '等级', '级别', 'disabilitygrade'],
    shown: 4,
    read: true,
  },
  household: {
    kind: 'choice',
    values: ['dibao', 'dibaoEdge', 'neither'],
    words: {
      dibao: ['低保', '低保户', '低保家庭', '最低生活保障', '城市低保', '农村低保', '城乡低保'],
      dibaoEdge: ['低保边缘', '低保边缘户', '低保边缘家庭', '低收入', '低收入家庭', '低收入户'],
      neither: ['无', '否', '都不是', '一般', '非低保'],
    },
    headers: ['低保', '家庭类别', '低保/家庭类别', '低保或低保边缘', '家庭类型', '低保类型', '低保类别', '低保情况', '救助类别', '保障类别'],
    shown: 5,
    read: true,
  },
  tekun: tri(9, ['特困', '特困人员', '特困供养', '是否特困', '特困人员供养', '是否特困人员']),
  workInjuryCareFee: tri(10, ['工伤保险生活护理费', '工伤护理费', '领取工伤保险生活护理费', '工伤', '是否领取工伤保险生活护理费']),
  inPrison: tri(11, ['服刑', '在监狱服刑', '是否服刑', '在押服刑']),
  orphanGuarantee: tri(12, ['孤儿', '孤儿基本生活保障', '孤儿保障', '是否孤儿']),
  orphanInInstitution: tri(13, ['机构集中养育', '集中养育', '机构养育']),
  institutionCareFunded: tri(14, ['机构已纳入护理类补贴', '已纳入护理类补贴保障']),
  welfareLivingAllowances: amounts(15, ['福利性生活补贴', '福利性生活补贴金额', '伤残抚恤', '伤残抚恤金']),
  welfareCareAllowances: amounts(16, ['福利性护理补贴', '福利性护理补贴金额']),
  homeCareNursingSubsidy: amounts(17, ['居家养老护理补贴', '居家养老护理补贴金额']),
  homeElderlyServiceSubsidy: tri(18, ['居家养老服务补贴']),
  advancedAgeAllowance: tri(19, ['高龄津贴', '高龄补贴']),
  dibaoSince: date(6, ['纳入低保日期', '新纳入低保日期', '低保日期', '低保时间', '低保纳入日期', '享受低保日期', '低保起始日期', '低保开始日期', '纳入低保时间']),
  dibaoEdgeSince: date(7, ['纳入低保边缘日期', '新纳入低保边缘日期', '低保边缘日期', '低保边缘时间', '低保边缘纳入日期', '纳入低收入日期']),
  certifiedOn: date(8, ['新办证日期', '办证日期', '发证日期', '办证时间', '发证时间', '新办残疾人证日期', '持证日期', '领证日期', '残疾人证发证日期']),
  noticeGivenOn: date(20, ['告知日期', '通知日期', '告知时间']),
  noticeForm: {
    kind: 'optionalChoice',
    values: ['systemPrompt', 'plainSheet', 'letter', 'phone', 'homeVisit'],
    words: {
      systemPrompt: ['系统提示', '信息提示'],
      plainSheet: ['明白纸'],
      letter: ['告知书'],
      phone: ['电话', '电话通知'],
      homeVisit: ['入户', '入户走访', '走访'],
    },
    headers: ['告知形式', '告知方式', '通知方式', '通知形式'],
    shown: 21,
    read: true,
  },
  appliedOn: date(22, ['申请日期', '申请时间']),
  notes: { kind: 'text', max: 5000, read: false, headers: ['备注', '说明', 'note', 'remarks'] },
} as const satisfies Record<string, FieldSpec>;

export type FieldName = keyof typeof FIELDS;
export const FIELD_NAMES = Object.keys(FIELDS) as FieldName[];
export const fieldSpec = (f: FieldName): FieldSpec => FIELDS[f];

/** The values of a choice field, without 'unknown'. */
type ValuesOf<F extends FieldName> = (typeof FIELDS)[F] extends { values: readonly (infer V)[] } ? V : never;
export const choiceValues = <F extends FieldName>(f: F): readonly ValuesOf<F>[] => ((FIELDS[f] as FieldSpec).values ?? []) as readonly ValuesOf<F>[];

/** The fields a case page and the visit summary show, in the order they show them. */
export const SHOWN_FIELDS: readonly FieldName[] = FIELD_NAMES.filter((f) => (FIELDS[f] as FieldSpec).shown !== undefined).sort(
  (a, b) => (FIELDS[a] as FieldSpec).shown! - (FIELDS[b] as FieldSpec).shown!,
);

// ---------------------------------------------------------------- what-if candidates

const yearsBefore = (iso: string, years: number): string => `${String(Number(iso.slice(0, 4)) - years).padStart(4, '0')}${iso.slice(4, 8)}01`;

/**
 * The values a what-if tries for a field (engine/relevance.ts and what-if.ts, for "could this answer change the
 * outcome?"): every choice and 'unknown'; for amounts an empty list, 'unknown', a list with an
 * unknown item, and the least and the most an item may be; for dates none, asOf and two years
 * before; for free text nothing but blank (no rule reads it). Kept here so that a new field's
 * candidates are written beside its other facts.
 */
export function whatIfCandidates(f: FieldName, asOf: string): readonly unknown[] {
  const s = FIELDS[f] as FieldSpec;
  switch (s.kind) {
    case 'choice':
      return [...s.values!, 'unknown'];
    case 'optionalChoice':
      return [undefined, ...s.values!];
    case 'grade':
      return [1, 2, 3, 4, 'unknown'];
    case 'allowances':
      return ['unknown', [], ['unknown'], [ALLOWANCE_LIMITS.minYuan], [ALLOWANCE_LIMITS.maxYuan]];
    case 'date':
      return [undefined, asOf, yearsBefore(asOf, 2)];
    case 'text':
      return [undefined];
  }
}

/** The answers to pick from for a field asked as a choice (no "not sure"); null for amounts, dates, text and optional choices. */
export function answerChoices(f: FieldName): readonly unknown[] | null {
  const s = FIELDS[f] as FieldSpec;
  if (s.kind === 'choice') return s.values!;
  if (s.kind === 'grade') return [1, 2, 3, 4];
  return null;
}

// ---------------------------------------------------------------- inputs that are not facts

/**
 * Columns a roster may have that are not facts themselves but settle one: the yes/no form of the
 * household columns, and numbers (certificate, ID) from which derived facts may be read. Matched by
 * the same header matcher as the fact fields.
 */
export const INPUTS = {
  /** 是否低保: 是 → 低保; 否 → not 低保 (低保边缘 or neither, as 是否低保边缘 says) */
  isDibao: { kind: 'choice', values: YES_NO, words: YES_NO_WORDS, headers: ['是否低保', '是否低保户', '是否享受低保', '享受低保', '低保户（是/否）'], read: true, into: 'household' },
  /** 是否低保边缘 */
  isDibaoEdge: {
    kind: 'choice',
    values: YES_NO,
    words: YES_NO_WORDS,
    headers: ['是否低保边缘', '是否低保边缘户', '是否低保边缘家庭', '是否低收入', '是否低收入家庭'],
    read: true,
    into: 'household',
  },
  /** 残疾人证号: a derivation (CN-CERT-NUMBER) may read category and grade from it */
  certificateNumber: { kind: 'text', max: 40, headers: ['残疾人证号', '残疾证号', '证号', '残疾人证编号', '证件号'], read: false, into: 'certificate' },
  /** 身份证号 (CN-ID-NUMBER) */
  idNumber: { kind: 'text', max: 40, headers: ['身份证号', '身份证号码', '公民身份号码', '身份证'], read: false, into: 'ref' },
} as const satisfies Record<string, FieldSpec & { into: FieldName }>;

export type InputName = keyof typeof INPUTS;
export const INPUT_NAMES = Object.keys(INPUTS) as InputName[];

/** What a roster column can hold: a fact field or one of the inputs above. */
export type ColumnName = FieldName | InputName;
export const COLUMN_NAMES: readonly ColumnName[] = [...FIELD_NAMES, ...INPUT_NAMES];
export const columnSpec = (c: ColumnName): FieldSpec => (c in FIELDS ? FIELDS[c as FieldName] : INPUTS[c as InputName]);
export const isInputName = (c: string): c is InputName => c in INPUTS;
