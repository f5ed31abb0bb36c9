import { describe, expect, it } from 'vitest';
import { applyNumbers, formatNumberWarning, idCheckChar as checkOf, readCertNumber, readIdNumber } from '../../src/facts/idnumbers';
import { unknownFacts, type Facts } from '../../src/facts/schema';

// The two worked examples printed in GB 11643-1999 (CN-ID-NUMBER)
const STANDARD_EXAMPLES = ['11010519491231002X', '440524188001010014'];
const TYPO = '110105194912310021'; // the first example with its check character changed
const row = (over: Partial<Facts> = {}): Facts => ({ ...unknownFacts(), ...over }) as Facts;

describe('citizen ID numbers (CN-ID-NUMBER)', () => {
  it('the worked examples of GB 11643-1999 pass the ISO 7064 MOD 11-2 check, with X as a check character', () => {
    for (const id of STANDARD_EXAMPLES) expect(readIdNumber(id).ok, id).toBe(true);
  });

  it('an ID number with one digit copied wrong is reported as a typo, naming the check character it should have', () => {
    const r = readIdNumber(TYPO);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toEqual({ code: 'idCheck', expected: 'X', given: '1' });
    const swapped = readIdNumber('440524188001010041');
    expect(swapped.ok).toBe(false);
  });

  it('a lower-case x, spaces and full-width digits as a spreadsheet may hold them are read as the same number', () => {
    expect(readIdNumber(' 11010519491231002x ').ok).toBe(true);
    expect(readIdNumber('４４０５２４１８８００１０１００１４').ok).toBe(true);
  });

  it('a number of the wrong length, with letters, or with an impossible birth date is reported as such', () => {
    expect(readIdNumber('1101051949123100')).toEqual({ ok: false, problem: { code: 'idLength', length: 16 } });
    expect(readIdNumber('11010519491231A02X')).toEqual({ ok: false, problem: { code: 'idChars' } });
    expect(readIdNumber('110105194902300021')).toMatchObject({ ok: false, problem: { code: 'idBirthDate', birthDate: '19490230' } });
  });

  it('a birth date of 29 February is a date only in a leap year (2000 and 1948 are, 1900 and 1949 are not), and the 31st only in a month that has one', () => {
    const birth = (id: string) => {
      const r = readIdNumber(id);
      return r.ok || r.problem.code !== 'idBirthDate';
    };
    const withCheck = (first17: string) => first17 + checkOf(first17);
    expect(birth(withCheck('11010520000229002'))).toBe(true);
    expect(birth(withCheck('11010519480229002'))).toBe(true);
    expect(birth(withCheck('11010519000229002'))).toBe(false);
    expect(birth(withCheck('11010519490229002'))).toBe(false);
    expect(birth(withCheck('11010519490431002'))).toBe(false);
    expect(birth(withCheck('11010519491231002'))).toBe(true);
    expect(birth(withCheck('11010519491301002'))).toBe(false);
  });
});

describe('disability certificate numbers (CN-CERT-NUMBER)', () => {
  it('a certificate number ending in 42 is 肢体 grade 2, the example FACTS.md gives', () => {
    expect(readCertNumber(`${STANDARD_EXAMPLES[1]}42`)).toMatchObject({ ok: true, category: 'physical', grade: 2 });
  });

  it('each category digit reads as FACTS.md lists it: 1 视力, 2 听力, 3 言语, 4 肢体, 5 智力, 6 精神, 7 多重', () => {
    const listed = ['visual', 'hearing', 'speech', 'physical', 'intellectual', 'mental', 'multiple'];
    listed.forEach((category, i) => expect(readCertNumber(`${STANDARD_EXAMPLES[0]}${i + 1}1`)).toMatchObject({ ok: true, category, grade: 1 }));
  });

  it('a category digit 8 or a grade digit 5 is not a certificate number', () => {
    expect(readCertNumber(`${STANDARD_EXAMPLES[0]}81`)).toMatchObject({ ok: false, problem: { code: 'certCategory', digit: '8' } });
    expect(readCertNumber(`${STANDARD_EXAMPLES[0]}45`)).toMatchObject({ ok: false, problem: { code: 'certGrade', digit: '5' } });
    expect(readCertNumber(STANDARD_EXAMPLES[0]!)).toMatchObject({ ok: false, problem: { code: 'certLength', length: 18 } });
  });
});

describe('a row takes its category, grade and certificate from its certificate number', () => {
  it('where the category and grade columns are missing, the row takes them from the number and counts as holding a certificate', () => {
    const { facts, warnings } = applyNumbers(row({ hukou: 'tianjin' }), { certNumber: `${STANDARD_EXAMPLES[1]}42` });
    expect(facts).toMatchObject({ category: 'physical', grade: 2, certificate: 'valid', hukou: 'tianjin' });
    expect(warnings).toEqual([]);
  });

  it('where the columns agree with the number there is no warning', () => {
    const { warnings } = applyNumbers(row({ category: 'physical', grade: 2, certificate: 'valid' }), { certNumber: `${STANDARD_EXAMPLES[1]}42` });
    expect(warnings).toEqual([]);
  });

  it('a grade column that disagrees with the number keeps the grade given and warns, never silently', () => {
    const { facts, warnings } = applyNumbers(row({ category: 'physical', grade: 3 }), { certNumber: `${STANDARD_EXAMPLES[1]}42` });
    expect(facts.grade).toBe(3);
    expect(warnings).toEqual([{ code: 'gradeMismatch', fromNumber: 2, given: 3 }]);
    expect(formatNumberWarning(warnings[0]!, 'zh-CN')).toContain('请核对');
  });

  it('a category column that disagrees with the number keeps the category given and warns', () => {
    const { facts, warnings } = applyNumbers(row({ category: 'visual' }), { certNumber: `${STANDARD_EXAMPLES[1]}42` });
    expect(facts.category).toBe('visual');
    expect(warnings.map((w) => w.code)).toEqual(['categoryMismatch']);
    expect(formatNumberWarning(warnings[0]!, 'zh-CN')).toContain('肢体');
  });

  it('a certificate column saying "none" beside a certificate number is kept and warned about', () => {
    const { facts, warnings } = applyNumbers(row({ certificate: 'none' }), { certNumber: `${STANDARD_EXAMPLES[1]}42` });
    expect(facts.certificate).toBe('none');
    expect(warnings.map((w) => w.code)).toContain('certificateMismatch');
  });

  it('an unreadable certificate number changes nothing and says why', () => {
    const before = row();
    const { facts, warnings } = applyNumbers(before, { certNumber: '1201' });
    expect(facts).toEqual(before);
    expect(warnings).toEqual([{ code: 'certNumber', problem: { code: 'certLength', length: 4 } }]);
    expect(formatNumberWarning(warnings[0]!, 'en')).toMatch(/20 characters/);
  });

  it('an ID number with a typo is a warning on the row; the row is still screened', () => {
    const { facts, warnings } = applyNumbers(row({ hukou: 'tianjin' }), { idNumber: TYPO });
    expect(facts.hukou).toBe('tianjin');
    expect(warnings).toEqual([{ code: 'idNumber', source: 'id', problem: { code: 'idCheck', expected: 'X', given: '1' } }]);
    expect(formatNumberWarning(warnings[0]!, 'zh-CN')).toContain('校验位应为 X');
  });

  it('an ID number that differs from the one inside the certificate number is a warning', () => {
    const { warnings } = applyNumbers(row(), { certNumber: `${STANDARD_EXAMPLES[1]}42`, idNumber: STANDARD_EXAMPLES[0] });
    expect(warnings.map((w) => w.code)).toEqual(['idMismatch']);
  });

  it('the ID number never gives the 户籍: a Tianjin address code leaves an unknown 户籍 unknown (CN-ID-NUMBER)', () => {
    const tianjinCode = '120105194912310021'.slice(0, 17);
    const { facts } = applyNumbers(row(), { idNumber: tianjinCode + 'X', certNumber: `${tianjinCode}X11` });
    expect(facts.hukou).toBe('unknown');
  });

  it('blank cells are no number', () => {
    const before = row();
    expect(applyNumbers(before, { certNumber: '  ', idNumber: '' })).toEqual({ facts: before, warnings: [] });
  });
});
