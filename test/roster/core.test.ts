import Papa from 'papaparse';
import { evaluate } from '../../src/engine/evaluate';
import { unknownFacts } from '../../src/facts/schema';
import { describe, expect, it } from 'vitest';
import { RosterCore } from '../../src/roster/core';
import { resultHeaders } from '../../src/screening/results';
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
    const ifNo = evaluate({ ...unknownFacts(), hukou: 'tianjin', certificate: 'valid', category: 'physical', grade: 1, household: 'dibao', tekun: 'no', workInjuryCareFee: 'no', inPrison: 'no', orphanGuarantee: 'no', orphanInInstitution: 'no', institutionCareFunded: 'no', welfareLivingAllowances: [], welfareCareAllowances: [], homeCareNursingSubsidy: [] }, { asOf: '2025-09-01' });
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
    expect(parsed[0]).toEqual([...HEAD.split(','), '电话', ...resultHeaders('zh-CN')]);
    const col = (r: string[], name: string) => r[parsed[0]!.indexOf(name)];
    expect(col(parsed[1]!, '电话')).toBe('138, 0000');
    expect(col(parsed[1]!, '行号')).toBe('2');
    expect(col(parsed[1]!, '每月合计（元）')).toBe('500');
    expect(col(parsed[1]!, '生活补贴结果')).toBe('可领取');
    expect(col(parsed[2]!, '行号')).toBe('4');
    expect(col(parsed[2]!, '错误')).toMatch(/残疾等级.*五级/);
    expect(h.core.csvText('en').csv).toMatch(/disability grade/);
    expect(h.core.csvText('zh-CN', [4]).rows).toBe(1);
  });
});

describe('screening one file in parallel parts', () => {
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

describe('rows as they cross to the page', () => {
  it('travel as typed arrays whose buffers are all handed over (transferred), never copied, and read back to the same summaries', async () => {
    const posted: { msg: FromWorker; transfer: Transferable[] }[] = [];
    const core = new RosterCore({ post: (msg, transfer) => posted.push({ msg, transfer: transfer ?? [] }), yieldTurn: () => Promise.resolve(), chunkSize: 200 });
    const text = [HEAD, ...Array.from({ length: 40 }, (_, i) => `人${i},${i % 3 ? GOOD : GOOD.replace('一级', '五级')},2025-07-01`)].join('\n');
    await core.handle({ type: 'load', job: 1, text });
    await core.handle({ type: 'screen', job: 1, mapping: proposeMapping(HEAD.split(',')), asOf: '2025-09-01' });
    const rows = posted.filter((p) => p.msg.type === 'rows');
    expect(rows.length).toBeGreaterThan(3);
    for (const { msg, transfer } of rows) {
      const b = (msg as Extract<FromWorker, { type: 'rows' }>).batch;
      expect(new Set(transfer)).toEqual(new Set([b.json.buffer, b.rows.buffer, b.kinds.buffer, b.overdue.buffer]));
      // each buffer holds only its own array (nothing else of the worker's goes with it)
      for (const a of [b.json, b.rows, b.kinds, b.overdue]) expect(a.byteLength).toBe(a.buffer.byteLength);
    }
    const summaries = rows.flatMap(({ msg }) => batchRows((msg as Extract<FromWorker, { type: 'rows' }>).batch));
    expect(summaries.map((r) => r.ref)).toEqual(Array.from({ length: 40 }, (_, i) => `人${i}`));
    expect(summaries.filter((r) => r.kind === 'error').map((r) => r.row)).toEqual([2, 5, 8, 11, 14, 17, 20, 23, 26, 29, 32, 35, 38, 41]);
    // and other messages carry nothing to transfer
    expect(posted.filter((p) => p.msg.type !== 'rows').every((p) => p.transfer.length === 0)).toBe(true);
  });
});

describe('a picked file', () => {
  it('is read by the core itself, and a screening asked for before the file is read waits for it', async () => {
    const text = `${HEAD}\n张三,${GOOD},2025-07-01\n李四,${GOOD.replace('一级', '五级')},2025-07-01\n`;
    const file = new Blob([new Uint8Array([0xef, 0xbb, 0xbf]), new TextEncoder().encode(text)]);
    const fromFile = harness();
    // as a second worker sees it: the page sends 'screen' once the first worker has read the file
    const load = fromFile.send({ type: 'load', job: 1, file });
    const screen = fromFile.send({ type: 'screen', job: 1, mapping: proposeMapping(HEAD.split(',')), asOf: '2025-09-01' });
    await Promise.all([load, screen]);
    expect(fromFile.of('failed')).toEqual([]);
    expect(fromFile.of('loaded')[0]).toMatchObject({ encoding: 'utf-8', bom: true, headers: HEAD.split(',') });
    const fromText = await screenText(text);
    expect(fromFile.rows()).toEqual(fromText.rows());
    expect(fromFile.rows().map((r) => r.kind)).toEqual(['eligible', 'error']);
  });

  it('that cannot be read is reported as a failure, and what waited for it fails too', async () => {
    const h = harness();
    const unreadable = { arrayBuffer: () => Promise.reject(new Error('NotReadableError')) } as unknown as Blob;
    await Promise.all([h.send({ type: 'load', job: 2, file: unreadable }), h.send({ type: 'detail', job: 2, row: 2 })]);
    expect(h.of('failed').map((m) => m.message)).toEqual(['NotReadableError', 'row 2 not screened']);
    expect(h.of('loaded')).toEqual([]);
  });
});

describe('a file that cannot be read', () => {
  it('reports an undecodable file through the protocol', async () => {
    const h = harness();
    await h.send({ type: 'load', job: 3, bytes: new Uint8Array([0x81, 0x20, 0xff]).buffer });
    expect(h.of('loadFailed')).toEqual([{ type: 'loadFailed', job: 3, reason: 'undecodable' }]);
  });
});
