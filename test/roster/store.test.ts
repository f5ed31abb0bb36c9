import { describe, expect, it } from 'vitest';
import { makeBatch, type RowSummary } from '../../src/roster/protocol';
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

  it('tells each row\'s kind by its index, so that rows with errors are kept out of a choice', () => {
    expect([0, 1, 2, 3, 4].map((i) => store.kindAt(i))).toEqual(['eligible', 'error', 'depends', 'error', 'eligible']);
  });
});
