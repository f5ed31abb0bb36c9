/**
 * The roster screener behind the Web Worker, as plain code: the worker file only forwards
 * messages to handle(). Unit tests drive it directly (no browser): give it messages, collect
 * what it posts.
 *
 * Decoding, the header, reading rows, screening and writing are the screening layer's
 * (src/screening), the same as the command-line screener's. The text is read in chunks of whole
 * records; after each chunk the screener yields (so a 'cancel' message can arrive) and posts that
 * chunk's row summaries. Full results are not kept: where each chunk lies in the text is, so one
 * row's full result can be recomputed on demand and the screened list exported.
 */
import type { Result } from '../engine/types';
import { formatNumberWarning } from '../facts/idnumbers';
import type { FactField } from '../facts/schema';
import { decodeBytes, detectDelimiter, stripBom, type Decoded } from '../screening/decode';
import type { ColumnMapping } from '../screening/headers';
import { CsvReader, readCsv } from '../screening/read';
import { findHeader, FileScreener, quoteLines, skippedLines, type HeaderFound, type RowOutcome, type SkippedRow } from '../screening/screen';
import { splitRanges } from '../screening/split';
import { pressingTrigger, rowKind } from '../screening/tally';
import { csvLine } from '../screening/write';
import { summarize } from '../storage/model';
import { contactColumns, contactOf } from './toCase';
import { batchTransfer, makeBatch, type CaseRow, type FromWorker, type Lang, type NoticeBrief, type RowError, type RowSummary, type ToWorker } from './protocol';

export interface CoreOptions {
  post: (msg: FromWorker, transfer?: Transferable[]) => void;
  /** waits for the next turn of the event loop (setTimeout 0 in the worker) */
  yieldTurn?: () => Promise<void>;
  /** characters per chunk (a chunk ends at the end of a record) */
  chunkSize?: number;
}

interface Loaded {
  job: number;
  text: string;
  header: HeaderFound & { titles: SkippedRow[] };
  delimiter: string;
}

interface Screened {
  mapping: ColumnMapping;
  asOf: string;
  lang: Lang;
  /**
   * Where each chunk of whole records lies in the text and the number of its first row: a row's
   * cells are re-read from its chunk on demand, so no cells or results are kept per row.
   */
  chunks: { start: number; end: number; firstRow: number }[];
  /** the last row screened (less than the file's last row after a cancel) */
  lastRow: number;
}

function trimLineBreaks(s: string): string {
  let end = s.length;
  while (end > 0 && (s.charCodeAt(end - 1) === 10 || s.charCodeAt(end - 1) === 13)) end--;
  return end === s.length ? s : s.slice(0, end);
}

/** The most pressing notice deadline: the earliest one still open, else the earliest. */
export function pressingNotice(r: Result | undefined): NoticeBrief | undefined {
  const t = pressingTrigger(r);
  return t && { trigger: t.trigger, date: t.date, lastOnTimeDay: t.lastOnTimeDay, status: t.status, holidayAdjusted: t.holidayAdjusted, required: t.required };
}

export function columnErrors(o: Pick<RowOutcome, 'errors'>, headers: readonly string[], mapping: ColumnMapping): RowError[] {
  return o.errors.map((e) => {
    const i = mapping.indexOf(e.field as FactField);
    return { ...e, column: i >= 0 ? (headers[i] ?? e.field) : e.field };
  });
}

/** The compact summary of one screened row that the page lists. */
export function summarise(o: Pick<RowOutcome, 'row' | 'result' | 'errors' | 'screening' | 'warnings'>, ref: string, headers: readonly string[], mapping: ColumnMapping, lang: Lang = 'zh-CN'): RowSummary {
  const out = summaryOf(o, ref, headers, mapping);
  if (o.warnings?.length) out.warnings = o.warnings.map((w) => formatNumberWarning(w, lang));
  return out;
}

function summaryOf(o: Pick<RowOutcome, 'row' | 'result' | 'errors' | 'screening'>, ref: string, headers: readonly string[], mapping: ColumnMapping): RowSummary {
  const kind = rowKind(o);
  const r = o.result;
  if (kind === 'error' || !r) return { row: o.row, ref, kind: 'error', total: 0, errors: columnErrors(o, headers, mapping) };
  if (!r.covered) return { row: o.row, ref, kind, living: 'notCovered', livingPaid: 0, care: 'notCovered', carePaid: 0, total: 0 };
  const likely = o.screening;
  if (kind === 'likely' && likely) {
    {
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

export class RosterCore {
  private loaded: Loaded | null = null;
  private screened: Screened | null = null;
  private cancelled = new Set<number>();
  /** settles when the last 'load' has read its file: what needs the text waits for it (a cancel does not) */
  private ready: Promise<void> = Promise.resolve();
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
        case 'load': {
          const read = msg.file ? msg.file.arrayBuffer() : null;
          const loading = (async () => this.load(msg.job, read ? await read : msg.bytes, msg.text))();
          this.ready = loading.catch(() => undefined);
          return await loading;
        }
        case 'cancel':
          this.cancelled.add(msg.job);
          return;
      }
      // the file may still be being read (another worker told the page it was loaded)
      await this.ready;
      switch (msg.type) {
        case 'screen':
          return await this.screen(msg.job, msg.mapping, msg.asOf, msg.part, msg.lang ?? 'zh-CN');
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
    const delimiter = detectDelimiter(text);
    const header = findHeader(text, delimiter);
    if (!header) {
      this.loaded = null;
      this.post({ type: 'loadFailed', job, reason: 'empty' });
      return;
    }
    this.loaded = { job, text, header, delimiter };
    this.post({ type: 'loaded', job, headers: header.headers, headerRow: header.row, sample: sampleAfter(text, delimiter, header.row), encoding, bom, chars: text.length });
  }

  private async screen(job: number, mapping: ColumnMapping, asOf: string, part = { index: 0, count: 1 }, lang: Lang): Promise<void> {
    const loaded = this.loaded;
    if (!loaded) throw new Error('nothing loaded');
    const started = Date.now();
    const { text, delimiter } = loaded;
    const headers = loaded.header.headers;
    const range = splitRanges(text, part.count, loaded.header.row, delimiter)[part.index] ?? { start: text.length, end: text.length, firstRow: 0 };
    const refCol = mapping.indexOf('ref');
    const s: Screened = { mapping, asOf, lang, chunks: [], lastRow: 0 };
    this.screened = s;
    // the first part reads from the file's start: the title lines and the header are its first rows
    const header: HeaderFound = { ...loaded.header, mapping };
    const screener = new FileScreener(asOf, lang, { header, firstRow: range.firstRow, delimiter });
    // the title lines were found when the file was loaded; the first part counts them
    if (part.index === 0) screener.counts.title = loaded.header.titles.length;
    let batch: RowSummary[] = [];
    const take = (o: RowOutcome, _line: string | null, cells: readonly string[]) => {
      batch.push(summarise(o, refCol >= 0 ? (cells[refCol] ?? '').trim() : '', headers, mapping, lang));
    };
    let rowsBefore = range.firstRow - 1;
    const reader = new CsvReader(delimiter, (cells, line) => {
      if (screener.rowCount + 1 <= loaded.header.row) {
        screener.rowCount++; // the title lines and the header, read when the file was loaded
        return;
      }
      screener.push(cells, line, take);
    });
    let cancelled = false;
    let pos = range.start;
    let chunkStart = range.start;
    while (pos < range.end) {
      const nl = text.indexOf('\n', Math.min(pos + this.chunkSize, range.end));
      const end = nl < 0 || nl >= range.end ? range.end : nl + 1;
      reader.push(text.slice(pos, end));
      pos = end;
      if (pos >= range.end) reader.end();
      if (!reader.between && pos < range.end) continue; // a quoted cell goes on: the chunk ends later
      s.chunks.push({ start: chunkStart, end: Math.min(pos, range.end), firstRow: rowsBefore + 1 });
      rowsBefore = range.firstRow - 1 + reader.rows;
      chunkStart = pos;
      s.lastRow = screener.rowCount;
      if (batch.length) {
        const b = makeBatch(batch);
        this.post({ type: 'rows', job, batch: b }, batchTransfer(b));
      }
      batch = [];
      this.post({ type: 'progress', job, fraction: Math.min(1, (pos - range.start) / Math.max(1, range.end - range.start)), rows: screener.counts.rows });
      await this.yieldTurn();
      if (this.cancelled.has(job)) {
        cancelled = true;
        break;
      }
    }
    this.cancelled.delete(job);
    const problems = reader.problems.map((p) => ({ ...p, row: p.row + range.firstRow - 1 }));
    const notes = [...(part.index === 0 ? skippedLines(loaded.header.titles, lang) : []), ...screener.skippedLines(), ...quoteLines(problems, lang)];
    this.post({ type: 'done', job, counts: screener.counts, ms: Date.now() - started, cancelled, notes });
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
      const data = readCsv(l.text.slice(c.start, c.end), l.delimiter).rows;
      for (let i = 0; i < data.length; i++) {
        const row = c.firstRow + i;
        if (row > to) return;
        if (row >= from) yield [row, data[i]!];
      }
    }
  }

  /** A screener for re-reading rows as the screening read them (the header given, no title search). */
  private rescreener(lang: Lang): FileScreener {
    const s = this.screened!;
    const l = this.loaded!;
    return new FileScreener(s.asOf, lang, { header: { ...l.header, mapping: s.mapping }, delimiter: ',' });
  }

  /** The outcome of one row read again, or null for a blank, title or summary row. */
  private outcome(f: FileScreener, row: number, cells: string[]): RowOutcome | null {
    let got: RowOutcome | null = null;
    f.rowCount = row - 1;
    f.push(cells, null, (o) => (got = o));
    return got;
  }

  private detail(job: number, row: number): void {
    const s = this.screened;
    const l = this.loaded;
    if (!s || !l || row <= l.header.row || row > s.lastRow) throw new Error(`row ${row} not screened`);
    const f = this.rescreener(s.lang);
    for (const [r, cells] of this.records(row, row)) {
      const o = this.outcome(f, r, cells);
      if (!o) break;
      const input: Record<string, string> = {};
      l.header.headers.forEach((h, k) => {
        input[h] = cells[k] ?? '';
      });
      this.post({ type: 'detail', job, row, input, facts: f.factsOf(cells, o), result: o.result, errors: columnErrors(o, l.header.headers, s.mapping) });
      return;
    }
    throw new Error(`row ${row} not screened`);
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
    const f = this.rescreener(s.lang);
    const out: CaseRow[] = [];
    const contactCols = contactColumns(l.header.headers);
    for (const [row, cells] of this.records(Math.max(from, l.header.row + 1), Math.min(to, s.lastRow))) {
      if (!want.has(row)) continue;
      const o = this.outcome(f, row, cells);
      if (!o) continue;
      const facts = f.factsOf(cells, o);
      const contact = contactOf(cells, contactCols);
      if (facts && o.result) out.push({ row, facts, check: summarize(o.result, facts), ...(contact ? { contact } : {}) });
      else out.push({ row, errors: columnErrors(o, l.header.headers, s.mapping) });
    }
    return out;
  }

  /** CSV text of the screened rows: the file's columns in place (earlier result columns dropped), then the result columns, in the language. */
  csvText(lang: Lang, rows?: readonly number[], withHeader = true): { csv: string; rows: number } {
    const s = this.screened;
    const l = this.loaded;
    if (!s || !l) throw new Error('nothing screened');
    const f = this.rescreener(lang);
    const lines: string[] = [];
    const want = rows ? new Set(rows) : null;
    for (const [row, cells] of this.records(l.header.row + 1, s.lastRow)) {
      if (want && !want.has(row)) continue;
      const o = this.outcome(f, row, cells);
      if (o) lines.push(f.outputLine(o, null, cells));
    }
    if (!withHeader) return { csv: lines.join('\r\n'), rows: lines.length };
    return { csv: '\uFEFF' + [csvLine(f.outputColumns()), ...lines].join('\r\n'), rows: lines.length };
  }

  private exportCsv(job: number, lang: Lang, rows: number[] | undefined, withHeader: boolean): void {
    const { csv, rows: n } = this.csvText(lang, rows, withHeader);
    this.post({ type: 'exported', job, csv: new Blob([csv], { type: 'text/csv;charset=utf-8' }), rows: n });
  }
}

/** The first data row after the header (for the mapping step's examples). */
function sampleAfter(text: string, delimiter: string, headerRow: number): string[] {
  let sample: string[] = [];
  let row = 0;
  const r = new CsvReader(delimiter, (cells) => {
    row++;
    if (row > headerRow && !sample.length && cells.some((c) => c.trim() !== '')) sample = cells;
  });
  let pos = 0;
  while (!sample.length && pos < text.length) {
    const end = Math.min(text.length, pos + 16 * 1024);
    r.push(text.slice(pos, end));
    pos = end;
  }
  if (!sample.length) r.end();
  return sample;
}

