import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { parseFactsCells } from '../../src/facts/parse';
import { blankFacts, FACT_FIELDS, unknownFacts, type FactField } from '../../src/facts/schema';
import { headerField, isBlankRow, mapsAnything } from '../../src/screening/headers';
import { errorText } from '../../src/screening/messages';
import { RESULT_COLUMNS, resultCells } from '../../src/screening/results';
import { FileScreener, screenCsvText, screenRecord } from '../../src/screening/screen';
import { CsvReader } from '../../src/screening/read';
import { csvLine, toCsv } from '../../src/screening/write';

const AS_OF = '2025-08-01';
/** A 低保 person of grade 1 with a physical disability, in the words a spreadsheet holds. */
const GRADE_ONE_DIBAO: Record<string, string> = {
  ref: '张三',
  hukou: '天津',
  certificate: '有',
  category: '肢体',
  grade: '一级',
  household: '低保',
  tekun: '否',
  workInjuryCareFee: '否',
  inPrison: '否',
  orphanGuarantee: '否',
  welfareLivingAllowances: '无',
  welfareCareAllowances: '无',
  homeCareNursingSubsidy: '无',
};

describe('the CSV columns', () => {
  it('names the result columns the roster page and the command line both write', () => {
    for (const c of ['row', 'livingStatus', 'livingMonthly', 'livingTier', 'livingReasons', 'careStatus', 'careMonthly', 'carePayee', 'careReasons', 'total', 'dependsOn', 'noticeTrigger', 'noticeLastOnTimeDay', 'noticeStatus', 'noticeHolidayAdjusted', 'error'])
      expect(RESULT_COLUMNS).toContain(c);
  });

  it('accepts a field name in any letter case, its Chinese name, and a header with a byte-order mark', () => {
    expect(headerField('grade')).toBe('grade');
    expect(headerField(' Grade ')).toBe('grade');
    expect(headerField('户籍')).toBe('hukou');
    expect(headerField('\uFEFFref')).toBe('ref');
    expect(headerField('phone')).toBeNull();
  });
});

describe('screening one record', () => {
  it('reads the Chinese words 天津/有/肢体/一级/低保/否/无 and pays 300 + 200 yuan (TJ-LIVING-SCOPE, TJ-CARE-SCOPE)', () => {
    const o = screenRecord(GRADE_ONE_DIBAO, 2, AS_OF);
    expect(o.errors).toEqual([]);
    expect(o.facts).toMatchObject({ hukou: 'tianjin', certificate: 'valid', category: 'physical', grade: 1, household: 'dibao', tekun: 'no', welfareLivingAllowances: [] });
    const cells = resultCells(o.result!);
    expect(cells).toMatchObject({ livingStatus: 'paid', livingMonthly: '300', livingTier: 'severe', livingReasons: 'TJ-LIVING-SCOPE', careStatus: 'paid', careMonthly: '200', carePayee: 'person', careReasons: 'TJ-CARE-SCOPE', total: '500' });
  });

  it('reads 是 as yes: a person in 特困供养 gets neither subsidy (TJ-EXCLUDE-TEKUN)', () => {
    const o = screenRecord({ ...GRADE_ONE_DIBAO, tekun: '是' }, 3, AS_OF);
    const cells = resultCells(o.result!);
    expect(cells.livingStatus).toBe('excluded');
    expect(cells.livingReasons).toBe('TJ-EXCLUDE-TEKUN');
    expect(cells.careStatus).toBe('excluded');
    expect(cells.total).toBe('0');
  });

  it('treats blank cells as unknown and says which fields the result depends on', () => {
    const o = screenRecord({ ...GRADE_ONE_DIBAO, household: '', tekun: '' }, 2, AS_OF);
    const cells = resultCells(o.result!);
    expect(o.facts!.household).toBe('unknown');
    expect(cells.livingStatus).toBe('depends');
    expect((cells.dependsOn ?? '').split(';')).toEqual(expect.arrayContaining(['household', 'tekun']));
  });

  it('reports a wrong grade by field and value, with no result', () => {
    const o = screenRecord({ ...GRADE_ONE_DIBAO, grade: '五级' }, 7, AS_OF);
    expect(o.row).toBe(7);
    expect(o.result).toBeUndefined();
    expect(o.errors).toEqual([expect.objectContaining({ field: 'grade', value: '五级', code: 'notAllowed' })]);
    expect(errorText(o.errors, 'zh-CN')).toContain('残疾等级的值 “五级” 无法确定含义：可填 一级、一、壹级、壹、二级');
    expect(errorText(o.errors, 'zh-CN')).not.toMatch(/grade|unknown/);
    expect(errorText(o.errors, 'en')).toContain('disability grade (grade): "五级" cannot be read with certainty; use one of 1, 2, 3, 4, unknown');
  });

  it('reports an unknown category and an impossible date together, one sentence each', () => {
    const o = screenRecord({ ...GRADE_ONE_DIBAO, category: '翅膀', certifiedOn: '2025-02-30' }, 4, AS_OF);
    expect(o.errors.map((e) => [e.field, e.code])).toEqual([
      ['category', 'notAllowed'],
      ['certifiedOn', 'badDate'],
    ]);
    expect(errorText(o.errors, 'en').split('; ').length).toBeGreaterThanOrEqual(2);
    expect(errorText(o.errors, 'zh-CN')).toContain('；');
  });

  it('reads 2025/7/1 as a date and counts the notice period to 2025-10-09 past the National Day holiday (TJ-NOTIFY-3M)', () => {
    const cells = resultCells(screenRecord({ ...GRADE_ONE_DIBAO, certifiedOn: '2025/7/1' }, 2, AS_OF).result!);
    expect(cells.noticeTrigger).toBe('certified:2025-07-01');
    expect(cells.noticeLastOnTimeDay).toBe('2025-10-09');
    expect(cells.noticeHolidayAdjusted).toBe('yes');
    expect(cells.noticeStatus).toBe('notYetDue');
  });

  it('counts a trigger on 2024-11-30 to a last on-time day of 2025-02-28 and calls it overdue later (TJ-NOTIFY-3M)', () => {
    const cells = resultCells(screenRecord({ ...GRADE_ONE_DIBAO, dibaoSince: '2024-11-30' }, 2, AS_OF).result!);
    expect(cells.noticeLastOnTimeDay).toBe('2025-02-28');
    expect(cells.noticeStatus).toBe('overdue');
    expect(cells.noticeRequired).toBe('yes');
  });

  it('gives a clear not-covered result, not an error, for a date before the rules took effect', () => {
    const o = screenRecord(GRADE_ONE_DIBAO, 2, '2023-07-31');
    expect(o.errors).toEqual([]);
    const cells = resultCells(o.result!);
    expect(cells.livingStatus).toBe('notCovered');
    expect(cells.careStatus).toBe('notCovered');
    expect(cells.total).toBe('');
  });

  it('ignores the result columns of an earlier screening and columns that are not facts', () => {
    const o = screenRecord({ ...GRADE_ONE_DIBAO, livingStatus: 'paid', error: 'x', phone: '123' }, 2, AS_OF);
    expect(o.errors).toEqual([]);
    expect(o.input.phone).toBe('123');
  });
});

describe('reading cells', () => {
  const WORDS: Record<string, string[]> = {
    hukou: ['天津', 'tianjin', '外地', 'other', '', '不清楚', 'mars'],
    certificate: ['有', 'valid', '无', '过期', '', 'maybe'],
    category: ['肢体', '视力', 'mental', '多重残疾', '', '翅膀'],
    grade: ['一级', '二', '3', '4级', '', '不知道', '五级', '0'],
    household: ['低保', '低保边缘', 'dibaoEdge', '无', '', '富裕'],
    tekun: ['是', '否', 'yes', 'N', '', '也许'],
    welfareLivingAllowances: ['无', '', '300', '100;200', '300元', '-5', 'abc'],
    certifiedOn: ['', '2024-11-30', '2025/7/1', '2025年7月1日', '2025-02-30', 'yesterday'],
    noticeForm: ['', '电话', 'letter', '入户走访', '短信'],
    ref: ['', '张三', 'P-1'],
  };
  const fields = Object.keys(WORDS) as FactField[];
  const record = fc.record(Object.fromEntries(fields.map((f) => [f, fc.constantFrom(...WORDS[f]!)])) as Record<FactField, fc.Arbitrary<string>>, { requiredKeys: [] });

  it('gives exactly the facts and problems of parseFactsCells, row by row (remembered readings) or all at once', () => {
    fc.assert(
      fc.property(record, (cells) => {
        const whole = parseFactsCells(cells);
        if (Object.keys(cells).length === 0) return;
        const fast = screenRecord(cells, 2, AS_OF);
        if (whole.ok) {
          expect(fast.errors).toEqual([]);
          const defined = Object.fromEntries(Object.entries(fast.facts!).filter(([, v]) => v !== undefined));
          expect(defined).toEqual(whole.facts);
        } else {
          const key = (i: { field: string; code: string }) => `${i.field}:${i.code}`;
          expect(fast.errors.map(key).sort()).toEqual(whole.issues.map(key).sort());
        }
      }),
      { numRuns: 300 },
    );
  });

  it('starts from facts that are all unknown, with every field present', () => {
    const b = blankFacts();
    expect(Object.keys(b)).toEqual(FACT_FIELDS);
    expect(Object.fromEntries(Object.entries(b).filter(([, v]) => v !== undefined))).toEqual(unknownFacts());
  });

  it('never lets one row change the facts of another through a shared list', () => {
    const { outcomes } = screenCsvText('grade,welfareCareAllowances\n一级,100;200\n一级,100;200\n', AS_OF);
    expect(() => (outcomes[0]!.facts!.welfareCareAllowances as number[]).push(1)).toThrow();
    expect(outcomes[1]!.facts!.welfareCareAllowances).toEqual([100, 200]);
  });
});

describe('a whole CSV file', () => {
  it('quotes a cell that holds a lone CR, as RFC 4180 wants, so that no reader takes it for the end of a line', () => {
    const text = '序号,姓名,户籍,残疾人证,残疾类别,残疾等级,家庭类别\r\n1,王\r芳,天津,有,肢体,一级,低保\r\n';
    const { csv } = screenCsvText(text, '2025-08-01');
    expect(csv.split('\r\n')[1]!.startsWith('1,"王\r芳",天津,')).toBe(true);
  });

  it('gives each row the problem of its own too-long free text, when two rows differ only in which column is too long', () => {
    const text = `姓名,身份证号,户籍,残疾人证,残疾类别,残疾等级,家庭类别\n${'a'.repeat(201)},,天津,有,肢体,一级,低保\n张三,${'1'.repeat(41)},天津,有,肢体,一级,低保\n`;
    const [first, second] = screenCsvText(text, '2025-08-01').outcomes;
    expect(first!.errors.map((e) => e.field)).toEqual(['ref']);
    expect(second!.errors.map((e) => e.field)).toEqual(['idNumber']);
  });

  it('writes a file with an earlier result column the same way whether the screener found its header or was given it, as a later part on another thread is', () => {
    const header = 'row,姓名,户籍,残疾人证,残疾类别,残疾等级,家庭类别';
    const lines = ['x,张三,天津,有,肢体,一级,低保', '张三,天津,有,肢体,一级,低保'];
    const found = new FileScreener('2025-08-01', 'zh-CN', { delimiter: ',' });
    const given = new FileScreener('2025-08-01', 'zh-CN', { delimiter: ',', header: FileScreener.headerOf(1, header.split(',')), firstRow: 2 });
    const write = (s: FileScreener, withHeader: boolean) => {
      const out: string[] = [];
      const r = new CsvReader(',', (cells, line) => s.push(cells, line, (o, l, c) => out.push(s.outputLine(o, l, c))));
      r.push((withHeader ? [header, ...lines] : lines).join('\r\n') + '\r\n');
      r.end();
      return out;
    };
    const a = write(found, true);
    expect(write(given, false)).toEqual(a);
    // the earlier result column is dropped: the short row is padded to the file's other columns
    expect(a[1]!.startsWith('天津,有,肢体,一级,低保,,3,')).toBe(true);
  });

  it('writes a row with fewer or more cells than the header to the width of the header, so that its result cells stand under their names, whether it is whole in a chunk or cut across two', () => {
    const text = '序号,姓名,户籍,残疾人证,残疾类别,残疾等级,家庭类别\r\n1,王芳,天津市,有,肢体残疾,二级,低保,,\r\n2,李四,天津\r\n3,张三,天津市,有,肢体残疾,二级,低保\r\n4,赵六,天津市,有,肢体残疾,二级,低保,多余, ,另一格\r\n';
    const whole = screenCsvText(text, '2025-08-01');
    // cells beyond the header are not in the output: a note says which (empty ones need none)
    expect(whole.notes).toEqual(['第 5 行：表头最后一栏之后还有内容（多余、另一格），结果文件里没有这些内容；请核对这一行']);
    const rows = Papa.parse<string[]>(whole.csv.trim()).data;
    // the file's seven columns, then the result columns, the row number first
    const at = 7;
    expect(rows.every((r) => r.length === at + RESULT_COLUMNS.length)).toBe(true);
    expect(rows.slice(1).map((r) => r[at])).toEqual(['2', '3', '4', '5']);
    expect(rows[2]!.slice(0, 7)).toEqual(['2', '李四', '天津', '', '', '', '']);
    // cut in the middle of each line: the same output
    const s = new FileScreener('2025-08-01', 'zh-CN', { delimiter: ',' });
    const lines: string[] = [];
    const r = new CsvReader(',', (cells, line) => s.push(cells, line, (o, l, c) => lines.push(s.outputLine(o, l, c))));
    for (let i = 0; i < text.length; i += 25) r.push(text.slice(i, i + 25));
    r.end();
    expect([csvLine(s.outputColumns()), ...lines].join('\r\n')).toBe(whole.csv);
  });

  const HEADER = Object.keys(GRADE_ONE_DIBAO).join(',');
  const good = Object.values(GRADE_ONE_DIBAO).join(',');
  const badGrade = good.replace('一级', '五级');

  it('numbers rows as a spreadsheet does, skips blank lines and keeps the good rows around a bad one', () => {
    const text = `\uFEFF${HEADER}\r\n${good}\r\n\r\n${badGrade}\r\n,,,,\r\n${good}\r\n`;
    const { outcomes, header } = screenCsvText(text, AS_OF, 'en');
    expect(header!.headers[0]).toBe('ref');
    expect(outcomes.map((o) => [o.row, o.errors.length])).toEqual([
      [2, 0],
      [4, 1],
      [6, 0],
    ]);
    expect(outcomes[1]!.errors[0]!.field).toBe('grade');
  });

  it('writes the input columns then the result columns, with the problems of a bad row in its error column', () => {
    const { csv } = screenCsvText(`${HEADER},phone\n${good},123\n${badGrade},456\n`, AS_OF, 'zh-CN');
    const rows = Papa.parse<Record<string, string>>(csv, { header: true }).data;
    expect(Papa.parse<string[]>(csv).data[0]).toEqual([...Object.keys(GRADE_ONE_DIBAO), 'phone', '行号', '筛查结论', '生活补贴结果', '生活补贴月额（元）', '生活补贴档次', '生活补贴依据', '护理补贴结果', '护理补贴月额（元）', '护理补贴领取人', '护理补贴依据', '每月合计（元）', '入户核实事项（均为“否”时按上列金额）', '待确认事项', '告知起因', '最迟告知日', '告知情况', '因节假日顺延', '须告知', '计算日期', '规则版本', '提醒', '错误']);
    expect(rows[0]).toMatchObject({ ref: '张三', phone: '123', 行号: '2', 生活补贴结果: '可领取', 生活补贴档次: '一、二级', 护理补贴领取人: '本人', '每月合计（元）': '500', 错误: '' });
    expect(rows[1]).toMatchObject({ 行号: '3', 生活补贴结果: '', 错误: expect.stringContaining('残疾等级的值 “五级”') });
  });

  it('counts a cell with a line break inside quotes as one spreadsheet row', () => {
    const { outcomes } = screenCsvText(`ref,notes,grade\n甲,"第一行\n第二行",一级\n乙,,二级\n`, AS_OF);
    expect(outcomes.map((o) => [o.input.ref, o.row])).toEqual([
      ['甲', 2],
      ['乙', 3],
    ]);
    expect(outcomes[0]!.facts!.notes).toBe('第一行\n第二行');
  });

  it('reads a tab-separated file pasted from a spreadsheet, even when a cell holds a list with ";"', () => {
    const { outcomes } = screenCsvText('ref\tgrade\twelfareCareAllowances\n甲\t一级\t100;250\n', AS_OF);
    expect(outcomes[0]!.facts).toMatchObject({ grade: 1, welfareCareAllowances: [100, 250] });
  });

  it('lists columns that are not facts once, for the whole file', () => {
    const s = new FileScreener(AS_OF, 'en', { header: FileScreener.headerOf(1, ['ref', 'grade', 'phone', 'livingStatus']) });
    expect(s.header!.unknownColumns).toEqual(['phone']);
    expect(s.outputColumns().slice(0, 4)).toEqual(['ref', 'grade', 'phone', 'row']);
    expect(mapsAnything(s.header!.mapping)).toBe(true);
  });

  it('knows a file whose header names no fact at all is not a facts CSV', () => {
    expect(mapsAnything(FileScreener.headerOf(1, ['foo', 'bar']).mapping)).toBe(false);
  });

  it('treats a row of empty or blank cells as blank', () => {
    expect(isBlankRow(['', ' ', '\t'])).toBe(true);
    expect(isBlankRow([''])).toBe(true);
    expect(isBlankRow(['', 'x'])).toBe(false);
  });
});

describe('remembered readings', () => {
  // A roster's rows repeat the same answers; the screener remembers a reading by them (dates and the
  // row's own ID number apart). Whatever it remembers, each row must be written as if read alone.
  const HEAD = ['姓名', '身份证号', '户籍', '残疾人证', '残疾类别', '残疾等级', '家庭类别', '特困人员供养', '残疾人证号', '新纳入低保日期', '新办残疾人证日期'];
  const pools = [
    ['王一', '李二'],
    ['11010519491231002X', '110105194912310021', '440524188001010014', ''],
    // 天津 and 天津市 differ in words only: rows of either share one reading of their facts
    ['天津市', '天津', '外地', ''],
    ['有', '是'],
    ['肢体', '视力'],
    ['一级', '三级', '五级'],
    ['低保', '低保边缘', '否'],
    ['否', '是', ''],
    // none; a certificate number of a physical grade-1 holder; one of a visual grade-3 holder (a mismatch warning where the cells say otherwise)
    ['', '11010519491231002X41', '11010519491231002X13'],
    ['', '2025/7/1', '2025/2/30'],
    ['', '2024-11-30'],
  ];
  const pick = (k: number) => fc.constantFrom(...pools[k]!);
  // a few sets of answers (户籍 to 残疾人证号), each shared by several rows with their own name, ID number and dates
  const rowsArb = fc
    .array(fc.tuple(pick(2), pick(3), pick(4), pick(5), pick(6), pick(7), pick(8)), { minLength: 1, maxLength: 4 })
    .chain((answers) =>
      fc.array(
        fc.tuple(fc.nat(answers.length - 1), pick(0), pick(1), pick(9), pick(10)).map(([k, name, id, d1, d2]) => [name, id, ...answers[k]!, d1, d2]),
        { minLength: 1, maxLength: 12 },
      ),
    );
  const lines = (rows: string[][]): string[] => {
    const s = new FileScreener(AS_OF, 'zh-CN', { delimiter: ',' });
    const out: string[] = [];
    const take = (o: Parameters<Parameters<FileScreener['push']>[2]>[0], line: string | null, cells: readonly string[]) => out.push(s.outputLine(o, line, cells));
    for (const cells of [HEAD, ...rows]) s.push([...cells], cells.join(','), take);
    return out;
  };
  const alone = (cells: string[], row: number): string => {
    const s = new FileScreener(AS_OF, 'zh-CN', { header: FileScreener.headerOf(1, HEAD), firstRow: row, delimiter: ',' });
    let line = '';
    s.push([...cells], cells.join(','), (o, l, c) => (line = s.outputLine(o, l, c)));
    return line;
  };

  it('writes every row as if it were read alone: rows sharing answers, with dates, with a wrong ID check character or a bad date', () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const expected = rows.map((r, i) => alone(r, i + 2));
        expect(lines(rows)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('gives a row the result of an earlier row whose cells differ in words only (天津 / 天津市), with its own certificate-number warning', () => {
    const first = ['王一', '', '天津市', '有', '肢体', '一级', '低保', '否', '11010519491231002X13', '', ''];
    const second = ['王二', '', '天津', ...first.slice(3)];
    const got = lines([first, second]);
    expect(got).toEqual([alone(first, 2), alone(second, 3)]);
    const cells = (l: string) => Papa.parse<string[]>(l).data[0]!;
    // the same result cells after the row number, both with the warning that the number says 视力, 3 级
    expect(cells(got[1]!).slice(HEAD.length + 1, -2)).toEqual(cells(got[0]!).slice(HEAD.length + 1, -2));
    expect(cells(got[1]!).slice(HEAD.length + 1, -2)).toEqual(expect.arrayContaining(['可能符合，待入户核实', '500']));
    expect(cells(got[1]!).at(-2)).toContain('视力');
  });

  it('writes every row as if it were read alone when a column holds more different cells than the key numbers (4,096)', () => {
    const head = Object.keys(GRADE_ONE_DIBAO);
    const amountAt = head.indexOf('welfareCareAllowances');
    // 4,096 different amounts, each twice (rows that repeat: remembering goes on), fill the key's
    // numbers; later amounts, keyed by their text, alternate below and above the care subsidy, so a
    // key that lost them would give rows the wrong results
    const amounts = [...Array.from({ length: 8192 }, (_, i) => 1000 + (i >> 1)), ...Array.from({ length: 400 }, (_, i) => (i % 2 ? 6000 + i : 10 + i)), ...Array.from({ length: 100 }, (_, i) => 1000 + i)];
    const rows = amounts.map((a) => head.map((h, i) => (i === amountAt ? String(a) : GRADE_ONE_DIBAO[h]!)));
    const s = new FileScreener(AS_OF, 'zh-CN', { delimiter: ',' });
    const got: string[] = [];
    for (const cells of [head, ...rows]) s.push([...cells], cells.join(','), (o, l, c) => got.push(s.outputLine(o, l, c)));
    const expected = rows.map((cells, k) => {
      const one = new FileScreener(AS_OF, 'zh-CN', { header: FileScreener.headerOf(1, head), firstRow: k + 2, delimiter: ',' });
      let line = '';
      one.push([...cells], cells.join(','), (o, l, c) => (line = one.outputLine(o, l, c)));
      return line;
    });
    expect(got).toHaveLength(amounts.length);
    expect(got).toEqual(expected);
    // the amounts past the 4,096th do change the care result: the alternation shows in it
    const care = (line: string) => Papa.parse<string[]>(line).data[0]![head.length + 6];
    expect(new Set(got.slice(8192, 8592).map(care)).size).toBe(2);
  }, 60_000);

  it('gives no warning to a row whose facts are those of an earlier row with a certificate number that disagrees', () => {
    const first = ['王一', '11010519491231002X', '天津市', '有', '肢体', '一级', '低保', '否', '11010519491231002X13', '', ''];
    const second = ['王二', '11010519491231002X', '天津市', '有', '肢体', '一级', '低保', '否', '', '', ''];
    const got = lines([first, second]);
    expect(got).toEqual([alone(first, 2), alone(second, 3)]);
    expect(Papa.parse<string[]>(got[0]!).data[0]!.at(-2)).toContain('视力');
    expect(Papa.parse<string[]>(got[1]!).data[0]!.at(-2)).toBe('');
  });

  it('keeps the result of a row whose ID number has a typo when an earlier row with the same answers was written first', () => {
    const a = ['王一', '11010519491231002X', '天津市', '有', '肢体', '一级', '低保', '否', '', '', ''];
    const typo = ['李二', '110105194912310021', ...a.slice(2)];
    const [first, second] = lines([a, typo]);
    const cells = (l: string) => Papa.parse<string[]>(l).data[0]!;
    // the result columns after the row number are the same, but for the warning on the second row
    expect(cells(second!).slice(HEAD.length + 1, -2)).toEqual(cells(first!).slice(HEAD.length + 1, -2));
    expect(cells(second!).slice(HEAD.length + 1, -2)).toEqual(expect.arrayContaining(['可能符合，待入户核实', '500']));
    expect(cells(second!).at(-2)).toContain('校验位');
  });
});

describe('writing CSV', () => {
  it('quotes cells with commas, quotes and line breaks so that papaparse reads them back unchanged', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: fc.constantFrom('a', '低', ',', '"', '\n', '\r', ' ', 'x') }), { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const safe = rows.map((r) => r.map((c) => c.replace(/^[=+\-@\t\r]+/, '')));
        const back = Papa.parse<string[]>(toCsv(safe)).data;
        expect(back).toEqual(safe);
      }),
      { numRuns: 300 },
    );
  });

  it('writes exactly what Papa.unparse with escapeFormulae writes, only faster', () => {
    // one difference on purpose: Papa does not escape a formula cell with a line break after its
    // first character (its test is /^[=+\-@\t\r].*$/ without the s flag); we do
    const papaSkipsEscape = (c: string) => /^[=+\-@\t\r]/.test(c) && /[\r\n]/.test(c.slice(1));
    const unit = fc.constantFrom('a', '低', ',', '"', '\n', '\r', ' ', '=', '+', '-', '@', '\t', ';', "'", '\uFEFF');
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit, maxLength: 6 }), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }), (rows) => {
        fc.pre(!rows.some((r) => r.some(papaSkipsEscape)));
        expect(toCsv(rows)).toBe(Papa.unparse(rows, { escapeFormulae: true, newline: '\r\n' }));
      }),
      { numRuns: 500 },
    );
  });

  it('escapes a cell a spreadsheet would run as a formula, even one with a line break', () => {
    expect(toCsv([['=HYPERLINK("x")', '+1', '-2', '@a', 'ok']])).toBe(`"'=HYPERLINK(""x"")","'+1","'-2","'@a",ok`);
    expect(toCsv([['=1\n+2']])).toBe(`"'=1\n+2"`);
  });
});
