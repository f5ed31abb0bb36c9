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

  /** Calls fn with each batch and the position in it of every row the filter keeps, in file order. */
  private each(filter: RowFilter, fn: (b: RowBatch, k: number) => void): void {
    const kind = filter === 'all' ? -2 : filter === 'overdue' ? -1 : ROW_KINDS.indexOf(filter);
    for (const b of this.batches) {
      const column = kind === -1 ? b.overdue : b.kinds;
      const want = kind === -1 ? 1 : kind;
      for (let k = 0; k < column.length; k++) if (kind === -2 || column[k] === want) fn(b, k);
    }
  }

  /** How many of the rows a filter keeps are of a kind (batch by batch: no row is looked up). */
  countOf(filter: RowFilter, kind: RowKind): number {
    const want = ROW_KINDS.indexOf(kind);
    let n = 0;
    this.each(filter, (b, k) => {
      if (b.kinds[k] === want) n++;
    });
    return n;
  }

  /** The spreadsheet row numbers of the rows a filter keeps, in file order, leaving out one kind if asked. */
  rowNumbers(filter: RowFilter, without?: RowKind): number[] {
    const skip = without ? ROW_KINDS.indexOf(without) : -1;
    const out: number[] = [];
    this.each(filter, (b, k) => {
      if (b.kinds[k] !== skip) out.push(b.rows[k]!);
    });
    return out;
  }

  /**
   * Indexes of the rows a filter keeps, in file order; all rows are ranked by kind in ROW_KINDS order
   * (likely eligible first), in file order within a kind.
   */
  select(filter: RowFilter): Int32Array {
    if (filter === 'all') {
      const out = new Int32Array(this.count);
      let n = 0;
      for (let kind = 0; kind < ROW_KINDS.length; kind++)
        this.batches.forEach((b, bi) => {
          const start = this.starts[bi]!;
          for (let k = 0; k < b.kinds.length; k++) if (b.kinds[k] === kind) out[n++] = start + k;
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
