/**
 * The page's copy of a screened roster: the batches as the workers sent them. Counting and
 * filtering read the per-row kind and overdue arrays; a summary is parsed from its batch's JSON
 * only when a page of the table shows it, so 100,000 rows cost the page little time and memory.
 */
import { batchRows, ROW_KINDS, type RowBatch, type RowKind, type RowSummary } from './protocol';

export type RowFilter = RowKind | 'all' | 'overdue';

export class RowStore {
  private readonly batches: RowBatch[] = [];
  private readonly parsed: (RowSummary[] | undefined)[] = [];
  /** index of each batch's first row in the whole list */
  private readonly starts: number[] = [];
  private count = 0;

  add(b: RowBatch): void {
    if (b.rows.length === 0) return;
    this.batches.push(b);
    this.parsed.push(undefined);
    this.starts.push(this.count);
    this.count += b.rows.length;
  }

  get size(): number {
    return this.count;
  }

  private locate(i: number): [number, number] {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= i) lo = mid;
      else hi = mid - 1;
    }
    return [lo, i - this.starts[lo]!];
  }

  /** The summary of the i-th row (0-based, file order). */
  get(i: number): RowSummary {
    const [b, k] = this.locate(i);
    const rows = (this.parsed[b] ??= batchRows(this.batches[b]!));
    return rows[k]!;
  }

  /** The spreadsheet row number of the i-th row. */
  rowAt(i: number): number {
    const [b, k] = this.locate(i);
    return this.batches[b]!.rows[k]!;
  }

  /** The kind of the i-th row, without parsing its summary. */
  kindAt(i: number): RowKind {
    const [b, k] = this.locate(i);
    return ROW_KINDS[this.batches[b]!.kinds[k]!]!;
  }

  /** The column a filter reads in each batch and the value it keeps (null: every row). */
  private static test(filter: RowFilter): { overdue: boolean; want: number } | null {
    if (filter === 'all') return null;
    return filter === 'overdue' ? { overdue: true, want: 1 } : { overdue: false, want: ROW_KINDS.indexOf(filter) };
  }

  /** How many of the rows a filter keeps are of a kind (batch by batch: no row is looked up). */
  countOf(filter: RowFilter, kind: RowKind): number {
    const f = RowStore.test(filter);
    const want = ROW_KINDS.indexOf(kind);
    let n = 0;
    for (const b of this.batches) {
      const kinds = b.kinds;
      const column = f?.overdue ? b.overdue : kinds;
      for (let k = 0; k < kinds.length; k++) if (kinds[k] === want && (!f || column[k] === f.want)) n++;
    }
    return n;
  }

  /** The spreadsheet row numbers of the rows a filter keeps, in file order, leaving out one kind if asked. */
  rowNumbers(filter: RowFilter, without?: RowKind): number[] {
    const f = RowStore.test(filter);
    const skip = without ? ROW_KINDS.indexOf(without) : -1;
    const out: number[] = [];
    for (const b of this.batches) {
      const kinds = b.kinds;
      const column = f?.overdue ? b.overdue : kinds;
      for (let k = 0; k < kinds.length; k++) if (kinds[k] !== skip && (!f || column[k] === f.want)) out.push(b.rows[k]!);
    }
    return out;
  }

  /**
   * Indexes of the rows a filter keeps, in file order; all rows are ranked by kind in ROW_KINDS order
   * (likely eligible first), in file order within a kind.
   */
  select(filter: RowFilter): Int32Array {
    if (filter === 'all') {
      // one pass counts each kind, one places each row after the kinds before its own
      const next = new Int32Array(ROW_KINDS.length + 1);
      for (const b of this.batches) for (let k = 0; k < b.kinds.length; k++) next[b.kinds[k]! + 1]!++;
      for (let i = 1; i < next.length; i++) next[i]! += next[i - 1]!;
      const out = new Int32Array(this.count);
      this.batches.forEach((b, bi) => {
        const start = this.starts[bi]!;
        for (let k = 0; k < b.kinds.length; k++) out[next[b.kinds[k]!]!++] = start + k;
      });
      return out;
    }
    const kind = filter === 'overdue' ? -1 : ROW_KINDS.indexOf(filter);
    const out = new Int32Array(this.count);
    let n = 0;
    this.batches.forEach((b, bi) => {
      const start = this.starts[bi]!;
      const column = kind < 0 ? b.overdue : b.kinds;
      const want = kind < 0 ? 1 : kind;
      for (let k = 0; k < column.length; k++) if (column[k] === want) out[n++] = start + k;
    });
    return out.slice(0, n);
  }
}
