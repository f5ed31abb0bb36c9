/**
 * The roster screener behind the Web Worker, as plain code: the worker file only forwards
 * messages to handle(). Unit tests drive it directly (no browser): give it messages, collect
 * what it posts.
 *
 * The text is parsed with papaparse in chunks; after each chunk the screener yields (so a
 * 'cancel' message can arrive) and posts that chunk's row summaries. Full results are not kept:
 * the raw cells and the result cells are, so one row's full result can be recomputed on demand
 * and the screened list exported.
 */
import Papa from 'papaparse';
import { isBlankRow, isResultColumn, outcomeCells, readFactsCells, readHeader, RESULT_COLUMNS, screenRecord, stripBom, toCsv, type CsvRowOutcome } from '../facts/csv';
import { evaluate } from '../engine/evaluate';
import { screeningOutcome } from '../engine/screening-outcome';
import type { Result } from '../engine/types';
import type { FactField } from '../facts/schema';
import { TEXT_FIELDS } from '../facts/parse';
import { splitRanges } from '../facts/split';
import { summarize } from '../storage/model';
import { decodeBytes, type Decoded } from './decode';
import { mappedRecord, type ColumnMapping } from './mapping';
import { emptyCounts, makeBatch, type CaseRow, type Counts, type FromWorker, type NoticeBrief, type RowError, type RowKind, type RowSummary, type ToWorker } from './protocol';

export interface CoreOptions {
  post: (msg: FromWorker, transfer?: Transferable[]) => void;
  /** waits for the next turn of the event loop (setTimeout 0 in the worker) */
  yieldTurn?: () => Promise<void>;
  /** characters per papaparse chunk */
  chunkSize?: number;
}

interface Loaded {
  job: number;
  text: string;
  headers: string[];
  headerRow: number;
  delimiter: string;
  newline: string;
}

interface Screened {
  mapping: ColumnMapping;
  asOf: string;
  /**
   * Where each parsed chunk lies in the text and the number of its first row: a row's cells are
   * re-read from its chunk on demand, so no cells or results are kept per row.
   */
  chunks: { start: number; end: number; firstRow: number }[];
  /** the last row screened (less than the file's last row after a cancel) */
  lastRow: number;
  delimiter: string;
  newline: string;
}

function trimLineBreaks(s: string): string {
  let end = s.length;
  while (end > 0 && (s.charCodeAt(end - 1) === 10 || s.charCodeAt(end - 1) === 13)) end--;
  return end === s.length ? s : s.slice(0, end);
}

/**
 * The roster's hot path: the same errors and result as screenRecord(mappedRecord(cells, mapping),
 * row, asOf) (a unit test checks this on varied rows), without looking headers up again, and
 * without reading free-text cells that no clause reads when they are within their length limit
 * (such a cell can only be valid). The outcome carries no input or facts: details recompute them.
 */
export function screenRow(cells: readonly string[], mapping: ColumnMapping, row: number, asOf: string): CsvRowOutcome {
  const rec: Partial<Record<FactField, string>> = {};
  for (let i = 0; i < mapping.length; i++) {
    const f = mapping[i];
    const cell = cells[i];
    if (!f || !cell) continue;
    const limit = TEXT_FIELDS[f];
    if (limit !== undefined && cell.length <= limit) continue;
    rec[f] = cell;
  }
  const read = readFactsCells(rec);
  if (read.errors) return { row, input: {}, errors: read.errors };
  return { row, input: {}, facts: read.facts, result: evaluate(read.facts, { asOf }), errors: [] };
}

/** Sorts a row into one list: eligible for something, open, excluded, not eligible, or a bad row. */
export function rowKind(o: CsvRowOutcome): RowKind {
  if (o.errors.length || !o.result) return 'error';
  const r = o.result;
  if (!r.covered) return 'notEligible';
  const st = [r.living.status, r.care.status];
  if (st.includes('paid')) return 'eligible';
  if (st.includes('depends')) return 'depends';
  if (st.includes('excluded')) return 'excluded';
  return 'notEligible';
}

/** The most pressing notice deadline: the earliest one still open, else the earliest. */
export function pressingNotice(r: Result | undefined): NoticeBrief | undefined {
  if (!r?.covered || r.notice.triggers.length === 0) return undefined;
  const t = r.notice.triggers.find((x) => x.status === 'overdue' || x.status === 'notYetDue') ?? r.notice.triggers[0]!;
  return { trigger: t.trigger, date: t.date, lastOnTimeDay: t.lastOnTimeDay, status: t.status, holidayAdjusted: t.holidayAdjusted, required: t.required };
}

export function columnErrors(o: CsvRowOutcome, headers: readonly string[], mapping: ColumnMapping): RowError[] {
  return o.errors.map((e) => {
    const i = mapping.indexOf(e.field as FactField);
    return { ...e, column: i >= 0 ? (headers[i] ?? e.field) : e.field };
  });
}

/** The compact summary of one screened row that the page lists. */
export function summarise(o: CsvRowOutcome, ref: string, headers: readonly string[], mapping: ColumnMapping): RowSummary {
  const kind = rowKind(o);
  const r = o.result;
  if (kind === 'error' || !r) return { row: o.row, ref, kind: 'error', total: 0, errors: columnErrors(o, headers, mapping) };
  if (!r.covered) return { row: o.row, ref, kind, living: 'notCovered', livingPaid: 0, care: 'notCovered', carePaid: 0, total: 0 };
  if (kind === 'depends' && o.facts) {
    const asOf = r.asOf;
    const likely = screeningOutcome(o.facts, r, (f) => evaluate(f, { asOf }));
    if (likely.status === 'likely') {
      const out: RowSummary = { row: o.row, ref, kind: 'likely', living: r.living.status, livingPaid: likely.living, care: r.care.status, carePaid: likely.care, total: likely.total, checklist: likely.checklist };
      const notice = pressingNotice(r);
      if (notice) out.notice = notice;
      return out;
    }
  }
  const out: RowSummary = { row: o.row, ref, kind, living: r.living.status, livingPaid: r.living.paid, care: r.care.status, carePaid: r.care.paid, total: r.total };
  const clauses: string[] = [];
  const dependsOn: FactField[] = [];
  for (const s of [r.living, r.care]) {
    for (const f of s.dependsOn) if (!dependsOn.includes(f)) dependsOn.push(f);
    if (kind === 'excluded' ? s.status === 'excluded' : kind === 'notEligible') for (const c of s.reasons) if (!clauses.includes(c)) clauses.push(c);
  }
  if (dependsOn.length) out.dependsOn = dependsOn;
  if (clauses.length) out.clauses = clauses;
  const notice = pressingNotice(r);
  if (notice) out.notice = notice;
  return out;
}

function count(c: Counts, s: RowSummary): void {
  c.rows++;
  c[s.kind]++;
  if (s.notice && s.notice.required !== 'no') {
    if (s.notice.status === 'overdue') c.noticeOverdue++;
    else if (s.notice.status === 'notYetDue') c.noticeDue++;
  }
}

export class RosterCore {
  private loaded: Loaded | null = null;
  private screened: Screened | null = null;
  private cancelled = new Set<number>();
  private readonly post: CoreOptions['post'];
  private readonly yieldTurn: () => Promise<void>;
  private readonly chunkSize: number;

  constructor(opts: CoreOptions) {
    this.post = opts.post;
    this.yieldTurn = opts.yieldTurn ?? (() => new Promise((r) => setTimeout(r, 0)));
    this.chunkSize = opts.chunkSize ?? 64 * 1024;
  }

  /** Handles one message; resolves when the work it started has finished (screening included). */
  async handle(msg: ToWorker): Promise<void> {
    try {
      switch (msg.type) {
        case 'load':
          return this.load(msg.job, msg.bytes, msg.text);
        case 'screen':
          return await this.screen(msg.job, msg.mapping, msg.asOf, msg.part);
        case 'cancel':
          this.cancelled.add(msg.job);
          return;
        case 'detail':
          return this.detail(msg.job, msg.row);
        case 'export':
          return this.exportCsv(msg.job, msg.lang, msg.rows, msg.withHeader ?? true);
        case 'caseRows':
          return this.post({ type: 'caseRows', job: msg.job, req: msg.req, rows: this.caseRows(msg.rows) });
      }
    } catch (e) {
      this.post({ type: 'failed', job: msg.job, message: e instanceof Error ? e.message : String(e) });
    }
  }

  private load(job: number, bytes?: ArrayBuffer, pasted?: string): void {
    this.screened = null;
    const pastedText = pasted ?? '';
    const d: Decoded = bytes ? decodeBytes(bytes) : { ok: true, text: pastedText, encoding: 'utf-8', bom: pastedText.charCodeAt(0) === 0xfeff };
    if (!d.ok) {
      this.loaded = null;
      this.post({ type: 'loadFailed', job, reason: 'undecodable' });
      return;
    }
    const { encoding, bom } = d;
    // a final line break is not a blank row
    const text = trimLineBreaks(stripBom(d.text));
    const header = readHeader(text);
    if (!header) {
      this.loaded = null;
      this.post({ type: 'loadFailed', job, reason: 'empty' });
      return;
    }
    this.loaded = { job, text, headers: header.headers, headerRow: header.headerRow, delimiter: header.delimiter, newline: header.newline };
    this.post({ type: 'loaded', job, headers: header.headers, headerRow: header.headerRow, sample: header.sample, encoding, bom, chars: text.length });
  }

  private async screen(job: number, mapping: ColumnMapping, asOf: string, part = { index: 0, count: 1 }): Promise<void> {
    const loaded = this.loaded;
    if (!loaded) throw new Error('nothing loaded');
    const started = Date.now();
    const { text, headers, headerRow, delimiter, newline } = loaded;
    const range = splitRanges(text, part.count, newline, headerRow, delimiter)[part.index] ?? { start: text.length, end: text.length, firstRow: 0 };
    const refCol = mapping.indexOf('ref');
    const s: Screened = { mapping, asOf, chunks: [], lastRow: 0, delimiter, newline };
    let chunkStart = range.start;
    this.screened = s;
    const counts = emptyCounts();
    let row = range.firstRow - 1;
    let cancelled = false;
    if (range.start >= range.end) {
      this.post({ type: 'done', job, counts, ms: Date.now() - started, cancelled });
      return;
    }
    await new Promise<void>((resolve, reject) => {
      Papa.parse<string[]>(text.slice(range.start, range.end), {
        chunkSize: this.chunkSize,
        delimiter,
        newline: newline as Papa.ParseConfig['newline'],
        chunk: (res: Papa.ParseResult<string[]>, parser: Papa.Parser) => {
          try {
            const batch: RowSummary[] = [];
            const chunkEnd = range.start + res.meta.cursor;
            s.chunks.push({ start: chunkStart, end: chunkEnd, firstRow: row + 1 });
            chunkStart = chunkEnd;
            for (const cells of res.data) {
              row++;
              if (row <= headerRow) continue;
              if (isBlankRow(cells)) {
                counts.blank++;
                continue;
              }
              const o = screenRow(cells, mapping, row, asOf);
              const sum = summarise(o, refCol >= 0 ? (cells[refCol] ?? '').trim() : '', headers, mapping);
              count(counts, sum);
              batch.push(sum);
            }
            s.lastRow = row;
            if (batch.length) this.post({ type: 'rows', job, batch: makeBatch(batch) });
            this.post({ type: 'progress', job, fraction: Math.min(1, res.meta.cursor / Math.max(1, range.end - range.start)), rows: counts.rows });
            parser.pause();
            void this.yieldTurn().then(() => {
              if (this.cancelled.has(job)) {
                cancelled = true;
                parser.abort();
                resolve();
              } else parser.resume();
            });
          } catch (e) {
            parser.abort();
            reject(e);
          }
        },
        complete: () => resolve(),
        error: (e: Error) => reject(e),
      });
    });
    this.cancelled.delete(job);
    this.post({ type: 'done', job, counts, ms: Date.now() - started, cancelled });
  }

  /** Re-reads rows of cells from the text: every record from `from` up to `to`, with its row number. */
  private *records(from: number, to: number): Generator<[number, string[]]> {
    const s = this.screened;
    const l = this.loaded;
    if (!s || !l) return;
    const { chunks } = s;
    // the last chunk whose first row is at or before `from`
    let lo = 0;
    let hi = chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (chunks[mid]!.firstRow <= from) lo = mid;
      else hi = mid - 1;
    }
    for (let k = lo; k < chunks.length; k++) {
      const c = chunks[k]!;
      if (c.firstRow > to) return;
      const data = Papa.parse<string[]>(l.text.slice(c.start, c.end), { delimiter: s.delimiter, newline: s.newline as Papa.ParseConfig['newline'] }).data;
      for (let i = 0; i < data.length; i++) {
        const row = c.firstRow + i;
        if (row > to) return;
        if (row >= from) yield [row, data[i]!];
      }
    }
  }

  private rowCells(row: number): string[] | null {
    const s = this.screened;
    const l = this.loaded;
    if (!s || !l || row <= l.headerRow || row > s.lastRow) return null;
    for (const [, cells] of this.records(row, row)) return isBlankRow(cells) ? null : cells;
    return null;
  }

  private detail(job: number, row: number): void {
    const s = this.screened;
    const l = this.loaded;
    const cells = this.rowCells(row);
    if (!s || !l || !cells) throw new Error(`row ${row} not screened`);
    const o = screenRecord(mappedRecord(cells, s.mapping), row, s.asOf);
    const input: Record<string, string> = {};
    l.headers.forEach((h, k) => {
      input[h] = cells[k] ?? '';
    });
    this.post({ type: 'detail', job, row, input, facts: o.facts, result: o.result, errors: columnErrors(o, l.headers, s.mapping) });
  }

  /**
   * The facts and result summary of the given rows (those this core screened), read and evaluated
   * exactly as detail() does, in row order.
   */
  caseRows(rows: readonly number[]): CaseRow[] {
    const s = this.screened;
    const l = this.loaded;
    if (!s || !l) throw new Error('nothing screened');
    const want = new Set(rows);
    let from = Infinity;
    let to = -Infinity;
    for (const r of want) {
      if (r < from) from = r;
      if (r > to) to = r;
    }
    const out: CaseRow[] = [];
    for (const [row, cells] of this.records(Math.max(from, l.headerRow + 1), Math.min(to, s.lastRow))) {
      if (!want.has(row) || isBlankRow(cells)) continue;
      const o = screenRecord(mappedRecord(cells, s.mapping), row, s.asOf);
      if (o.facts && o.result) out.push({ row, facts: o.facts, check: summarize(o.result, o.facts) });
      else out.push({ row, errors: columnErrors(o, l.headers, s.mapping) });
    }
    return out;
  }

  /** CSV text of the screened rows: the file's columns (earlier result columns dropped) + RESULT_COLUMNS. */
  csvText(lang: 'zh-CN' | 'en', rows?: readonly number[], withHeader = true): { csv: string; rows: number } {
    const s = this.screened;
    const l = this.loaded;
    if (!s || !l) throw new Error('nothing screened');
    const keep: number[] = [];
    l.headers.forEach((h, i) => {
      if (!isResultColumn(h)) keep.push(i);
    });
    const out: string[][] = [[...keep.map((i) => l.headers[i]!), ...RESULT_COLUMNS]];
    const want = rows ? new Set(rows) : null;
    for (const [row, cells] of this.records(l.headerRow + 1, s.lastRow)) {
      if ((want && !want.has(row)) || isBlankRow(cells)) continue;
      const line = keep.map((i) => cells[i] ?? '');
      const rc = outcomeCells(screenRecord(mappedRecord(cells, s.mapping), row, s.asOf), lang);
      for (const c of RESULT_COLUMNS) line.push(rc[c]);
      out.push(line);
    }
    if (!withHeader) return { csv: out.length > 1 ? toCsv(out.slice(1)) : '', rows: out.length - 1 };
    return { csv: '\uFEFF' + toCsv(out), rows: out.length - 1 };
  }

  private exportCsv(job: number, lang: 'zh-CN' | 'en', rows: number[] | undefined, withHeader: boolean): void {
    const { csv, rows: n } = this.csvText(lang, rows, withHeader);
    this.post({ type: 'exported', job, csv: new Blob([csv], { type: 'text/csv;charset=utf-8' }), rows: n });
  }
}
