/**
 * A street office's roster (test/fixtures/street) through the command-line screener: in GBK and in
 * UTF-8, the people whose core conditions are met come out "likely eligible, to verify at the visit"
 * with what they are paid if the checks come out "no" and the checklist.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine/evaluate';
import { unknownFacts } from '../../src/facts/schema';
import { STREET_AS_OF, STREET_DIR, streetPeople } from '../fixtures/street/expect';

const ROOT = join(import.meta.dirname, '..', '..');
beforeAll(() => {
  execFileSync(process.execPath, ['scripts/screen.mjs', '--build-only'], { cwd: ROOT });
}, 120_000);

function run(file: string, lang: 'zh-CN' | 'en' = 'zh-CN') {
  const stdout = execFileSync(process.execPath, ['scripts/screen.mjs', join(STREET_DIR, file), '--as-of', STREET_AS_OF, '--lang', lang], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return Papa.parse<Record<string, string>>(stdout.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
}

describe('a street office roster on the command line', () => {
  for (const file of ['street-office-gbk.csv', 'street-office-utf8.csv']) {
    it(`${file}: every person whose 户籍, 低保 and certificate number are given is likely eligible, to verify at the visit, and no one else`, () => {
      const rows = run(file, 'en');
      const people = streetPeople();
      expect(rows.map((r) => Number(r.row))).toEqual(people.map((p) => p.row));
      const likely = rows.filter((r) => r.screening === 'likely').map((r) => Number(r.row));
      expect(likely).toEqual(people.filter((p) => p.coreMet).map((p) => p.row));
      expect(likely.length).toBeGreaterThan(0);
    });
  }

  it('a likely row says what it pays if every check comes out "no" (the engine\'s own amounts), and lists the checks', () => {
    const rows = run('street-office-utf8.csv', 'en');
    const zhang = rows.find((r) => r['姓名'] === '张伟')!; // 肢体 grade 1 by the number …41, in 低保
    const allNo = evaluate({ ...unknownFacts(), hukou: 'tianjin', certificate: 'valid', category: 'physical', grade: 1, household: 'dibao', tekun: 'no', workInjuryCareFee: 'no', inPrison: 'no', orphanGuarantee: 'no', orphanInInstitution: 'no', institutionCareFunded: 'no', welfareLivingAllowances: [], welfareCareAllowances: [], homeCareNursingSubsidy: [] }, { asOf: STREET_AS_OF });
    if (!allNo.covered) throw new Error('not covered');
    expect(Number(zhang.total)).toBe(allNo.total);
    expect(Number(zhang.livingMonthly)).toBe(allNo.living.paid);
    expect(zhang.checklist!.split(';')).toEqual(expect.arrayContaining(['tekun', 'workInjuryCareFee', 'inPrison']));
  });

  it('in Chinese the outcome reads 可能符合，待入户核实, the typo in an ID number is a warning on its row, and the original columns stay in place', () => {
    const rows = run('street-office-gbk.csv');
    expect(Object.keys(rows[0]!).slice(0, 3)).toEqual(['序号', '姓名', '性别']);
    expect(rows.filter((r) => r['筛查结论'] === '可能符合，待入户核实').length).toBe(streetPeople().filter((p) => p.coreMet).length);
    const sun = rows.find((r) => r['姓名'] === '孙丽')!;
    expect(sun['提醒']).toContain('校验位');
    expect(sun['错误']).toBe('');
  });
});
