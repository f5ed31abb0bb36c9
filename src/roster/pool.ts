/**
 * Several screening workers behind one message stream. Each worker loads the whole file and
 * screens one part of it (splitRanges); the pool hands the page the same messages one worker
 * would: rows in file order, progress over all parts, one 'done' with summed counts, one CSV.
 * With one worker it only passes messages through.
 */
import { addCounts } from '../screening/tally';
import { emptyCounts, type Counts, type FromWorker, type RowBatch, type ToWorker } from './protocol';

export interface WorkerLike {
  postMessage(msg: ToWorker, transfer?: Transferable[]): void;
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null;
  terminate(): void;
}

type Done = Extract<FromWorker, { type: 'done' }>;
type Exported = Extract<FromWorker, { type: 'exported' }>;
type CaseRows = Extract<FromWorker, { type: 'caseRows' }>;

export class RosterPool {
  onmessage: (msg: FromWorker) => void = () => {};
  private readonly workers: WorkerLike[];
  private rows: RowBatch[][] = [];
  private ranges: { min: number; max: number }[] = [];
  private progress: { fraction: number; rows: number }[] = [];
  private done: (Done | null)[] = [];
  private exports: (Exported | null)[] = [];
  /** the answers to each caseRows request so far, one slot per worker */
  private caseRows = new Map<number, (CaseRows | null)[]>();

  constructor(workers: WorkerLike[]) {
    if (workers.length === 0) throw new Error('a pool needs a worker');
    this.workers = workers;
    workers.forEach((w, k) => {
      w.onmessage = (e) => this.receive(k, e.data);
    });
  }

  get size(): number {
    return this.workers.length;
  }

  send(msg: ToWorker, transfer: Transferable[] = []): void {
    const n = this.workers.length;
    switch (msg.type) {
      case 'load':
        this.workers.forEach((w, k) => {
          const last = k === n - 1;
          // every worker reads the whole file: a picked file (a Blob) is a handle each worker reads
          // itself; bytes are copied for all but the last worker, which takes the original
          if (msg.file) w.postMessage(msg);
          else if (msg.bytes && !last) w.postMessage({ ...msg, bytes: msg.bytes.slice(0) });
          else w.postMessage(msg, last ? transfer : []);
        });
        return;
      case 'screen':
        this.rows = this.workers.map(() => []);
        this.ranges = this.workers.map(() => ({ min: Infinity, max: -Infinity }));
        this.progress = this.workers.map(() => ({ fraction: 0, rows: 0 }));
        this.done = this.workers.map(() => null);
        this.workers.forEach((w, k) => w.postMessage({ ...msg, part: { index: k, count: n } }));
        return;
      case 'cancel':
        this.workers.forEach((w) => w.postMessage(msg));
        return;
      case 'detail': {
        const k = this.ranges.findIndex((r) => msg.row >= r.min && msg.row <= r.max);
        this.workers[Math.max(0, k)]!.postMessage(msg);
        return;
      }
      case 'export':
        this.exports = this.workers.map(() => null);
        this.workers.forEach((w, k) => w.postMessage({ ...msg, withHeader: k === 0 }));
        return;
      case 'caseRows':
        // each worker answers for the rows it screened (none of the others)
        this.caseRows.set(msg.req, this.workers.map(() => null));
        this.workers.forEach((w) => w.postMessage(msg));
        return;
    }
  }

  terminate(): void {
    for (const w of this.workers) w.terminate();
  }

  private receive(k: number, msg: FromWorker): void {
    switch (msg.type) {
      case 'loaded':
      case 'loadFailed':
        // every worker read the same bytes: the first one speaks for all
        if (k === 0) this.onmessage(msg);
        return;
      case 'rows': {
        const part = this.rows[k];
        const range = this.ranges[k];
        if (!part || !range) return;
        const b = msg.batch;
        part.push(b);
        if (b.rows.length) {
          range.min = Math.min(range.min, b.rows[0]!);
          range.max = Math.max(range.max, b.rows[b.rows.length - 1]!);
        }
        return;
      }
      case 'progress': {
        if (!this.progress[k]) return;
        this.progress[k] = { fraction: msg.fraction, rows: msg.rows };
        const fraction = this.progress.reduce((s, p) => s + p.fraction, 0) / this.progress.length;
        const rows = this.progress.reduce((s, p) => s + p.rows, 0);
        this.onmessage({ type: 'progress', job: msg.job, fraction, rows });
        return;
      }
      case 'done': {
        if (this.done[k] === undefined) return;
        this.done[k] = msg;
        if (this.done.some((d) => d === null)) return;
        const all = this.done as Done[];
        const counts: Counts = emptyCounts();
        for (const d of all) addCounts(counts, d.counts);
        // rows in file order: part by part
        for (const part of this.rows) for (const batch of part) this.onmessage({ type: 'rows', job: msg.job, batch });
        this.onmessage({ type: 'done', job: msg.job, counts, ms: Math.max(...all.map((d) => d.ms)), cancelled: all.some((d) => d.cancelled), notes: all.flatMap((d) => d.notes) });
        return;
      }
      case 'exported': {
        if (this.exports[k] === undefined) return;
        this.exports[k] = msg;
        if (this.exports.some((x) => x === null)) return;
        const parts: BlobPart[] = [];
        let rows = 0;
        for (const x of this.exports as Exported[]) {
          if (parts.length && x.csv.size > 0) parts.push('\r\n');
          if (x.csv.size > 0 || parts.length === 0) parts.push(x.csv);
          rows += x.rows;
        }
        this.onmessage({ type: 'exported', job: msg.job, csv: new Blob(parts, { type: 'text/csv;charset=utf-8' }), rows });
        return;
      }
      case 'caseRows': {
        const got = this.caseRows.get(msg.req);
        if (!got || got[k] !== null) return;
        got[k] = msg;
        if (got.some((x) => x === null)) return;
        this.caseRows.delete(msg.req);
        // parts in file order, each in row order
        this.onmessage({ type: 'caseRows', job: msg.job, req: msg.req, rows: (got as CaseRows[]).flatMap((x) => x.rows) });
        return;
      }
      default:
        this.onmessage(msg);
    }
  }
}
