import { describe, expect, it } from 'vitest';
import { RosterCore } from '../../src/roster/core';
import { proposeMapping } from '../../src/roster/mapping';
import { RosterPool, type WorkerLike } from '../../src/roster/pool';
import { batchRows, type FromWorker, type ToWorker } from '../../src/roster/protocol';

/** A worker stand-in running RosterCore in this process; messages are delivered asynchronously, in order. */
function fakeWorker(): WorkerLike & { idle: () => Promise<void> } {
  let queue = Promise.resolve();
  const w: WorkerLike & { idle: () => Promise<void> } = {
    onmessage: null,
    postMessage(msg: ToWorker) {
      const copy = structuredClone(msg);
      queue = queue.then(() => core.handle(copy));
    },
    terminate() {},
    idle: () => queue,
  };
  const core = new RosterCore({ post: (m) => w.onmessage?.({ data: m } as MessageEvent<FromWorker>), yieldTurn: () => new Promise((r) => setTimeout(r, 0)), chunkSize: 400 });
  return w;
}

const HEAD = 'ref,hukou,certificate,category,grade,household,tekun,workInjuryCareFee,inPrison,orphanGuarantee,welfareLivingAllowances,welfareCareAllowances,homeCareNursingSubsidy,certifiedOn';
const text = [HEAD, ...Array.from({ length: 120 }, (_, i) => (i === 40 ? '' : `r${i},tianjin,valid,physical,${i % 7 === 0 ? 9 : (i % 4) + 1},dibao,no,no,no,no,none,none,none,2025-0${(i % 9) + 1}-1${i % 10}`))].join('\n');

async function run(n: number) {
  const workers = Array.from({ length: n }, fakeWorker);
  const pool = new RosterPool(workers);
  const got: FromWorker[] = [];
  pool.onmessage = (m) => got.push(m);
  const settle = async () => {
    for (let i = 0; i < 5; i++) await Promise.all(workers.map((w) => w.idle()));
  };
  pool.send({ type: 'load', job: 1, bytes: new TextEncoder().encode(text).buffer });
  await settle();
  pool.send({ type: 'screen', job: 1, mapping: proposeMapping(HEAD.split(',')), asOf: '2025-09-01' });
  await settle();
  return { pool, got, settle, of: <T extends FromWorker['type']>(t: T) => got.filter((m): m is Extract<FromWorker, { type: T }> => m.type === t) };
}

describe('a pool of screening workers', () => {
  it('hands the page the same rows, counts and export from two workers as from one', async () => {
    const one = await run(1);
    const two = await run(2);
    expect(two.of('loaded')).toHaveLength(1);
    expect(two.of('done')).toHaveLength(1);
    expect(two.of('rows').flatMap((m) => batchRows(m.batch))).toEqual(one.of('rows').flatMap((m) => batchRows(m.batch)));
    expect(two.of('done')[0]!.counts).toEqual(one.of('done')[0]!.counts);
    expect(one.of('done')[0]!.counts).toMatchObject({ rows: 119, blank: 1, error: 18 });
    const fractions = two.of('progress').map((p) => p.fraction);
    expect(fractions.at(-1)).toBe(1);

    for (const p of [one, two]) {
      p.pool.send({ type: 'export', job: 1, lang: 'en' });
      await p.settle();
    }
    const csv1 = await one.of('exported')[0]!.csv.text();
    const csv2 = await two.of('exported')[0]!.csv.text();
    expect(csv2).toBe(csv1);
    expect(two.of('exported')[0]!.rows).toBe(119);
  });

  it('asks the worker that screened a row for its details', async () => {
    const two = await run(2);
    two.pool.send({ type: 'detail', job: 1, row: 110 });
    two.pool.send({ type: 'detail', job: 1, row: 3 });
    await two.settle();
    expect(two.of('detail').map((d) => [d.row, d.input.ref])).toEqual([
      [110, 'r108'],
      [3, 'r1'],
    ]);
    expect(two.of('failed')).toEqual([]);
  });

  it('exports only the chosen rows, whichever worker holds them', async () => {
    const two = await run(2);
    two.pool.send({ type: 'export', job: 1, lang: 'zh-CN', rows: [2, 100, 121] });
    await two.settle();
    const x = two.of('exported')[0]!;
    expect(x.rows).toBe(3);
    const lines = (await x.csv.text()).split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['r0', 'r98', 'r119']);
  });
});

describe('a pool given a picked file', () => {
  it('hands every worker the file itself (a handle, not a copy of its bytes) and screens as from bytes', async () => {
    const sent: ToWorker[][] = [];
    const spies = [fakeWorker(), fakeWorker()].map((w, k) => {
      sent[k] = [];
      const post = w.postMessage.bind(w);
      w.postMessage = (msg: ToWorker, transfer?: Transferable[]) => {
        sent[k]!.push(msg);
        expect(transfer ?? []).toEqual([]);
        post(msg);
      };
      return w;
    });
    const pool = new RosterPool(spies);
    const got: FromWorker[] = [];
    pool.onmessage = (m) => got.push(m);
    const file = new Blob([text]);
    pool.send({ type: 'load', job: 1, file });
    for (const k of [0, 1]) expect(sent[k]![0]).toEqual({ type: 'load', job: 1, file });
    expect(sent.map((s) => (s[0] as { file?: Blob }).file)).toEqual([file, file]);
    for (let i = 0; i < 5; i++) await Promise.all(spies.map((w) => w.idle()));
    pool.send({ type: 'screen', job: 1, mapping: proposeMapping(HEAD.split(',')), asOf: '2025-09-01' });
    for (let i = 0; i < 5; i++) await Promise.all(spies.map((w) => w.idle()));
    const fromBytes = await run(2);
    const done = got.filter((m) => m.type === 'done');
    expect(done).toHaveLength(1);
    expect(done[0]!.counts).toEqual(fromBytes.of('done')[0]!.counts);
    expect(got.flatMap((m) => (m.type === 'rows' ? batchRows(m.batch) : []))).toEqual(fromBytes.of('rows').flatMap((m) => batchRows(m.batch)));
  });
});

describe('a pool re-reading chosen rows for the caseload', () => {
  it('gathers the rows from whichever worker screened them into one answer, in row order', async () => {
    const one = await run(1);
    const two = await run(2);
    for (const p of [one, two]) {
      p.pool.send({ type: 'caseRows', job: 1, req: 7, rows: [121, 3, 42, 101, 9] });
      await p.settle();
    }
    const answers = two.of('caseRows');
    expect(answers).toHaveLength(1);
    expect(answers[0]!.req).toBe(7);
    // row 42 is the blank line; rows 9 and 121 have a bad grade
    expect(answers[0]!.rows.map((r) => [r.row, 'facts' in r ? r.facts.ref : 'error'])).toEqual([
      [3, 'r1'],
      [9, 'error'],
      [101, 'r99'],
      [121, 'error'],
    ]);
    expect(answers[0]!.rows).toEqual(one.of('caseRows')[0]!.rows);
  });
});
