/**
 * The command-line screener run as a child process, as a user runs it.
 * (Runs go through scripts/screen.mjs, as `npm run screen` does, so they test the bundle users run;
 * the limits are generous for busy machines: nothing here measures speed.)
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { RESULT_COLUMNS } from '../../src/screening/results';

const ROOT = join(import.meta.dirname, '..', '..');

// build the bundle once, before the runs below start side by side
beforeAll(() => {
  execFileSync(process.execPath, ['scripts/screen.mjs', '--build-only'], { cwd: ROOT });
}, 120_000);
const fixture = (name: string) => join('test', 'fixtures', name);

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the screener with the given arguments and standard input; resolves when it exits. */
function screen(args: string[], input: string | Buffer = ''): Promise<Run> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['scripts/screen.mjs', ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    p.stdout.on('data', (b: Buffer) => out.push(b));
    p.stderr.on('data', (b: Buffer) => err.push(b));
    p.on('error', reject);
    p.on('close', (code) => resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
    p.stdin.on('error', () => {}); // the screener may exit before reading all of it
    p.stdin.end(input);
  });
}

const rowsOf = (csv: string) => Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true, delimiter: ',' }).data;
const byRef = (rows: Record<string, string>[], ref: string) => rows.find((r) => r.ref === ref)!;

describe('npm run screen on CSV', { timeout: 120_000, concurrent: true }, () => {
  it('screens a good file: exit 0, one output row per person with its spreadsheet row number and result', async () => {
    const r = await screen([fixture('good.csv'), '--as-of', '2025-08-01', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('\uFEFF')).toBe(true);
    const rows = rowsOf(r.stdout);
    expect(rows.map((x) => x.row)).toEqual(['2', '3', '4']);
    expect(byRef(rows, '张三')).toMatchObject({ livingStatus: 'paid', livingMonthly: '300', careStatus: 'paid', careMonthly: '200', total: '500', error: '' });
    // 外地 household registration: neither subsidy (TJ-LIVING-SCOPE, TJ-CARE-SCOPE)
    expect(byRef(rows, '王五')).toMatchObject({ livingStatus: 'notEligible', careStatus: 'notEligible', total: '0' });
    expect(r.stderr).toContain('Screened 3: 3 with a result, 0 with errors');
  });

  it('keeps the good rows of a mixed file and reports each bad row by its row number and field', async () => {
    const r = await screen([fixture('mixed.csv'), '--as-of', '2025-08-01', '--lang', 'en']);
    expect(r.code).toBe(0);
    const rows = rowsOf(r.stdout);
    expect(rows.map((x) => x.row)).toEqual(['2', '4', '5', '7']);
    expect(byRef(rows, '甲')).toMatchObject({ livingTier: 'severe', error: '' });
    expect(byRef(rows, '丁')).toMatchObject({ noticeLastOnTimeDay: '2025-10-09', error: '' });
    expect(byRef(rows, '乙').error).toContain('disability grade (grade): "五级" cannot be read with certainty; use one of 1, 2, 3, 4, unknown (in Chinese: 一级');
    expect(byRef(rows, '乙').livingStatus).toBe('');
    expect(byRef(rows, '丙').error).toMatch(/category.*翅膀|翅膀.*category/);
    expect(byRef(rows, '丙').error).toContain('2025-02-30');
    expect(r.stderr).toMatch(/^Row 4: .*grade/m);
    expect(r.stderr).toMatch(/^Row 5: .*category/m);
    // the extra column is kept and mentioned once
    expect(byRef(rows, '甲').phone).toBe('123');
    expect(r.stderr.match(/not facts/g)).toHaveLength(1);
  });

  it('still exits 0 when every row is bad, with the messages in Chinese by default', async () => {
    const r = await screen([fixture('bad.csv'), '--as-of', '2025-08-01']);
    expect(r.code).toBe(0);
    const rows = rowsOf(r.stdout);
    expect(rows).toHaveLength(3);
    expect(rows.every((x) => x['错误'] !== '')).toBe(true);
    expect(byRef(rows, '坏1')['错误']).toContain('户籍的值 “火星” 无法确定含义：可填 天津、天津市');
    expect(byRef(rows, '坏1')['错误']).not.toMatch(/hukou|tianjin/);
    expect(r.stderr).toMatch(/^第 2 行：户籍/m);
    expect(r.stderr).toMatch(/^第 4 行：.*新办残疾人证日期/m);
  });

  it('counts the worked deadlines of FACTS.md: 2024-11-30 → 2025-02-28 and 2025-07-01 → 2025-10-09 (TJ-NOTIFY-3M)', async () => {
    const rows = rowsOf((await screen([fixture('deadlines.csv'), '--as-of', '2025-08-01', '--lang', 'en'])).stdout);
    expect(byRef(rows, '十一月底纳入低保')).toMatchObject({ noticeTrigger: 'dibao:2024-11-30', noticeLastOnTimeDay: '2025-02-28', noticeStatus: 'overdue' });
    expect(byRef(rows, '七月一日新办证')).toMatchObject({
      noticeTrigger: 'certified:2025-07-01',
      noticeLastOnTimeDay: '2025-10-09',
      noticeHolidayAdjusted: 'yes',
      noticeStatus: 'notYetDue',
    });
  });

  it('reads standard input when no file is given, and drops a UTF-8 byte-order mark', async () => {
    const r = await screen(['--as-of', '2025-08-01', '--no-bom', '--lang', 'en'], readFileSync(join(ROOT, fixture('bom.csv'))));
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('ref,')).toBe(true);
    expect(rowsOf(r.stdout)[0]).toMatchObject({ ref: '带BOM', row: '2', livingTier: 'severe', error: '' });
  });

  it('reads a file that Excel saved in GBK', async () => {
    const r = await screen([fixture('gbk.csv'), '--as-of', '2025-08-01', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(rowsOf(r.stdout)[0]).toMatchObject({ ref: '国标', hukou: '天津', livingTier: 'severe', error: '' });
    expect(r.stderr).toContain('GB18030');
    expect(r.stderr).toContain('read as');
  });

  it('gives a clear not-covered result for every row when the date is before 2023-08-01, not an error', async () => {
    const r = await screen([fixture('good.csv'), '--as-of', '2023-07-31', '--lang', 'en']);
    expect(r.code).toBe(0);
    const rows = rowsOf(r.stdout);
    expect(rows.map((x) => x.livingStatus)).toEqual(['notCovered', 'notCovered', 'notCovered']);
    expect(rows.every((x) => x.error === '')).toBe(true);
    expect(r.stderr).toContain('2023-08-01');
  });

  it('writes every result column after the input columns', async () => {
    const header = Papa.parse<string[]>((await screen([fixture('bom.csv'), '--as-of', '2025-08-01', '--no-bom', '--lang', 'en'])).stdout, { delimiter: ',' }).data[0];
    expect(header).toEqual(['ref', 'hukou', 'certificate', 'category', 'grade', 'household', ...RESULT_COLUMNS]);
  });
});

describe('npm run screen on JSON', { timeout: 120_000, concurrent: true }, () => {
  it('returns the full result trace for good records and the errors of a bad one, by index', async () => {
    const r = await screen([fixture('mixed.json'), '--as-of', '2025-08-01', '--lang', 'en']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { index: number; result?: Record<string, unknown>; errors?: { field: string; value: unknown; code: string; message: string }[] }[];
    expect(out.map((x) => x.index)).toEqual([0, 1, 2]);
    expect(out[0]!.result).toMatchObject({ covered: true, total: 500, living: { status: 'paid', reasons: ['TJ-LIVING-SCOPE'] } });
    expect(out[0]!.result).toHaveProperty('notice.triggers.0.lastOnTimeDay', '2025-02-28');
    expect(out[1]!.result).toBeUndefined();
    expect(out[1]!.errors!.map((e) => e.field).sort()).toEqual(['category', 'colour', 'grade']);
    expect(out[1]!.errors!.find((e) => e.field === 'grade')).toMatchObject({ value: 5, code: 'notAllowed', message: expect.stringContaining('disability grade') });
    // missing fields are unknown: the partial record depends on them
    expect(out[2]!.result).toMatchObject({ living: { status: 'depends' } });
    expect(r.stderr).toMatch(/Record 2 \(index 1\)/);
  });

  it('answers one object with one object, read from standard input', async () => {
    const r = await screen(['--as-of', '2025-08-01'], readFileSync(join(ROOT, fixture('one.json'))));
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { index: number; result: { care: { status: string }; notice: { triggers: { lastOnTimeDay: string }[] } } };
    expect(out.index).toBe(0);
    expect(out.result.care.status).toBe('paid');
    expect(out.result.notice.triggers[0]!.lastOnTimeDay).toBe('2025-10-09');
  });
});

describe('npm run screen refusing what it cannot read', { timeout: 120_000, concurrent: true }, () => {
  it('exits 2 with a clear message for a bad --as-of', async () => {
    const r = await screen([fixture('good.csv'), '--as-of', '2025-02-30', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--as-of "2025-02-30" is not a valid date');
    expect(r.stdout).toBe('');
  });

  it('exits 2 for an unknown option', async () => {
    const r = await screen([fixture('good.csv'), '--fast']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('未知的选项 --fast');
  });

  it('exits 1 for a missing file', async () => {
    const r = await screen([fixture('no-such-file.csv'), '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no such file');
  });

  it('exits 1 for text that is not a facts CSV and for broken JSON', async () => {
    expect((await screen([fixture('not-facts.csv')])).code).toBe(1);
    expect((await screen([fixture('notes.txt')])).code).toBe(1);
    const r = await screen(['--lang', 'en'], '[{"hukou": "tianjin"');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('not valid JSON');
  });

  it('exits 1 for input that is not text at all, or empty', async () => {
    expect((await screen([], Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x01]))).code).toBe(1);
    expect((await screen([], '')).code).toBe(1);
  });
});

/** A file of `n` varied rows: good and bad rows, blank lines, quoted notes with commas and line breaks. */
function variedCsv(n: number, extra = ''): string {
  const lines = ['ref,hukou,category,grade,household,tekun,certifiedOn,notes,电话'];
  const households = ['低保', 'dibaoEdge', 'neither', '不清楚'];
  for (let i = 0; i < n; i++) {
    if (i % 97 === 5) lines.push('');
    const grade = i % 53 === 0 ? '五级' : String((i % 4) + 1);
    const notes = i % 7 === 0 ? `"住址：和平区, 第${i}号\r\n二楼 ""东门"""` : i % 11 === 0 ? '=1+1' : '';
    const certified = i % 13 === 0 ? '2026-02-30' : i % 5 === 0 ? '2026-09-01' : '';
    lines.push(`P${i},天津,${i % 3 ? '肢体' : '智力'},${grade},${households[i % 4]},否,${certified},${notes},1380000${i}`);
  }
  return lines.join('\r\n') + '\r\n' + extra;
}

const withoutStats = (s: string) => s.replace(/^stats .*\n/m, '');

describe('npm run screen on several threads', { timeout: 120_000, concurrent: true }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'screen-threads-'));

  it('writes the same output and the same messages on three threads as on one, byte for byte', async () => {
    const file = join(dir, 'varied.csv');
    writeFileSync(file, variedCsv(3000));
    const one = await screen([file, '--as-of', '2026-11-23', '--jobs', '1', '--stats']);
    const three = await screen([file, '--as-of', '2026-11-23', '--jobs', '3', '--stats']);
    expect(one.code).toBe(0);
    expect(three.code).toBe(0);
    expect(one.stderr).toContain('"threads":1');
    expect(three.stderr).toContain('"threads":3');
    expect(three.stdout).toBe(one.stdout);
    expect(withoutStats(three.stderr)).toBe(withoutStats(one.stderr));
    // the file's bad rows (五级, 2026-02-30) are there, listed once each in row order
    const rows = rowsOf(three.stdout);
    expect(rows).toHaveLength(3000);
    expect(rows.filter((r) => r.error !== '').length).toBeGreaterThan(20);
    const numbers = rows.map((r) => Number(r.row));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(byRef(rows, 'P7').notes).toBe('住址：和平区, 第7号\r\n二楼 "东门"');
  });

  it('writes the same output and messages on one thread, reading repeated rows from their bytes, as on three threads reading the text', async () => {
    // a street office's roster: no quotes, answers that repeat, ID numbers with typos, dates, blank and summary rows
    const answers = ['天津市,有,肢体残疾,二级,低保,否,否', '天津,有,视力残疾,一级,低保边缘,否,否', '外地,有,精神残疾,一级,否,否,否', '不清楚,有,智力残疾,三级,低保,否,', '天津市,无,肢体残疾,五级,低保,否,否'];
    const lines = ['2025年某街道残疾人名单', '序号,姓名,身份证号,户籍,残疾人证,残疾类别,残疾等级,家庭类别,特困人员供养,工伤保险生活护理费,新纳入低保日期,新办残疾人证日期,联系电话,备注'];
    for (let i = 0; i < 3000; i++) {
      const id = `1201011956030${String(1000 + (i % 9000)).padStart(4, '0')}${i % 11 === 0 ? 'X' : i % 10}`;
      const dates = i % 3 === 0 ? `2025/${1 + (i % 12)}/${1 + (i % 28)},` : i % 5 === 0 ? ',2025-07-01' : ',';
      lines.push(`${i + 1},王芳,${id},${answers[i % 5]},${dates},0221234${String(i % 10000).padStart(4, '0')},${i % 9 === 0 ? '已入户' : ''}`);
      if (i % 500 === 499) lines.push(',,,,', '合计,3000人');
    }
    const file = join(dir, 'street.csv');
    writeFileSync(file, '\uFEFF' + lines.join('\r\n') + '\r\n');
    const one = await screen([file, '--as-of', '2025-08-01', '--jobs', '1', '--stats']);
    const three = await screen([file, '--as-of', '2025-08-01', '--jobs', '3', '--stats']);
    expect(one.code).toBe(0);
    expect(three.stderr).toContain('"threads":3');
    // the one-thread run read the rows of repeated answers from their bytes (not the 600 with 五级,
    // an error, which the text way lists); the three-thread run read none
    expect(Number(/"fromBytes":(\d+)/.exec(one.stderr)![1])).toBeGreaterThan(2300);
    expect(three.stderr).toContain('"fromBytes":0');
    expect(one.stdout).toBe(three.stdout);
    const statsless = (s: string) => withoutStats(s);
    expect(statsless(one.stderr)).toBe(statsless(three.stderr));
  });

  it('screens a file whose quotes are not well formed on one thread, with the same output', async () => {
    const file = join(dir, 'stray-quote.csv');
    writeFileSync(file, variedCsv(300, 'P9999,天津,肢体,1,低保,否,,他说"好",\r\n'));
    const one = await screen([file, '--as-of', '2026-11-23', '--jobs', '1']);
    const two = await screen([file, '--as-of', '2026-11-23', '--jobs', '2', '--stats']);
    expect(two.code).toBe(0);
    expect(two.stderr).toContain('"threads":1');
    expect(two.stdout).toBe(one.stdout);
    expect(withoutStats(two.stderr)).toBe(one.stderr);
  });

  it('refuses a file with no fact columns on several threads as on one', async () => {
    const file = join(dir, 'not-facts.csv');
    writeFileSync(file, '姓名,电话\r\n' + Array.from({ length: 2000 }, (_, i) => `某${i},1380000${i}`).join('\r\n'));
    const r = await screen([file, '--jobs', '2', '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('not a facts CSV');
    expect(r.stdout).toBe('');
  });

  it('exits 2 for --jobs outside 1 to 16', async () => {
    const r = await screen([fixture('good.csv'), '--jobs', '0', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--jobs "0" is not allowed');
  });
});
