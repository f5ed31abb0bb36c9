import { describe, expect, it } from 'vitest';
import { RULES_VERSION } from '../../rules';
import { evaluate } from '../../src/engine/evaluate';
import { RosterCore } from '../../src/roster/core';
import { proposeMapping } from '../../src/roster/mapping';
import type { CaseRow, FromWorker } from '../../src/roster/protocol';
import { addedBefore, caseFromRow, planAdd, type GoodRow } from '../../src/roster/toCase';
import { caseSchema, MAX_CASES, migrate, SCHEMA_VERSION, summarize } from '../../src/storage/model';
import { caseFor } from '../caseload/fixtures';

const HEAD = '姓名,户籍,残疾人证,残疾类别,残疾等级,家庭类别,特困,工伤护理费,服刑,孤儿,福利性生活补贴,福利性护理补贴,居家养老护理补贴,新办证日期,联系电话';
const GOOD = '天津,有,肢体,一级,低保,否,否,否,否,无,无,无';
const TEXT = [
  HEAD,
  `张三,${GOOD},2025-07-01,13800000000`, // row 2: eligible, newly certified
  `李四,天津,有,肢体,五级,低保,否,否,否,否,无,无,无,,`, // row 3: grade error
  '', // row 4: blank
  `,天津,有,肢体,三级,不清楚,否,否,否,否,无,无,无,,`, // row 5: no name, household unknown
  `王五,外地,有,肢体,一级,低保,否,否,否,否,无,无,无,,`, // row 6: not from Tianjin
].join('\n');
const AS_OF = '2025-09-01';
const FILE = '十月新办证.csv';
const NOW = new Date('2025-09-02T01:00:00.000Z');
const note = (r: GoodRow) => `from ${FILE} row ${r.row}`;

async function screened(asOf = AS_OF) {
  const posted: FromWorker[] = [];
  const core = new RosterCore({ post: (m) => posted.push(m), yieldTurn: () => Promise.resolve(), chunkSize: 50 });
  await core.handle({ type: 'load', job: 1, text: TEXT });
  const loaded = posted.find((m) => m.type === 'loaded');
  if (loaded?.type !== 'loaded') throw new Error('not loaded');
  await core.handle({ type: 'screen', job: 1, mapping: proposeMapping(loaded.headers), asOf });
  return { core, posted };
}

const good = (rows: CaseRow[], row: number): GoodRow => {
  const r = rows.find((x) => x.row === row);
  if (!r || !('facts' in r)) throw new Error(`row ${row} has no facts`);
  return r;
};

describe('turning screened roster rows into cases', () => {
  it('a row whose exclusions the roster does not record becomes a case that says likely eligible, what it pays if the checks come out "no", and the checklist', async () => {
    const posted: FromWorker[] = [];
    const core = new RosterCore({ post: (m) => posted.push(m), yieldTurn: () => Promise.resolve() });
    await core.handle({ type: 'load', job: 1, text: '姓名,户籍,残疾人证,残疾类别,残疾等级,家庭类别\n赵六,天津,有,肢体,一级,低保' });
    const loaded = posted.find((m) => m.type === 'loaded');
    if (loaded?.type !== 'loaded') throw new Error('not loaded');
    await core.handle({ type: 'screen', job: 1, mapping: proposeMapping(loaded.headers), asOf: AS_OF });
    const row = good(core.caseRows([2]), 2);
    const c = caseFromRow(row, FILE, '', NOW);
    expect(caseSchema.parse(c)).toEqual(c);
    expect(c.check.living?.status).toBe('depends');
    const allNo = evaluate({ ...row.facts, tekun: 'no', workInjuryCareFee: 'no', inPrison: 'no', orphanGuarantee: 'no', orphanInInstitution: 'no', institutionCareFunded: 'no', welfareLivingAllowances: [], welfareCareAllowances: [], homeCareNursingSubsidy: [] }, { asOf: AS_OF });
    expect(c.check.screening).toMatchObject({ status: 'likely', total: allNo.covered ? allNo.total : -1 });
    expect(c.check.screening?.checklist).toEqual(expect.arrayContaining(['tekun', 'workInjuryCareFee', 'inPrison']));
  });

  it('re-reads only the chosen rows, in row order, leaving out blank rows', async () => {
    const { core } = await screened();
    expect(core.caseRows([6, 2, 4, 3, 99]).map((r) => r.row)).toEqual([2, 3, 6]);
    expect(core.caseRows([])).toEqual([]);
  });

  it('reads a row with the same facts as its detail view, and its result at the screening date', async () => {
    const { core, posted } = await screened();
    await core.handle({ type: 'detail', job: 1, row: 2 });
    const detail = posted.find((m) => m.type === 'detail');
    if (detail?.type !== 'detail' || !detail.facts || !detail.result) throw new Error('no detail');
    const row = good(core.caseRows([2]), 2);
    expect(row.facts).toEqual(detail.facts);
    expect(row.check).toEqual(summarize(detail.result, detail.facts));
    expect(row.check).toEqual(summarize(evaluate(row.facts, { asOf: AS_OF }), row.facts));
  });

  it('makes a case with the row’s answers, its result with the as-of date and rules version, the source and the note', async () => {
    const { core } = await screened();
    const c = caseFromRow(good(core.caseRows([2]), 2), FILE, 'a note', NOW);
    expect(caseSchema.parse(c)).toEqual(c);
    expect(c.facts).toMatchObject({ ref: '张三', hukou: 'tianjin', grade: 1, household: 'dibao', certifiedOn: '2025-07-01' });
    expect(Object.values(c.facts)).not.toContain(undefined);
    expect(c.check).toMatchObject({ checkedOn: AS_OF, rulesVersion: RULES_VERSION, covered: true, living: { status: 'paid', paid: 300 }, care: { status: 'paid', paid: 200 }, total: 500 });
    expect(c.check.notice?.triggers).toEqual([expect.objectContaining({ trigger: 'certified', date: '2025-07-01', lastOnTimeDay: '2025-10-09' })]);
    expect(c.source).toEqual({ kind: 'roster', file: FILE, row: 2, asOf: AS_OF });
    expect(c.notes).toBe('a note');
    expect(c.contact).toEqual({ phone: '13800000000' });
    expect(c.createdAt).toBe(NOW.toISOString());
  });

  it('keeps the result of the screening date, not of today', async () => {
    const { core } = await screened('2023-07-31');
    const c = caseFromRow(good(core.caseRows([2]), 2), FILE, '', NOW);
    expect(c.check).toMatchObject({ checkedOn: '2023-07-31', covered: false, total: 0 });
  });

  it('turns every good chosen row into a case and reports the rows with errors by row and column', async () => {
    const { core } = await screened();
    const plan = planAdd([], core.caseRows([2, 3, 5, 6]), FILE, note, NOW);
    expect(plan.add.map((c) => [c.source?.row, c.facts.ref ?? '', c.check.living?.status, c.notes])).toEqual([
      [2, '张三', 'paid', `from ${FILE} row 2`],
      [5, '', 'depends', `from ${FILE} row 5`],
      [6, '王五', 'notEligible', `from ${FILE} row 6`],
    ]);
    expect(plan.failed).toEqual([{ row: 3, errors: [expect.objectContaining({ field: 'grade', column: '残疾等级', value: '五级' })] }]);
    expect(plan.already).toEqual([]);
    expect(new Set(plan.add.map((c) => c.id)).size).toBe(3);
  });

  it('says a row added before from the same file is already in the caseload instead of adding it again', async () => {
    const { core } = await screened();
    const rows = core.caseRows([2, 5]);
    const first = planAdd([], rows, FILE, note, NOW);
    const again = planAdd(first.add, rows, FILE, note, NOW);
    expect(again.add).toEqual([]);
    expect(again.already).toEqual([
      { row: 2, ref: '张三', id: first.add[0]!.id },
      { row: 5, ref: '', id: first.add[1]!.id },
    ]);
  });

  it('adds the same row of another file, or another person in that row of a file with the same name, as a new case', async () => {
    const { core } = await screened();
    const [zhang] = planAdd([], core.caseRows([2]), FILE, note, NOW).add;
    const rows = core.caseRows([2]);
    expect(planAdd([zhang!], rows, 'another.csv', note, NOW).add).toHaveLength(1);
    const other = { ...good(rows, 2), facts: { ...good(rows, 2).facts, ref: '赵六' } };
    expect(addedBefore([zhang!], FILE, other)).toBeUndefined();
  });

  it('matches a row without a name by its answers', async () => {
    const { core } = await screened();
    const [noName] = planAdd([], core.caseRows([5]), FILE, note, NOW).add;
    const row = good(core.caseRows([5]), 5);
    expect(addedBefore([noName!], FILE, row)?.id).toBe(noName!.id);
    expect(addedBefore([noName!], FILE, { ...row, facts: { ...row.facts, grade: 4 } })).toBeUndefined();
  });

  it('never matches a case typed in through the wizard', async () => {
    const { core } = await screened();
    expect(addedBefore([caseFor('张三')], FILE, good(core.caseRows([2]), 2))).toBeUndefined();
  });

  it('leaves out the rows that would take the caseload beyond its limit', async () => {
    const { core } = await screened();
    const full = Array<ReturnType<typeof caseFor>>(MAX_CASES - 1).fill(caseFor('someone'));
    const plan = planAdd(full, core.caseRows([2, 5, 6]), FILE, note, NOW);
    expect(plan.add.map((c) => c.source?.row)).toEqual([2]);
    expect(plan.overLimit).toEqual([5, 6]);
  });

  it('gives cases that the caseload reads back unchanged', async () => {
    const { core } = await screened();
    const cases = planAdd([caseFor('李四')], core.caseRows([2, 5, 6]), FILE, note, NOW).add;
    const stored = JSON.parse(JSON.stringify({ schemaVersion: SCHEMA_VERSION, cases }));
    const m = migrate(stored);
    expect(m.ok && m.caseload.cases).toEqual(cases);
  });
});
