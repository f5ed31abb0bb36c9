import { createActor, type SnapshotFrom } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { describe, expect, it } from 'vitest';
import { rosterMachine, type PoolLike, type RosterEvent } from '../../src/roster/roster.machine';
import { emptyCounts, makeBatch, type FromWorker, type ToWorker } from '../../src/roster/protocol';

const asOf = '2025-06-01';
type Snap = SnapshotFrom<typeof rosterMachine>;

/** A pool that records what the page asked of it. */
function fakePool() {
  const sent: ToWorker[] = [];
  let terminated = 0;
  const pools: PoolLike[] = [];
  const createPool = (): PoolLike => {
    const pool: PoolLike = { onmessage: () => {}, send: (msg) => sent.push(msg), terminate: () => void terminated++ };
    pools.push(pool);
    return pool;
  };
  return { sent, pools, createPool, terminated: () => terminated };
}

/** A roster whose header names the facts schema's fields is screened without a mapping step. */
const SELF_DESCRIBING = ['hukou', 'certificate', 'grade'];
/** Chinese headers a person maps (or confirms) first. */
const NEEDS_MAPPING = ['序号', '姓名', '备忘'];

const loaded = (job: number, headers: string[]): RosterEvent => ({
  type: 'WORKER',
  msg: { type: 'loaded', job, headers, headerRow: 1, sample: headers.map(() => ''), encoding: 'utf-8', bom: false, chars: 100 },
});
const counts = { ...emptyCounts(), rows: 2, eligible: 1, depends: 1 };
const rowsMsg = (job: number): RosterEvent => ({
  type: 'WORKER',
  msg: { type: 'rows', job, batch: makeBatch([{ row: 2, ref: 'a', kind: 'eligible', total: 500 }, { row: 3, ref: 'b', kind: 'depends', total: 0 }]) },
});
const doneMsg = (job: number, cancelled = false): RosterEvent => ({ type: 'WORKER', msg: { type: 'done', job, counts, ms: 5, cancelled, notes: [] } });

/** The events worth trying in each state (the worker's answers carry the machine's current job). */
function eventsFor(s: Snap): RosterEvent[] {
  const job = s.context.job;
  if (s.matches('pick'))
    return [
      { type: 'LOAD', name: 'a.csv', bytes: new ArrayBuffer(4) },
      { type: 'PASTE', text: 'hukou\ntianjin' },
      { type: 'PASTE', text: '   ' },
    ];
  if (s.matches({ open: 'reading' })) return [loaded(job, SELF_DESCRIBING), loaded(job, NEEDS_MAPPING), { type: 'WORKER', msg: { type: 'loadFailed', job, reason: 'undecodable' } }];
  if (s.matches({ open: 'mapping' }))
    return [{ type: 'START' }, { type: 'SET_MAPPING', mapping: ['ref', 'hukou', null] }, { type: 'RESTART' }];
  if (s.matches({ open: 'screening' })) return [rowsMsg(job), { type: 'CANCEL' }, doneMsg(job, s.context.cancelling), { type: 'WORKER', msg: { type: 'failed', job: -1, message: 'boom' } }];
  if (s.matches({ open: 'results' })) return [{ type: 'REMAP' }, { type: 'RESTART' }];
  return [];
}

const drive = (events: readonly (RosterEvent | { type: string })[]) => {
  const pool = fakePool();
  const actor = createActor(rosterMachine, { input: { asOf, createPool: pool.createPool } }).start();
  for (const e of events) if (!e.type.startsWith('xstate.')) actor.send(e as RosterEvent);
  return { actor, pool };
};

const serializeState = (s: Snap) =>
  `${JSON.stringify(s.value)}|${s.context.mapping.join(',')}|${s.context.cancelling}|${s.context.store.size > 0}|${!!s.context.loadError}|${!!s.context.pickError}|${s.context.done?.cancelled ?? '-'}`;

const toResults = getShortestPaths(rosterMachine, { input: { asOf, createPool: fakePool().createPool }, events: eventsFor, serializeState, toState: (s) => s.matches({ open: 'results' }) });

describe('the roster machine, path by path (xstate/graph)', () => {
  it('finds several distinct paths from picking a file to the results', () => {
    expect(toResults.length).toBeGreaterThan(3);
  });

  it('on every path to the results the workers were asked, in order, to read the file and then screen it with the mapping shown', () => {
    for (const path of toResults) {
      const { actor, pool } = drive(path.steps.map((s) => s.event));
      const s = actor.getSnapshot();
      expect(s.matches({ open: 'results' })).toBe(true);
      const types = pool.sent.map((m) => m.type);
      expect(types[0]).toBe('load');
      const screen = pool.sent.filter((m): m is Extract<ToWorker, { type: 'screen' }> => m.type === 'screen').at(-1)!;
      expect(screen.mapping).toEqual(s.context.mapping);
      expect(screen.asOf).toBe(asOf);
      expect(types.indexOf('load')).toBeLessThan(types.indexOf('screen'));
      expect(s.context.done?.counts).toEqual(counts);
    }
  });

  it('a file whose header is the schema\'s field names goes straight from reading to screening, without the mapping step', () => {
    const { actor } = drive([{ type: 'LOAD', name: 'a.csv', bytes: new ArrayBuffer(1) }, loaded(1, SELF_DESCRIBING)]);
    expect(actor.getSnapshot().matches({ open: 'screening' })).toBe(true);
  });

  it('a picked file goes to the workers as the file itself, for them to read; the page keeps no bytes', () => {
    const file = new Blob(['hukou\ntianjin']);
    const { actor, pool } = drive([{ type: 'LOAD', name: 'a.csv', file }]);
    expect(pool.sent).toEqual([{ type: 'load', job: 1, file }]);
    expect(actor.getSnapshot().context.loaded?.name).toBe('a.csv');
  });

  it('a mapping that reads no column is not screened: the page shows what is missing and stays on the mapping step', () => {
    const { actor, pool } = drive([{ type: 'PASTE', text: 'x' }, loaded(1, NEEDS_MAPPING), { type: 'SET_MAPPING', mapping: [null, null, null] }, { type: 'START' }]);
    expect(actor.getSnapshot().matches({ open: 'mapping' })).toBe(true);
    expect(actor.getSnapshot().context.showMappingErrors).toBe(true);
    expect(pool.sent.some((m) => m.type === 'screen')).toBe(false);
  });

  it('cancelling asks the workers once and keeps the rows screened so far as results marked cancelled', () => {
    const { actor, pool } = drive([{ type: 'LOAD', name: 'a.csv', bytes: new ArrayBuffer(1) }, loaded(1, SELF_DESCRIBING), rowsMsg(1), { type: 'CANCEL' }, { type: 'CANCEL' }, doneMsg(1, true)]);
    const s = actor.getSnapshot();
    expect(pool.sent.filter((m) => m.type === 'cancel')).toHaveLength(1);
    expect(s.matches({ open: 'results' })).toBe(true);
    expect(s.context.done?.cancelled).toBe(true);
    expect(s.context.store.size).toBe(2);
    expect(s.context.announce?.key).toBe('announce.cancelled');
  });

  it('announces the finished screening with a count for every kind of row, adding up to the rows screened', () => {
    const all = { ...emptyCounts(), rows: 21, likely: 6, eligible: 5, depends: 4, excluded: 3, notEligible: 2, error: 1 };
    const { actor } = drive([{ type: 'PASTE', text: 'x' }, loaded(1, SELF_DESCRIBING), { type: 'WORKER', msg: { type: 'done', job: 1, counts: all, ms: 5, cancelled: false, notes: [] } }]);
    const a = actor.getSnapshot().context.announce!;
    expect(a.key).toBe('announce.done');
    const { rows, ...kinds } = a.values as Record<string, number>;
    expect(kinds).toEqual({ likely: 6, eligible: 5, depends: 4, excluded: 3, notEligible: 2, error: 1 });
    expect(Object.values(kinds).reduce((x, y) => x + y, 0)).toBe(rows);
  });

  it('messages about an earlier file are ignored', () => {
    const { actor } = drive([{ type: 'LOAD', name: 'a.csv', bytes: new ArrayBuffer(1) }, { type: 'RESTART' }, { type: 'PASTE', text: 'x' }, loaded(1, SELF_DESCRIBING)]);
    expect(actor.getSnapshot().matches({ open: 'reading' })).toBe(true);
  });

  it('an unreadable file returns to picking with the reason, and an invalid date or empty paste never reaches the workers', () => {
    const { actor, pool } = drive([{ type: 'LOAD', name: 'a.csv', bytes: new ArrayBuffer(1) }, { type: 'WORKER', msg: { type: 'loadFailed', job: 1, reason: 'undecodable' } }]);
    expect(actor.getSnapshot().matches('pick')).toBe(true);
    expect(actor.getSnapshot().context.loadError).toEqual({ reason: 'undecodable' });
    actor.send({ type: 'SET_AS_OF', asOf: '' });
    actor.send({ type: 'LOAD', name: 'b.csv', bytes: new ArrayBuffer(1) });
    expect(actor.getSnapshot().context.pickError).toBe('asOfInvalid');
    actor.send({ type: 'SET_AS_OF', asOf });
    actor.send({ type: 'PASTE', text: ' ' });
    expect(actor.getSnapshot().context.pickError).toBe('pasteEmpty');
    expect(pool.sent.filter((m) => m.type === 'load')).toHaveLength(1);
  });

  it('the workers live while a file is open: made when it is read, ended when the page starts again', () => {
    const { actor, pool } = drive([{ type: 'LOAD', name: 'a.csv', bytes: new ArrayBuffer(1) }, loaded(1, SELF_DESCRIBING)]);
    expect(pool.pools).toHaveLength(1);
    actor.send({ type: 'RESTART' });
    expect(pool.terminated()).toBe(1);
    actor.send({ type: 'PASTE', text: 'x' });
    expect(pool.pools).toHaveLength(2);
  });

  it('the workers\' messages reach the machine through the pool actor, and answers the page asked for are emitted to it', () => {
    const { actor, pool } = drive([{ type: 'LOAD', name: 'a.csv', bytes: new ArrayBuffer(1) }]);
    const worker = (msg: FromWorker) => pool.pools[0]!.onmessage(msg);
    worker((loaded(1, SELF_DESCRIBING) as { msg: FromWorker }).msg);
    worker((doneMsg(1) as { msg: FromWorker }).msg);
    expect(actor.getSnapshot().matches({ open: 'results' })).toBe(true);
    const got: string[] = [];
    actor.on('detail', (e) => got.push(`detail ${e.row}`));
    actor.send({ type: 'DETAIL', row: 2 });
    expect(pool.sent.at(-1)).toEqual({ type: 'detail', job: 1, row: 2 });
    worker({ type: 'detail', job: 1, row: 2, input: {}, errors: [] });
    expect(got).toEqual(['detail 2']);
  });

  it('on the shortest path to every state the page can reach, leaving the page ends the workers', () => {
    const paths = getShortestPaths(rosterMachine, { input: { asOf, createPool: fakePool().createPool }, events: eventsFor, serializeState });
    expect(paths.length).toBeGreaterThan(toResults.length);
    for (const path of paths) {
      const { actor, pool } = drive(path.steps.map((s) => s.event));
      actor.stop();
      expect(pool.terminated()).toBe(pool.pools.length);
    }
  });
});
