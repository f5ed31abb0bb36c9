import { describe, expect, it } from 'vitest';
import { makeBatch, ROW_KINDS, type RowSummary } from '../../src/roster/protocol';
import { RowStore } from '../../src/roster/store';

const row = (n: number, kind: RowSummary['kind'], overdue = false): RowSummary => ({
  row: n,
  ref: `r${n}`,
  kind,
  total: 0,
  ...(overdue ? { notice: { trigger: 'dibao', date: '2025-01-10', lastOnTimeDay: '2025-04-10', status: 'overdue', holidayAdjusted: true, required: 'yes' } } : {}),
});

describe('the page\'s store of screened rows', () => {
  const store = new RowStore();
  store.add(makeBatch([row(2, 'eligible'), row(3, 'error'), row(5, 'depends', true)]));
  store.add(makeBatch([]));
  store.add(makeBatch([row(6, 'error'), row(7, 'eligible', true)]));

  it('lists rows across batches in file order and parses a summary when it is asked for', () => {
    expect(store.size).toBe(5);
    expect(store.get(3)).toEqual(row(6, 'error'));
    expect(store.rowAt(4)).toBe(7);
  });

  it('filters by kind and by overdue notice without reading the summaries', () => {
    // all rows ranked by kind (ROW_KINDS: likely, eligible, depends, …, error), in file order within a kind
    expect([...store.select('all')]).toEqual([0, 4, 2, 1, 3]);
    expect([...store.select('error')].map((i) => store.rowAt(i))).toEqual([3, 6]);
    expect([...store.select('overdue')].map((i) => store.rowAt(i))).toEqual([5, 7]);
    expect([...store.select('excluded')]).toEqual([]);
  });

  it('counts the rows of a kind that a filter keeps, and gives their row numbers, leaving out a kind if asked', () => {
    expect(store.countOf('all', 'error')).toBe(2);
    expect(store.countOf('error', 'error')).toBe(2);
    expect(store.countOf('eligible', 'error')).toBe(0);
    expect(store.countOf('overdue', 'eligible')).toBe(1);
    expect(store.countOf('overdue', 'error')).toBe(0);
    expect(store.rowNumbers('all')).toEqual([2, 3, 5, 6, 7]);
    expect(store.rowNumbers('all', 'error')).toEqual([2, 5, 7]);
    expect(store.rowNumbers('overdue')).toEqual([5, 7]);
    expect(store.rowNumbers('error', 'error')).toEqual([]);
    // the same as looking each row up
    for (const f of ['all', 'eligible', 'error', 'depends', 'overdue'] as const) {
      const idx = [...store.select(f)];
      expect(store.countOf(f, 'error')).toBe(idx.filter((i) => store.kindAt(i) === 'error').length);
      expect(store.rowNumbers(f).sort((a, b) => a - b)).toEqual(idx.map((i) => store.rowAt(i)).sort((a, b) => a - b));
    }
  });

  it('tells each row\'s kind by its index, so that rows with errors are kept out of a choice', () => {
    expect([0, 1, 2, 3, 4].map((i) => store.kindAt(i))).toEqual(['eligible', 'error', 'depends', 'error', 'eligible']);
  });
});

describe('ranking many rows', () => {
  it('lists every row once, by kind in ROW_KINDS order and in file order within a kind, however the rows fall into batches', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const kinds = ROW_KINDS;
    const store = new RowStore();
    const all: RowSummary[] = [];
    let n = 2;
    for (let b = 0; b < 40; b++) {
      const batch = Array.from({ length: Math.floor(next() * 60) }, () => row(n++, kinds[Math.floor(next() * kinds.length)]!));
      all.push(...batch);
      store.add(makeBatch(batch));
    }
    const expected = kinds.flatMap((k) => all.filter((r) => r.kind === k).map((r) => r.row));
    expect(Array.from(store.select('all'), (i) => store.rowAt(i))).toEqual(expected);
    expect(expected).toHaveLength(all.length);
  });
});
