/**
 * The numbers a roster carries: the 18-digit citizen ID number (CN-ID-NUMBER, GB 11643-1999) and
 * the 20-digit second-generation disability certificate number (CN-CERT-NUMBER): the holder's ID
 * number, one digit for the category, one for the grade.
 *
 * From a certificate number a row takes its category and grade where those columns are missing,
 * cross-checks them where present (a mismatch is a warning, never silent), and counts as holding a
 * certificate. The ID's address code is where the person was first registered, NOT today's 户籍:
 * nothing here reads 户籍 from it.
 *
 * Pure: no DOM, no Node.
 */
import type { Category, Facts } from './schema';

/** CN-CERT-NUMBER: the category digit. */
export const CERT_CATEGORY_DIGITS: Readonly<Record<string, Category>> = {
  '1': 'visual',
  '2': 'hearing',
  '3': 'speech',
  '4': 'physical',
  '5': 'intellectual',
  '6': 'mental',
  '7': 'multiple',
};

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** ISO 7064 MOD 11-2 check character of the first 17 digits of an ID number. */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

const PLAIN_NUMBER = /^\d+X?$/;

/** Spaces and full-width digits as typed in a spreadsheet; a lower-case x as X. */
export function normaliseNumber(raw: string): string {
  // the usual case, plain digits: nothing to change
  if (PLAIN_NUMBER.test(raw)) return raw;
  return raw
    .replace(/[\s\u3000'’‘`]/g, '')
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[xｘＸ]/g, 'X');
}
export type IdProblem =
  /** not 18 characters */
  | { code: 'idLength'; length: number }
  /** a character other than digits and a final X */
  | { code: 'idChars' }
  /** the birth date (characters 7–14) is not a date */
  | { code: 'idBirthDate'; birthDate: string }
  /** the check character does not match the other 17: a typo */
  | { code: 'idCheck'; expected: string; given: string };

export type IdReading = { ok: true; id: string; birthDate: string } | { ok: false; problem: IdProblem };

function validDate(yyyymmdd: string): boolean {
  return validYmd(Number(yyyymmdd.slice(0, 4)), Number(yyyymmdd.slice(4, 6)), Number(yyyymmdd.slice(6, 8)));
}

function validYmd(y: number, m: number, d: number): boolean {
  if (y < 1850 || m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (m === 2 ? (leap ? 29 : 28) : DAYS_IN_MONTH[m]!);
}
const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether a text is 17 digits then a digit or X (a roster's usual ID cell: nothing to normalise). */
function plainId(s: string): boolean {
  for (let i = 0; i < 17; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  const last = s.charCodeAt(17);
  return (last >= 48 && last <= 57) || last === 88;
}

/**
 * The problem of an ID number given as UTF-8 bytes b[s..e) (a roster read as bytes), as
 * readIdNumber() finds it, without making a string: null when it has none; undefined when the
 * bytes are not 17 digits then a digit or X (read its text with readIdNumber instead).
 */
export function plainIdBytesProblem(b: Uint8Array, s: number, e: number): IdProblem | null | undefined {
  if (e - s !== 18) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const c = b[s + i]!;
    if (c < 48 || c > 57) return undefined;
    sum += (c - 48) * WEIGHTS[i]!;
  }
  const last = b[s + 17]!;
  if (!((last >= 48 && last <= 57) || last === 88)) return undefined;
  const digit = (k: number) => b[s + k]! - 48;
  const y = digit(6) * 1000 + digit(7) * 100 + digit(8) * 10 + digit(9);
  const m = digit(10) * 10 + digit(11);
  const d = digit(12) * 10 + digit(13);
  if (!validYmd(y, m, d)) return { code: 'idBirthDate', birthDate: String.fromCharCode(...b.subarray(s + 6, s + 14)) };
  const expected = CHECK_CHARS[sum % 11]!;
  const given = String.fromCharCode(last);
  return given === expected ? null : { code: 'idCheck', expected, given };
}

/** Reads an 18-character citizen ID number and checks its birth date and check character. */
export function readIdNumber(raw: string): IdReading {
  const plain = raw.length === 18 && plainId(raw);
  const id = plain ? raw : normaliseNumber(raw);
  if (id.length !== 18) return { ok: false, problem: { code: 'idLength', length: id.length } };
  if (!plain && !plainId(id)) return { ok: false, problem: { code: 'idChars' } };
  const birth = id.slice(6, 14);
  if (!validDate(birth)) return { ok: false, problem: { code: 'idBirthDate', birthDate: birth } };
  const expected = idCheckChar(id);
  if (id[17] !== expected) return { ok: false, problem: { code: 'idCheck', expected, given: id[17]! } };
  return { ok: true, id, birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}` };
}

export type CertProblem =
  | { code: 'certLength'; length: number }
  | { code: 'certChars' }
  /** the 19th character is not a category digit 1–7 */
  | { code: 'certCategory'; digit: string }
  /** the 20th character is not a grade 1–4 */
  | { code: 'certGrade'; digit: string };

export type CertReading =
  | {
      ok: true;
      category: Category;
      grade: 1 | 2 | 3 | 4;
      /** the holder's ID number (the first 18 characters), and its own problem if it has one */
      id: string;
      idProblem: IdProblem | null;
    }
  | { ok: false; problem: CertProblem };

/** Reads a 20-character disability certificate number (CN-CERT-NUMBER). */
export function readCertNumber(raw: string): CertReading {
  const n = normaliseNumber(raw);
  if (n.length !== 20) return { ok: false, problem: { code: 'certLength', length: n.length } };
  if (!/^\d{17}[\dX]\d\d$/.test(n)) return { ok: false, problem: { code: 'certChars' } };
  const category = CERT_CATEGORY_DIGITS[n[18]!];
  if (!category) return { ok: false, problem: { code: 'certCategory', digit: n[18]! } };
  const g = Number(n[19]);
  if (g < 1 || g > 4) return { ok: false, problem: { code: 'certGrade', digit: n[19]! } };
  const id = n.slice(0, 18);
  const idReading = readIdNumber(id);
  return { ok: true, category, grade: g as 1 | 2 | 3 | 4, id, idProblem: idReading.ok ? null : idReading.problem };
}

/** A warning on a row: the row is still screened, and the warning is shown beside it. */
export type NumberWarning =
  | { code: 'certNumber'; problem: CertProblem }
  | { code: 'idNumber'; source: 'id' | 'cert'; problem: IdProblem }
  | { code: 'categoryMismatch'; fromNumber: Category; given: Category }
  | { code: 'gradeMismatch'; fromNumber: 1 | 2 | 3 | 4; given: 1 | 2 | 3 | 4 }
  | { code: 'certificateMismatch'; given: 'none' }
  | { code: 'idMismatch'; fromCert: string; given: string };

export interface NumberCells {
  /** 残疾人证号, as written in the cell */
  certNumber?: string | undefined;
  /** 身份证号, as written in the cell */
  idNumber?: string | undefined;
}

const CERT_FORMAT = /^\d{17}[\dX]\d\d$/;

/**
 * What of a certificate number settles a row's facts: its category and grade digits when it is
 * well formed, else the whole cell (a screening remembers readings by this key).
 */
export function certNumberKey(cell: string | undefined): string {
  const n = normaliseNumber(cell ?? '');
  return CERT_FORMAT.test(n) ? `#${n.slice(18)}` : n;
}

/**
 * Fills a row's facts from its certificate number: the category, grade and certificate where their
 * own columns are blank; a column that disagrees keeps its answer and gives a warning. Depends on
 * the number only through certNumberKey().
 */
export function certificateFacts(facts: Facts, certNumber: string | undefined): { facts: Facts; warnings: NumberWarning[] } {
  const raw = certNumber?.trim() ?? '';
  if (!raw) return { facts, warnings: [] };
  const cert = readCertNumber(raw);
  if (!cert.ok) return { facts, warnings: [{ code: 'certNumber', problem: cert.problem }] };
  const warnings: NumberWarning[] = [];
  const next = { ...facts };
  if (facts.category === 'unknown') next.category = cert.category;
  else if (facts.category !== cert.category) warnings.push({ code: 'categoryMismatch', fromNumber: cert.category, given: facts.category });
  if (facts.grade === 'unknown') next.grade = cert.grade;
  else if (facts.grade !== cert.grade) warnings.push({ code: 'gradeMismatch', fromNumber: cert.grade, given: facts.grade });
  if (facts.certificate === 'unknown') next.certificate = 'valid';
  else if (facts.certificate === 'none') warnings.push({ code: 'certificateMismatch', given: 'none' });
  return { facts: next, warnings };
}

/**
 * The warnings of a row's ID number: its check character, birth date and length (the ID inside a
 * certificate number when there is no ID column), and an ID that differs from the certificate's.
 */
export function rowNumberWarnings(cells: NumberCells): NumberWarning[] {
  const certRaw = cells.certNumber?.trim() ?? '';
  const idRaw = cells.idNumber?.trim() ?? '';
  const out: NumberWarning[] = [];
  const cert = certRaw ? readCertNumber(certRaw) : null;
  if (idRaw) {
    const id = readIdNumber(idRaw);
    if (!id.ok) out.push({ code: 'idNumber', source: 'id', problem: id.problem });
    else if (cert?.ok && cert.id !== id.id) out.push({ code: 'idMismatch', fromCert: cert.id, given: id.id });
  } else if (cert?.ok && cert.idProblem) out.push({ code: 'idNumber', source: 'cert', problem: cert.idProblem });
  return out;
}

/**
 * Fills a row's facts from its certificate number and checks its ID number (certificateFacts and
 * rowNumberWarnings together). A blank cell is no number.
 */
export function applyNumbers(facts: Facts, cells: NumberCells): { facts: Facts; warnings: NumberWarning[] } {
  const c = certificateFacts(facts, cells.certNumber);
  return { facts: c.facts, warnings: [...c.warnings, ...rowNumberWarnings(cells)] };
}

// ---------------------------------------------------------------- messages

type Lang = 'zh-CN' | 'en';
const CATEGORY_WORDS: Record<Lang, Record<Category, string>> = {
  'zh-CN': { visual: '视力', hearing: '听力', speech: '言语', physical: '肢体', intellectual: '智力', mental: '精神', multiple: '多重' },
  en: { visual: 'visual', hearing: 'hearing', speech: 'speech', physical: 'physical', intellectual: 'intellectual', mental: 'mental', multiple: 'multiple' },
};

function idProblemText(p: IdProblem, lang: Lang): string {
  if (lang === 'zh-CN')
    switch (p.code) {
      case 'idLength':
        return `应为 18 位，这里是 ${p.length} 位`;
      case 'idChars':
        return '只能是数字，最后一位可以是 X';
      case 'idBirthDate':
        return `第 7–14 位的出生日期 ${p.birthDate} 不是有效日期`;
      case 'idCheck':
        return `校验位应为 ${p.expected}，这里是 ${p.given}，可能抄错了某一位`;
    }
  switch (p.code) {
    case 'idLength':
      return `should have 18 characters, this one has ${p.length}`;
    case 'idChars':
      return 'may hold only digits, and X as the last character';
    case 'idBirthDate':
      return `the birth date in characters 7–14, ${p.birthDate}, is not a date`;
    case 'idCheck':
      return `the check character should be ${p.expected}, not ${p.given}: a digit was probably copied wrong`;
  }
}

function certProblemText(p: CertProblem, lang: Lang): string {
  if (lang === 'zh-CN')
    switch (p.code) {
      case 'certLength':
        return `应为 20 位（身份证号 18 位 + 类别 1 位 + 等级 1 位），这里是 ${p.length} 位`;
      case 'certChars':
        return '只能是数字（第 18 位可以是 X）';
      case 'certCategory':
        return `第 19 位是残疾类别，应为 1–7，这里是 ${p.digit}`;
      case 'certGrade':
        return `第 20 位是残疾等级，应为 1–4，这里是 ${p.digit}`;
    }
  switch (p.code) {
    case 'certLength':
      return `should have 20 characters (the 18 of the ID number, then category and grade), this one has ${p.length}`;
    case 'certChars':
      return 'may hold only digits (X as the 18th)';
    case 'certCategory':
      return `the 19th digit is the category, 1–7, not ${p.digit}`;
    case 'certGrade':
      return `the 20th digit is the grade, 1–4, not ${p.digit}`;
  }
}

/** One sentence for a warning, in the interface's language. */
export function formatNumberWarning(w: NumberWarning, lang: Lang): string {
  const zh = lang === 'zh-CN';
  const cat = CATEGORY_WORDS[lang];
  switch (w.code) {
    case 'certNumber':
      return zh ? `残疾人证号无法读取：${certProblemText(w.problem, lang)}` : `Disability certificate number not read: it ${certProblemText(w.problem, lang)}`;
    case 'idNumber':
      return zh
        ? `${w.source === 'cert' ? '残疾人证号中的身份证号' : '身份证号'}${idProblemText(w.problem, lang)}`
        : `${w.source === 'cert' ? 'The ID number inside the certificate number' : 'ID number'}: ${idProblemText(w.problem, lang)}`;
    case 'categoryMismatch':
      return zh
        ? `残疾类别填的是“${cat[w.given]}”，残疾人证号显示为“${cat[w.fromNumber]}”，请核对；按所填类别计算`
        : `Disability category given as ${cat[w.given]}, but the certificate number says ${cat[w.fromNumber]}: please check; the category given is used`;
    case 'gradeMismatch':
      return zh
        ? `残疾等级填的是 ${w.given} 级，残疾人证号显示为 ${w.fromNumber} 级，请核对；按所填等级计算`
        : `Disability grade given as ${w.given}, but the certificate number says ${w.fromNumber}: please check; the grade given is used`;
    case 'certificateMismatch':
      return zh ? '残疾人证填的是“无”，但有残疾人证号，请核对；按所填“无”计算' : 'Certificate given as "none", but there is a certificate number: please check; "none" is used';
    case 'idMismatch':
      return zh
        ? `身份证号 ${w.given} 与残疾人证号的前 18 位 ${w.fromCert} 不一致，请核对`
        : `ID number ${w.given} differs from the first 18 characters of the certificate number, ${w.fromCert}: please check`;
  }
}
