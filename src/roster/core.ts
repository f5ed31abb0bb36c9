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
import { errorText, isBlankRow, isResultColumn, RESULT_COLUMNS, resultCells, screenRecord, toCsv, type CsvRowOutcome } from '../facts/csv';
import type { Result } from '../engine/types';
import type { FieldIssue } from '../facts/parse';
import type { FactField } from '../facts/schema';
import { decodeBytes, type Decoded } from './decode';
import { mappedRecord, type ColumnMapping } from './mapping';
import { emptyCounts, type Counts, type FromWorker, type NoticeBrief, type RowError, type RowKind, type RowSummary, type SubsidyBrief, type ToWorker } from './protocol';

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
}

interface Screened {
  mapping: ColumnMapping;
  asOf: string;
  /** row numbers, raw cells and, per row, the result cells (in RESULT_COLUMNS order) or the errors */
  rowNums: number[];
  raw: string[][];
  done: (string[] | FieldIssue[])[];
}

const stripBom = (s: string) => (s.charCodeAt(0) === 0xfeff ? s.slice(1) : s);
function trimLineBreaks(s: string): string {
  let end = s.length;
  while (end > 0 && (s.charCodeAt(end - 1) === 10 || s.charCodeAt(end - 1) === 13)) end--;
  return end === s.length ? s : s.slice(0, end);
}

/** Finds the header row (the first non-blank row) and the first data row after it. */
export function readHeader(text: string): { headers: string[]; headerRow: number; sample: string[] } | null {
  let found: { headers: string[]; headerRow: number; sample: string[] } | null = null;
  let row = 0;
  Papa.parse<string[]>(text, {
    step: (r, parser) => {
      row++;
      if (isBlankRow(r.data)) return;
      if (!found) found = { headers: r.data.map((c, i) => (i === 0 ? stripBom(c) : c).trim()), headerRow: row, sample: [] };
      else {
        found.sample = r.data;
        parser.abort();
      }
    },
  });
  return found;
}

function brief(r: Result, which: 'living' | 'care'): SubsidyBrief {
  if (!r.covered) return { status: 'notCovered', paid: 0, monthly: null, tier: 'unknown', reasons: [] };
  const s = r[which];
  return { status: s.status, paid: s.paid, monthly: s.amount?.monthly ?? null, tier: s.tier, reasons: s.reasons };
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
  if (kind === 'error' || !r) return { row: o.row, ref, kind: 'error', total: 0, dependsOn: [], excludedBy: [], errors: columnErrors(o, headers, mapping) };
  const living = brief(r, 'living');
  const care = brief(r, 'care');
  const dependsOn: FactField[] = [];
  const excludedBy: string[] = [];
  if (r.covered) {
    for (const s of [r.living, r.care]) {
      for (const f of s.dependsOn) if (!dependsOn.includes(f)) dependsOn.push(f);
      if (s.status === 'excluded') for (const c of s.reasons) if (!excludedBy.includes(c)) excludedBy.push(c);
    }
  }
  return { row: o.row, ref, kind, living, care, total: r.covered ? r.total : 0, dependsOn, excludedBy, notice: pressingNotice(r), errors: [] };
}

function count(c: Counts, s: RowSummary): void {
  c.rows++;
  c[s.kind]++;
  if (s.notice && s.notice.required !== 'no') {
    if (s.notice.status === 'overdue') c.noticeOverdue++;
    else if (s.notice.status === 'notYetDue') c.noticeDue++;
  }
}

const isResultCells = (d: string[] | FieldIssue[]): d is string[] => d.length === 0 || typeof d[0] === 'string';

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
    this.chunkSize = opts.chunkSize ?? 256 * 1024;
  }

  /** Handles one message; resolves when the work it started has finished (screening included). */
  async handle(msg: ToWorker): Promise<void> {
    try {
      switch (msg.type) {
        case 'load':
          return this.load(msg.job, msg.bytes, msg.text);
        case 'screen':
          return await this.screen(msg.job, msg.mapping, msg.asOf);
        case 'cancel':
          this.cancelled.add(msg.job);
          return;
        case 'detail':
          return this.detail(msg.job, msg.row);
        case 'export':
          return this.exportCsv(msg.job, msg.lang, msg.rows);
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
    this.loaded = { job, text, headers: header.headers, headerRow: header.headerRow };
    this.post({ type: 'loaded', job, headers: header.headers, headerRow: header.headerRow, sample: header.sample, encoding, bom, chars: text.length });
  }

  private async screen(job: number, mapping: ColumnMapping, asOf: string): Promise<void> {
    const loaded = this.loaded;
    if (!loaded) throw new Error('nothing loaded');
    const started = Date.now();
    const { text, headers, headerRow } = loaded;
    const refCol = mapping.indexOf('ref');
    const s: Screened = { mapping, asOf, rowNums: [], raw: [], done: [] };
    this.screened = s;
    const counts = emptyCounts();
    let row = 0;
    let cancelled = false;
    await new Promise<void>((resolve, reject) => {
      Papa.parse<string[]>(text, {
        chunkSize: this.chunkSize,
        chunk: (res: Papa.ParseResult<string[]>, parser: Papa.Parser) => {
          try {
            const batch: RowSummary[] = [];
            for (const cells of res.data) {
              row++;
              if (row <= headerRow) continue;
              if (isBlankRow(cells)) {
                counts.blank++;
                continue;
              }
              const o = screenRecord(mappedRecord(cells, mapping), row, asOf);
              const sum = summarise(o, refCol >= 0 ? (cells[refCol] ?? '').trim() : '', headers, mapping);
              count(counts, sum);
              batch.push(sum);
              s.rowNums.push(row);
              s.raw.push(cells);
              if (o.result) {
                const rc = resultCells(o.result);
                s.done.push(RESULT_COLUMNS.map((c) => rc[c] ?? ''));
              } else s.done.push(o.errors);
            }
            if (batch.length) this.post({ type: 'rows', job, rows: batch });
            this.post({ type: 'progress', job, fraction: Math.min(1, res.meta.cursor / Math.max(1, text.length)), rows: counts.rows });
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

  private indexOfRow(row: number): number {
    const nums = this.screened?.rowNums ?? [];
    let lo = 0;
    let hi = nums.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = nums[mid]!;
      if (v === row) return mid;
      if (v < row) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  private detail(job: number, row: number): void {
    const s = this.screened;
    const l = this.loaded;
    const i = this.indexOfRow(row);
    if (!s || !l || i < 0) throw new Error(`row ${row} not screened`);
    const cells = s.raw[i]!;
    const o = screenRecord(mappedRecord(cells, s.mapping), row, s.asOf);
    const input: Record<string, string> = {};
    l.headers.forEach((h, k) => {
      input[h] = cells[k] ?? '';
    });
    this.post({ type: 'detail', job, row, input, facts: o.facts, result: o.result, errors: columnErrors(o, l.headers, s.mapping) });
  }

  /** CSV text of the screened rows: the file's columns (earlier result columns dropped) + RESULT_COLUMNS. */
  csvText(lang: 'zh-CN' | 'en', rows?: readonly number[]): { csv: string; rows: number } {
    const s = this.screened;
    const l = this.loaded;
    if (!s || !l) throw new Error('nothing screened');
    const keep: number[] = [];
    l.headers.forEach((h, i) => {
      if (!isResultColumn(h)) keep.push(i);
    });
    const out: string[][] = [[...keep.map((i) => l.headers[i]!), ...RESULT_COLUMNS]];
    const want = rows ? new Set(rows) : null;
    for (let k = 0; k < s.rowNums.length; k++) {
      const row = s.rowNums[k]!;
      if (want && !want.has(row)) continue;
      const cells = s.raw[k]!;
      const line = keep.map((i) => cells[i] ?? '');
      const d = s.done[k]!;
      if (isResultCells(d)) {
        for (let c = 0; c < RESULT_COLUMNS.length; c++) line.push(RESULT_COLUMNS[c] === 'row' ? String(row) : (d[c] ?? ''));
      } else {
        for (const c of RESULT_COLUMNS) line.push(c === 'row' ? String(row) : c === 'error' ? errorText(d, lang) : '');
      }
      out.push(line);
    }
    return { csv: '\uFEFF' + toCsv(out), rows: out.length - 1 };
  }

  private exportCsv(job: number, lang: 'zh-CN' | 'en', rows?: number[]): void {
    const { csv, rows: n } = this.csvText(lang, rows);
    this.post({ type: 'exported', job, csv: new Blob([csv], { type: 'text/csv;charset=utf-8' }), rows: n });
  }
}
