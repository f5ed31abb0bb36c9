/**
 * Screening a UTF-8 file from its bytes (BytesIn, ByteLines: the command line's way) gives the same
 * output lines, counts and notes as screening its text (screenCsvText), whatever the chunks.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idCheckChar, plainIdBytesProblem, readIdNumber } from '../../src/facts/idnumbers';
import { BytesIn, TEXT_DECODER_TOOLS, type ByteWriter } from '../../src/screening/bytes';
import { detectDelimiter, NotTextError, stripBom } from '../../src/screening/decode';
import { CsvReader } from '../../src/screening/read';
import { FileScreener, quoteLines, screenCsvText, type RowOutcome } from '../../src/screening/screen';
import { csvLine, isSpoiltNumber, isSpoiltNumberBytes } from '../../src/screening/write';
import type { Lang } from '../../src/facts/parse';

const AS_OF = '2025-08-01';
const utf8 = new TextEncoder();

/** Screens bytes as the command line does (PartRun), cut into chunks of the given sizes. */
function viaBytes(bytes: Uint8Array, cuts: readonly number[], lang: Lang = 'zh-CN') {
  const text = stripBom(new TextDecoder().decode(bytes));
  const delimiter = detectDelimiter(text.trimStart());
  const s = new FileScreener(AS_OF, lang, { delimiter });
  const dec = new TextDecoder();
  const lines: string[] = [];
  let line = '';
  const w: ByteWriter = {
    text: (t) => (line += t),
    shared: (t) => (line += t),
    copy: (b, from, to) => (line += dec.decode(b.subarray(from, to))),
    ascii: (t) => (line += t),
    rowNumber: (n) => (line += `,${n},`),
    endLine: () => {
      lines.push(line);
      line = '';
    },
  };
  const take = (o: RowOutcome, l: string | null, cells: readonly string[]) => {
    s.writeLine(o, l, cells, w);
    w.endLine();
  };
  const csv = new CsvReader(delimiter, (cells, l) => s.push(cells, l, take));
  const input = new BytesIn(s, csv, w, TEXT_DECODER_TOOLS);
  let at = 0;
  for (const n of cuts) {
    input.push(bytes.subarray(at, Math.min(at + n, bytes.length)));
    at = Math.min(at + n, bytes.length);
  }
  input.push(bytes.subarray(at));
  input.end();
  csv.end();
  s.end(take);
  const csvText = s.header ? [csvLine(s.outputColumns()), ...lines].join('\r\n') : '';
  return { csv: csvText, counts: s.counts, notes: [...s.skippedLines(), ...quoteLines(csv.problems, lang)], taken: input.taken };
}

/** Screens the same bytes as text, all at once: the reference. */
function viaText(bytes: Uint8Array, lang: Lang = 'zh-CN') {
  return screenCsvText(new TextDecoder().decode(bytes), AS_OF, lang);
}

function expectSame(bytes: Uint8Array, cuts: readonly number[] = [], lang: Lang = 'zh-CN') {
  const a = viaBytes(bytes, cuts, lang);
  const b = viaText(bytes, lang);
  expect(a.csv).toBe(b.csv);
  expect(a.counts).toEqual(b.counts);
  expect(a.notes).toEqual(b.notes);
  return a;
}

const HEADER = ['序号', '姓名', '身份证号', '户籍', '残疾人证', '残疾类别', '残疾等级', '家庭类别', '特困人员供养', '工伤保险生活护理费', '新纳入低保日期', '新办残疾人证日期', '联系电话', '备注'];

const validId = (first17: string) => first17 + idCheckChar(first17);
const ID_17 = ['12010119560307123', '12010419800229456', '12022519451231001'];

// cells as rosters have them, some that the text way must read, some that are wrong
const POOLS: string[][] = [
  ['1', '23', '', '合计', ' 小计', '\u3000'],
  ['王芳', '李秀英', '', '  ', 'Zhang', '王"五', '"李四"', '张,三'],
  [...ID_17.map(validId), ...ID_17.map((d) => d + (idCheckChar(d) === '0' ? '1' : '0')), '12010119560307', '12010419800229456x', '１２０１０１１９５６０３０７１２３４', '120101 19560307 1234', '', '不清楚', '12010119561307123X'],
  ['天津市', '天津', '外地', '不清楚', '', '火星'],
  ['有', '无', '', '不清楚'],
  ['肢体残疾', '视力残疾', '精神残疾', '', '不清楚', '肢体'],
  ['一级', '二级', '三级', '四级', '', '五级', '2'],
  ['低保', '低保边缘', '否', '', '不清楚'],
  ['是', '否', ''],
  ['否', '是', ''],
  ['', '2025/7/1', '2024-12-31', '2023/1/5', '2025/2/30', '不清楚'],
  ['', '2025/6/15', '2025/7/31', '2024/1/1'],
  ['13812345678', '022-12345678', '02212345678', '=1+1', '+86 138', '-5', '@x', ' 空格 ', '123456789012'],
  ['', '已入户', '0', 'x\ry', '备'.repeat(300), '\uFEFF备注'],
];

/** How many of each pool's first cells are read without trouble (the rest: errors, quotes, summaries …). */
const PLAIN = [3, 5, 6, 4, 4, 5, 5, 5, 3, 3, 4, 4, 9, 4];

/** A row template: one choice per column (rows of a roster repeat the same answers), mostly plain ones. */
const template = fc.tuple(...POOLS.map((p, c) => fc.oneof({ weight: 6, arbitrary: fc.nat({ max: PLAIN[c]! - 1 }) }, { weight: 1, arbitrary: fc.nat({ max: p.length - 1 }) })));
/** A row: a template, with cells of its own now and then (plain ones). */
const row = (templates: number[][]) =>
  fc.record({
    t: fc.nat({ max: templates.length - 1 }),
    // a row's own cells: its number, name, ID number, dates, phone and notes, and now and then one answer that differs from its template's
    own: fc.array(fc.tuple(fc.constantFrom(0, 1, 2, 10, 11, 12, 13, 0, 1, 2, 10, 11, 12, 13, 3, 4, 5, 6, 7, 8, 9), fc.nat({ max: 20 })), { maxLength: 3 }),
  });

const fileOf = fc
  .record({
    templates: fc.array(template, { minLength: 1, maxLength: 5 }),
    bom: fc.boolean(),
    crlf: fc.boolean(),
    title: fc.boolean(),
    lastBreak: fc.boolean(),
  })
  .chain((f) =>
    fc.record({
      f: fc.constant(f),
      rows: fc.array(fc.oneof({ weight: 12, arbitrary: row(f.templates) }, { weight: 1, arbitrary: fc.constantFrom(',,,', '', '\u3000,,') }), { maxLength: 40 }),
      cuts: fc.array(fc.integer({ min: 1, max: 300 }), { maxLength: 12 }),
    }),
  )
  .map(({ f, rows, cuts }) => {
    const nl = f.crlf ? '\r\n' : '\n';
    const lines = [...(f.title ? ['2025年某街道残疾人名单'] : []), HEADER.join(',')];
    for (const r of rows) {
      if (typeof r === 'string') {
        lines.push(r);
        continue;
      }
      const cells = f.templates[r.t]!.map((k, c) => POOLS[c]![k]!);
      for (const [c, k] of r.own) cells[c] = POOLS[c]![k % PLAIN[c]!]!;
      lines.push(cells.join(','));
    }
    const text = (f.bom ? '\uFEFF' : '') + lines.join(nl) + (f.lastBreak ? nl : '');
    return { bytes: utf8.encode(text), cuts };
  });

describe('screening from bytes', () => {
  it('gives the same output, counts and notes as screening the text, whatever the chunks (property)', () => {
    let taken = 0;
    fc.assert(
      fc.property(fileOf, fc.constantFrom<Lang>('zh-CN', 'en'), ({ bytes, cuts }, lang) => {
        taken += expectSame(bytes, cuts, lang).taken;
      }),
      { numRuns: 300 },
    );
    // the files drawn repeat their answers: many of their rows were screened from bytes
    expect(taken).toBeGreaterThan(150);
  });

  it('screens the rows whose answers were met before from their bytes, and their output is as the text way writes it', () => {
    const answers = ['天津市,有,肢体残疾,二级,低保,否,否', '天津,有,视力残疾,一级,低保边缘,否,否', '外地,有,精神残疾,一级,否,否,否'];
    const lines = [HEADER.join(',')];
    for (let i = 0; i < 300; i++) {
      const id = validId(ID_17[i % 3]!);
      const dates = i % 4 === 0 ? `2025/${1 + (i % 12)}/${1 + (i % 28)},` : ',';
      lines.push(`${i + 1},王芳,${i % 5 === 0 ? id.slice(0, 17) + 'Y' : id},${answers[i % 3]},${dates},1381234${String(i).padStart(4, '0')},`);
    }
    const bytes = utf8.encode(lines.join('\r\n') + '\r\n');
    const r = expectSame(bytes, [4096, 4096, 100]);
    expect(r.counts.rows).toBe(300);
    // every row but the first of each answers (and the two without dates that come first) is read from bytes
    expect(r.taken).toBeGreaterThan(290);
  });

  it('reads a line with a quote, and every line after it, as text', () => {
    const same = '1,王芳,,天津市,有,肢体残疾,二级,低保,否,否,,,13812345678,';
    const quoted = '2,"王,芳",,天津市,有,肢体残疾,二级,低保,否,否,,,13812345678,';
    const lines = [HEADER.join(','), same, same, same, quoted, same, same];
    const r = expectSame(utf8.encode(lines.join('\n') + '\n'));
    // the first row is new (read as text), the next two are from bytes; from the quote on, text
    expect(r.taken).toBe(2);
  });

  it('reads a line longer than many chunks, and a last line with no line break, as the text way does', () => {
    const row = '1,王芳,,天津市,有,肢体残疾,二级,低保,否,否,,,13812345678,';
    const lines = [HEADER.join(','), row, row + '备'.repeat(100_000), row, row, row + 'end'];
    const bytes = utf8.encode('\uFEFF' + lines.join('\r\n'));
    const r = expectSame(bytes, Array.from({ length: 400 }, () => 1000));
    expect(r.counts.rows).toBe(5);
    expect(r.taken).toBe(2);
  });

  it('stops at bytes that are not UTF-8, or a NUL byte, as the decoder does (NotTextError)', () => {
    const head = utf8.encode(HEADER.join(',') + '\n1,王芳,,天津市,有,肢体残疾,二级,低保,否,否,,,,\n');
    for (const bad of [[0xff, 0xfe, 0x41], [0x41, 0x00, 0x42]]) {
      const bytes = new Uint8Array([...head, ...bad, 10]);
      expect(() => viaBytes(bytes, [])).toThrow(NotTextError);
    }
  });
});

describe('an ID number read from its bytes (plainIdBytesProblem)', () => {
  it('finds the problem readIdNumber finds in 17 digits and a digit or X, and leaves any other text to it (property)', () => {
    const digits = (n: number) => fc.array(fc.constantFrom(...'0123456789'), { minLength: n, maxLength: n }).map((a) => a.join(''));
    const plain = fc.tuple(digits(17), fc.constantFrom(...'0123456789X')).map(([a, b]) => a + b);
    const other = fc.string({ unit: fc.constantFrom(...'0123456789Xx ０'), maxLength: 20 });
    fc.assert(
      fc.property(fc.oneof(plain, other), (id) => {
        const b = utf8.encode(id);
        const got = plainIdBytesProblem(new Uint8Array([44, ...b, 44]), 1, 1 + b.length);
        const isPlain = /^\d{17}[\dX]$/.test(id);
        const r = readIdNumber(id);
        if (!isPlain) expect(got).toBeUndefined();
        else expect(got).toEqual(r.ok ? null : r.problem);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('digits a spreadsheet would spoil, read from bytes (isSpoiltNumberBytes)', () => {
  it('agrees with isSpoiltNumber on any cell of digits, letters and spaces (property)', () => {
    const cell = fc.string({ unit: fc.constantFrom(...'0000123456789X -中'), maxLength: 20 });
    fc.assert(
      fc.property(cell, (c) => {
        const b = utf8.encode(`,${c},`);
        expect(isSpoiltNumberBytes(b, 1, b.length - 1)).toBe(isSpoiltNumber(c));
      }),
      { numRuns: 3000 },
    );
  });
});
