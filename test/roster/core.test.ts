import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { RESULT_COLUMNS } from '../../src/facts/csv';
import { quotedSpans, splitRanges } from '../../src/facts/split';
import { RosterCore, screenRow } from '../../src/roster/core';
import { screenRecord } from '../../src/facts/csv';
import { FACT_FIELDS } from '../../src/facts/schema';
import { factsToRow, generateFacts, rng } from '../../bench/generate';
import { mappedRecord } from '../../src/roster/mapping';
import { decodeBytes } from '../../src/roster/decode';
import { proposeMapping } from '../../src/roster/mapping';
import { batchRows, type FromWorker, type RowSummary, type ToWorker } from '../../src/roster/protocol';

const GOOD = '天津,有,肢体,一级,低保,否,否,否,否,无,无,无';
const HEAD = '姓名,户籍,残疾人证,残疾类别,残疾等级,家庭类别,特困,工伤护理费,服刑,孤儿,福利性生活补贴,福利性护理补贴,居家养老护理补贴,新办证日期';

function harness(opts: { chunkSize?: number; onPost?: (m: FromWorker, core: RosterCore) => void } = {}) {
  const posted: FromWorker[] = [];
  const core: RosterCore = new RosterCore({
    post: (m) => {
      posted.push(m);
      opts.onPost?.(m, core);
    },
    yieldTurn: () => Promise.resolve(),
    chunkSize: opts.chunkSize,
  });
  const send = (m: ToWorker) => core.handle(m);
  const of = <T extends FromWorker['type']>(t: T) => posted.filter((m): m is Extract<FromWorker, { type: T }> => m.type === t);
  const rows = () => of('rows').flatMap((m) => batchRows(m.batch));
  return { core, posted, send, of, rows };
}

async function screenText(text: string, h = harness(), asOf = '2025-09-01') {
  await h.send({ type: 'load', job: 1, text });
  const loaded = h.of('loaded')[0];
  if (!loaded) throw new Error('not loaded');
  await h.send({ type: 'screen', job: 1, mapping: proposeMapping(loaded.headers), asOf });
  return h;
}

const byRow = (rows: RowSummary[], row: number) => rows.find((r) => r.row === row)!;

describe('the roster worker core', () => {
  it('a row with the core columns met and nothing on exclusions is listed as likely eligible, with what it pays if the checks come out "no" and the checklist', async () => {
    const h = await screenText('姓名,户籍,残疾人证,残疾类别,残疾等级,家庭类别\n赵六,天津,有,肢体,一级,低保\n钱七,天津,有,肢体,一级,不清楚');
    const [likely, open] = h.rows();
    const ifNo = screenRecord({ hukou: 'tianjin', certificate: 'valid', category: 'physical', grade: '1', household: 'dibao', tekun: 'no', workInjuryCareFee: 'no', inPrison: 'no', orphanGuarantee: 'no', orphanInInstitution: 'no', institutionCareFunded: 'no', welfareLivingAllowances: 'none', welfareCareAllowances: 'none', homeCareNursingSubsidy: 'none' }, 2, '2025-09-01').result;
    expect(likely).toMatchObject({ kind: 'likely', total: ifNo?.covered ? ifNo.total : -1, livingPaid: ifNo?.covered ? ifNo.living.paid : -1 });
    expect(likely?.checklist).toEqual(expect.arrayContaining(['tekun', 'workInjuryCareFee', 'inPrison', 'orphanGuarantee']));
    expect(open).toMatchObject({ kind: 'depends', total: 0 });
    expect(h.of('done')[0]?.counts).toMatchObject({ likely: 1, depends: 1 });
  });


  it('reports the header row and its columns when a text is loaded', async () => {
    const h = harness();
    await h.send({ type: 'load', job: 7, text: `\n${HEAD}\n张三,${GOOD},2025-07-01\n` });
    expect(h.of('loaded')).toEqual([{ type: 'loaded', job: 7, headers: HEAD.split(','), headerRow: 2, sample: ['张三', ...GOOD.split(','), '2025-07-01'], encoding: 'utf-8', bom: false, chars: expect.any(Number) }]);
  });

  it('says a file with no header row is empty', async () => {
    const h = harness();
    await h.send({ type: 'load', job: 1, text: '\n\n  \n' });
    expect(h.of('loadFailed')).toEqual([{ type: 'loadFailed', job: 1, reason: 'empty' }]);
  });

  it('sorts good rows into lists and numbers bad rows as a spreadsheet does, skipping blank lines', async () => {
    const text = [HEAD, `张三,${GOOD},2025-07-01`, '', `李四,天津,有,肢体,五级,低保,否,否,否,否,无,无,无,`, `王五,天津,有,翅膀,一级,低保,否,否,否,否,无,无,无,`, `赵六,天津,有,肢体,二级,低保,否,否,否,否,无,无,无,2025-02-30`, `钱七,天津,有,肢体,二级,低保,是,否,否,否,无,无,无,`, `孙八,天津,有,肢体,三级,无,否,否,否,否,无,无,无,`, `周九,天津,有,肢体,三级,不清楚,否,否,否,否,无,无,无,`].join('\r\n');
    const h = await screenText(text);
    const rows = h.rows();
    expect(rows.map((r) => [r.row, r.ref, r.kind])).toEqual([
      [2, '张三', 'eligible'],
      [4, '李四', 'error'],
      [5, '王五', 'error'],
      [6, '赵六', 'error'],
      [7, '钱七', 'excluded'],
      [8, '孙八', 'notEligible'],
      [9, '周九', 'depends'],
    ]);
    expect(byRow(rows, 2)).toMatchObject({ total: 500, living: 'paid', livingPaid: 300, care: 'paid', carePaid: 200, notice: { trigger: 'certified', date: '2025-07-01' } });
    expect(byRow(rows, 4).errors).toEqual([expect.objectContaining({ field: 'grade', column: '残疾等级', value: '五级', code: 'notAllowed' })]);
    expect(byRow(rows, 5).errors).toEqual([expect.objectContaining({ field: 'category', column: '残疾类别', value: '翅膀' })]);
    expect(byRow(rows, 6).errors).toEqual([expect.objectContaining({ field: 'certifiedOn', column: '新办证日期', code: 'badDate' })]);
    expect(byRow(rows, 7).clauses).toEqual(['TJ-EXCLUDE-TEKUN']);
    expect(byRow(rows, 2).dependsOn).toBeUndefined();
    expect(byRow(rows, 9).dependsOn).toContain('household');
    const done = h.of('done');
    expect(done).toHaveLength(1);
    expect(done[0]).toMatchObject({ cancelled: false, counts: { rows: 7, blank: 1, eligible: 1, error: 3, excluded: 1, notEligible: 1, depends: 1 } });
  });

  it('posts rows in several batches with rising progress when the text is chunked', async () => {
    const lines = [HEAD, ...Array.from({ length: 500 }, (_, i) => `p${i},${GOOD},2025-07-01`)];
    const h = await screenText(lines.join('\n'), harness({ chunkSize: 2000 }));
    expect(h.of('rows').length).toBeGreaterThan(5);
    expect(h.rows().map((r) => r.row)).toEqual(Array.from({ length: 500 }, (_, i) => i + 2));
    const fractions = h.of('progress').map((p) => p.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions.at(-1)).toBe(1);
  });

  it('re-reads any row of a chunked text for its details and exports every row with its own cells', async () => {
    const lines = [HEAD, ...Array.from({ length: 500 }, (_, i) => `"p,${i}",${GOOD},2025-07-01`)];
    lines.splice(200, 0, '', '');
    const h = await screenText(lines.join('\r\n'), harness({ chunkSize: 1500 }));
    for (const row of [2, 150, 199, 204, 333, 503]) {
      await h.send({ type: 'detail', job: 1, row });
      expect(h.of('detail').at(-1)).toMatchObject({ row, input: { 姓名: `p,${row < 201 ? row - 2 : row - 4}` } });
    }
    const out = Papa.parse<string[]>(h.core.csvText('zh-CN').csv.slice(1)).data;
    expect(out).toHaveLength(501);
    out.slice(1).forEach((r, i) => {
      expect(r[0]).toBe(`p,${i}`);
      expect(r[HEAD.split(',').length]).toBe(String(i < 199 ? i + 2 : i + 4));
    });
  });

  it('stops between chunks when cancelled and says how many rows were screened', async () => {
    const lines = [HEAD, ...Array.from({ length: 1000 }, (_, i) => `p${i},${GOOD},`)];
    const h = harness({
      chunkSize: 2000,
      onPost: (m, core) => {
        if (m.type === 'rows' && m.batch.rows.length && m.batch.rows[0]! < 50) void core.handle({ type: 'cancel', job: 1 });
      },
    });
    await screenText(lines.join('\n'), h);
    const done = h.of('done')[0]!;
    expect(done.cancelled).toBe(true);
    expect(done.counts.rows).toBeGreaterThan(0);
    expect(done.counts.rows).toBeLessThan(1000);
    expect(h.rows()).toHaveLength(done.counts.rows);
  });

  it('recomputes the full result of one row on demand', async () => {
    const h = await screenText([HEAD, `张三,${GOOD},2025-07-01`, `李四,天津,有,肢体,五级,低保,否,否,否,否,无,无,无,`].join('\n'));
    await h.send({ type: 'detail', job: 1, row: 2 });
    const d = h.of('detail')[0]!;
    expect(d.input['姓名']).toBe('张三');
    expect(d.result?.covered && d.result.living.criteria.length).toBeGreaterThan(0);
    await h.send({ type: 'detail', job: 1, row: 3 });
    expect(h.of('detail')[1]!.errors[0]).toMatchObject({ column: '残疾等级' });
    await h.send({ type: 'detail', job: 1, row: 99 });
    expect(h.of('failed')).toHaveLength(1);
  });

  it('exports the original columns plus the result columns, with a BOM, bad rows explained in the chosen language', async () => {
    const h = await screenText([`${HEAD},电话,livingStatus`, `张三,${GOOD},2025-07-01,"138, 0000",paid`, '', `李四,天津,有,肢体,五级,低保,否,否,否,否,无,无,无,,1390000,`].join('\n'));
    const { csv, rows } = h.core.csvText('zh-CN');
    expect(rows).toBe(2);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
    expect(parsed[0]).toEqual([...HEAD.split(','), '电话', ...RESULT_COLUMNS]);
    const col = (r: string[], name: string) => r[parsed[0]!.indexOf(name)];
    expect(col(parsed[1]!, '电话')).toBe('138, 0000');
    expect(col(parsed[1]!, 'row')).toBe('2');
    expect(col(parsed[1]!, 'total')).toBe('500');
    expect(col(parsed[2]!, 'row')).toBe('4');
    expect(col(parsed[2]!, 'error')).toMatch(/残疾等级.*五级/);
    expect(h.core.csvText('en').csv).toMatch(/disability grade/);
    expect(h.core.csvText('zh-CN', [4]).rows).toBe(1);
  });
});

describe('screening one file in parallel parts', () => {
  it('cuts a text without quotes at line breaks after the header, with each part\'s first row number', () => {
    const text = ['h', '', 'a', 'b', 'c', 'd', 'e', 'f'].join('\n');
    const ranges = splitRanges(text, 3, '\n', 1);
    expect(ranges.map((r) => [text.slice(r.start, r.end), r.firstRow])).toEqual([
      ['h\n\na', 1],
      ['b\nc\nd', 4],
      ['e\nf', 7],
    ]);
    expect(splitRanges('h\r\na\r\nb', 2, '\r\n', 1).map((r) => r.firstRow)).toEqual([1, 3]);
  });

  it('never cuts inside a quoted cell, whose line break does not end a row', () => {
    const text = 'h\n"a\nb"\nc\nd';
    expect(splitRanges(text, 2, '\n', 1).map((r) => [text.slice(r.start, r.end), r.firstRow])).toEqual([
      ['h\n"a\nb"', 1],
      ['c\nd', 3],
    ]);
  });

  it('keeps a text with a quote in the middle of a cell in one part', () => {
    expect(splitRanges('h\na"b\nc\nd\ne', 2, '\n', 1)).toEqual([{ start: 0, end: 11, firstRow: 1 }]);
    expect(quotedSpans('a,"b""c",d', ',')).toEqual([[2, 7]]);
    expect(quotedSpans('a,"b"c', ',')).toBeNull();
    expect(quotedSpans('a,"b', ',')).toBeNull();
  });

  it.each([
    ['without quotes', (i: number) => `p${i}`],
    ['with quoted cells holding commas and line breaks', (i: number) => (i % 5 ? `p${i}` : `"p${i},\r\n第二行 ""引号"""`)],
  ])('gives the same rows, counts and export from two parts as from one worker, %s', async (_, ref) => {
    const lines = [HEAD, ...Array.from({ length: 300 }, (_, i) => (i % 37 === 5 ? '' : `${ref(i)},${i % 3 ? GOOD : GOOD.replace('一级', '五级')},2025-0${(i % 9) + 1}-15`))];
    const text = lines.join('\r\n');
    const one = await screenText(text, harness({ chunkSize: 700 }));
    const parts = await Promise.all(
      [0, 1].map(async (index) => {
        const h = harness({ chunkSize: 700 });
        await h.send({ type: 'load', job: 1, text });
        await h.send({ type: 'screen', job: 1, mapping: proposeMapping(HEAD.split(',')), asOf: '2025-09-01', part: { index, count: 2 } });
        return h;
      }),
    );
    expect(parts[1]!.rows().length).toBeGreaterThan(50);
    expect([...parts[0]!.rows(), ...parts[1]!.rows()]).toEqual(one.rows());
    const sum = (k: 'rows' | 'blank' | 'error' | 'eligible') => parts.reduce((n, h) => n + h.of('done')[0]!.counts[k], 0);
    expect([sum('rows'), sum('blank'), sum('error'), sum('eligible')]).toEqual([one.of('done')[0]!.counts.rows, one.of('done')[0]!.counts.blank, one.of('done')[0]!.counts.error, one.of('done')[0]!.counts.eligible]);
    const joined = parts[0]!.core.csvText('zh-CN').csv + '\r\n' + parts[1]!.core.csvText('zh-CN', undefined, false).csv;
    expect(joined).toBe(one.core.csvText('zh-CN').csv);
    const second = parts[1]!.rows()[3]!.row;
    await parts[1]!.send({ type: 'detail', job: 1, row: second });
    expect(parts[1]!.of('detail')[0]!.input['姓名']).toBe(one.rows().find((r) => r.row === second)!.ref);
  });
});

describe('the fast row screener', () => {
  it('gives the same errors and result as screenRecord on varied, broken and over-long rows', () => {
    const r = rng(7);
    const mapping = proposeMapping(FACT_FIELDS);
    const rows: string[][] = Array.from({ length: 400 }, () => factsToRow(generateFacts(r), FACT_FIELDS, r));
    const at = (f: string) => FACT_FIELDS.indexOf(f as (typeof FACT_FIELDS)[number]);
    rows[0]![at('ref')] = 'x'.repeat(201);
    rows[1]![at('notes')] = 'y'.repeat(5001);
    rows[2]![at('grade')] = '五级';
    rows[3]![at('certifiedOn')] = '2025-02-30';
    rows[4]![at('ref')] = 'x'.repeat(200);
    rows[5]![at('hukou')] = ' 天津 ';
    for (const [i, cells] of rows.entries()) {
      const fast = screenRow(cells, mapping, i + 2, '2025-09-01');
      const full = screenRecord(mappedRecord(cells, mapping), i + 2, '2025-09-01');
      expect(fast.errors).toEqual(full.errors);
      expect(fast.result).toEqual(full.result);
    }
    expect(screenRow(rows[0]!, mapping, 2, '2025-09-01').errors[0]).toMatchObject({ field: 'ref', code: 'tooLong' });
    expect(screenRow(rows[1]!, mapping, 3, '2025-09-01').errors[0]).toMatchObject({ field: 'notes', code: 'tooLong' });
  });
});

describe('reading a file\'s bytes', () => {
  it('reads UTF-8 with a byte-order mark and says so', () => {
    const d = decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('户籍\n天津')]));
    expect(d).toEqual({ ok: true, text: '户籍\n天津', encoding: 'utf-8', bom: true });
  });

  it('falls back to GBK for bytes that are not UTF-8', () => {
    // 户籍,低保 in GBK
    const gbk = new Uint8Array([0xbb, 0xa7, 0xbc, 0xae, 0x2c, 0xb5, 0xcd, 0xb1, 0xa3]);
    expect(decodeBytes(gbk)).toEqual({ ok: true, text: '户籍,低保', encoding: 'gbk', bom: false });
  });

  it('gives up on bytes that are neither UTF-8 nor GBK', () => {
    expect(decodeBytes(new Uint8Array([0x81, 0x20, 0xff, 0xff]))).toEqual({ ok: false, reason: 'undecodable' });
  });

  it('reports an undecodable file through the protocol', async () => {
    const h = harness();
    await h.send({ type: 'load', job: 3, bytes: new Uint8Array([0x81, 0x20, 0xff]).buffer });
    expect(h.of('loadFailed')).toEqual([{ type: 'loadFailed', job: 3, reason: 'undecodable' }]);
  });
});
