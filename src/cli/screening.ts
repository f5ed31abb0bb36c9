/**
 * The screening itself, for src/cli/screen.ts: loaded only once the options are good and the input
 * is readable, so that usage errors and --help answer at once. All reading, matching, screening and
 * writing is the screening layer's (src/screening), the same as the roster page's.
 */
import { isUtf8 } from 'node:buffer';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { rules } from '../../rules';
import { evaluate } from '../engine/evaluate';
import type { Lang } from '../facts/parse';
import { detectDelimiter } from '../screening/decode';
import { readJsonRecord } from '../screening/json';
import { errorText, formatIssue } from '../screening/messages';
import { CsvReader } from '../screening/read';
import { FileScreener, findHeader, quoteLines, type HeaderFound, type RowOutcome } from '../screening/screen';
import type { ByteWriter } from '../screening/bytes';
import { BytesIn } from '../screening/bytes';
import { NotTextError } from '../screening/decode';
import { splitRanges } from '../screening/split';
import { emptyCounts, type Counts } from '../screening/tally';
import { mapsAnything } from '../screening/headers';
import { csvLine } from '../screening/write';
import type { Options } from './args';
import { ReadFailure } from './input';
import type { Messages } from './messages';

const out = (s: string | Uint8Array) => process.stdout.write(s);
const err = (s: string) => process.stderr.write(`${s}\n`);

/** The first date the rules cover. */
export const coveredFrom = (): string => rules.instrument.inForceFrom;

/** The size of the output buffer: lines are written to standard output about a megabyte at a time. */
const OUT_CHUNK = 1 << 20;

/** How many bad rows (and how many notes of each kind) are listed on standard error; the rest are only in the output. */
const MAX_LISTED = 20;

export type { Counts };

/** What a run reports besides its output: the counts and the lines for standard error, in order. */
export interface RunReport {
  counts: Counts;
  threads: number;
  /** rows screened from their bytes (see src/screening/bytes.ts) */
  fromBytes?: number;
}

export async function screenJson(text: string, o: Options, m: Messages): Promise<RunReport> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new ReadFailure(m.badJson((e as Error).message));
  }
  if (typeof data !== 'object' || data === null) throw new ReadFailure(m.notRecords);
  const many = Array.isArray(data);
  const records: unknown[] = Array.isArray(data) ? data : [data];
  const counts = emptyCounts();
  const items: string[] = [];
  records.forEach((rec, index) => {
    const parsed = readJsonRecord(rec);
    counts.rows++;
    if (!parsed.ok) {
      counts.error++;
      const errors = parsed.issues.map((i) => ({ field: i.field, value: i.code === 'tooDeep' ? null : i.value, code: i.code, message: formatIssue(i, o.lang) }));
      if (counts.error <= MAX_LISTED) err(m.recordError(index, errorText(parsed.issues, o.lang)));
      items.push(JSON.stringify({ index, errors }, null, 2));
    } else {
      const ref = parsed.facts.ref;
      const result = evaluate(parsed.facts, { asOf: o.asOf });
      counts.eligible++; // only ok/bad are reported for JSON
      items.push(JSON.stringify({ index, ...(ref !== undefined ? { ref } : {}), result }, null, 2));
    }
  });
  if (counts.error > MAX_LISTED) err(m.moreErrors(counts.error - MAX_LISTED));
  out(many ? `[\n${items.join(',\n')}\n]\n` : `${items[0]}\n`);
  return { counts, threads: 1 };
}

/** One part of a CSV text screened: its output lines and what standard error says about it. */
interface PartOutput {
  counts: Counts;
  /** bad rows, as listed (at most MAX_LISTED) */
  errors: string[];
  /** skipped rows (title, summary) and quote problems */
  notes: string[];
  quotes: string[];
}

/** Screens rows of one part (or a whole stream) with one FileScreener; `write` gets output text. */
class PartRun implements PartOutput, ByteWriter {
  readonly s: FileScreener;
  readonly reader: CsvReader;
  errors: string[] = [];
  quotes: string[] = [];
  /** output lines not yet written, each ending with CR LF, as UTF-8 (written into one buffer: no long strings to join and encode) */
  private buf = Buffer.allocUnsafe(OUT_CHUNK);
  private at = 0;
  /** the UTF-8 of text many lines share (null: seen once) */
  private readonly bytes = new Map<string, Buffer | null>();
  onHeader: ((h: HeaderFound) => void) | null = null;

  constructor(
    readonly o: { asOf: string; lang: Lang },
    readonly m: Messages,
    delimiter: string,
    private readonly write: (b: Uint8Array) => void,
    header?: HeaderFound,
    firstRow = 1,
  ) {
    this.s = new FileScreener(o.asOf, o.lang, { header, firstRow, delimiter });
    this.reader = new CsvReader(delimiter, (cells, line) => {
      const had = this.s.header;
      this.s.push(cells, line, this.take);
      if (!had && this.s.header) this.onHeader?.(this.s.header);
    });
    this.rowOffset = firstRow - 1;
  }
  private readonly rowOffset: number;

  private take = (r: RowOutcome, line: string | null, cells: readonly string[]): void => {
    if (r.errors.length && this.errors.length < MAX_LISTED) this.errors.push(this.m.rowError(r.row, errorText(r.errors, this.o.lang)));
    this.s.writeLine(r, line, cells, this);
    this.endLine();
  };

  /** ByteWriter: the end of a line. */
  endLine(): void {
    this.room(2);
    this.buf[this.at++] = 13;
    this.buf[this.at++] = 10;
  }

  /** ByteWriter: bytes of the input as they are. */
  copy(b: Uint8Array, start: number, end: number): void {
    const n = end - start;
    if (n <= 0) return;
    this.room(n);
    if (n < 24) for (let k = start; k < end; k++) this.buf[this.at++] = b[k]!;
    else this.at += (b as Buffer).copy(this.buf, this.at, start, end);
  }

  /** ByteWriter: a row number between two commas. */
  rowNumber(n: number): void {
    this.room(18);
    const buf = this.buf;
    buf[this.at++] = 44;
    let digits = 1;
    for (let x = n; x >= 10; x = Math.floor(x / 10)) digits++;
    let at = (this.at += digits);
    for (let x = n; digits > 0; digits--, x = Math.floor(x / 10)) buf[--at] = 48 + (x % 10);
    buf[this.at++] = 44;
  }

  /** ByteWriter: ASCII text. */
  ascii(t: string): void {
    this.room(t.length);
    for (let k = 0; k < t.length; k++) this.buf[this.at++] = t.charCodeAt(k);
  }

  /** The reader of a UTF-8 file's bytes (see pushBytes()), made at the first chunk. */
  private bytesIn: BytesIn | null = null;

  /** Reads a chunk of a UTF-8 file; throws NotTextError for bytes that are not UTF-8 text. */
  pushBytes(chunk: Uint8Array): void {
    this.bytesIn ??= new BytesIn(this.s, this.reader, this, {
      decode: (b, from, to) => (b as Buffer).toString('utf8', from, to),
      concat: (parts) => Buffer.concat(parts),
      check: textOf,
    });
    this.bytesIn.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
  }

  /** Rows screened from their bytes. */
  get fromBytes(): number {
    return this.bytesIn?.taken ?? 0;
  }

  /** The end of a UTF-8 file read by pushBytes(). */
  finishBytes(): void {
    this.bytesIn?.end();
    this.finish();
  }

  /** Makes room for `bytes` more bytes in the output buffer. */
  private room(bytes: number): void {
    if (this.at + bytes <= this.buf.length) return;
    this.flush();
    if (bytes > this.buf.length) this.buf = Buffer.allocUnsafe(bytes);
  }

  /** LineWriter: text of one line, encoded as it comes (a UTF-16 code unit takes at most 3 bytes of UTF-8). */
  text(t: string): void {
    this.room(t.length * 3);
    this.at += this.buf.write(t, this.at);
  }

  /** LineWriter: text many lines share (a reading's result cells): encoded once it comes a second time, then copied. */
  shared(t: string): void {
    const b = this.bytes.get(t);
    if (b === undefined) {
      // seen once: most text of a file whose rows all differ comes only once
      if (this.bytes.size >= 4096) this.bytes.clear();
      this.bytes.set(t, null);
      this.text(t);
      return;
    }
    const bytes = b ?? Buffer.from(t);
    if (b === null) this.bytes.set(t, bytes);
    this.room(bytes.length);
    this.at += bytes.copy(this.buf, this.at);
  }

  flush(): void {
    if (this.at === 0) return;
    // the written part goes out as it is; the next lines go to a new buffer
    this.write(this.buf.subarray(0, this.at));
    this.buf = Buffer.allocUnsafe(OUT_CHUNK);
    this.at = 0;
  }

  push(text: string): void {
    this.reader.push(text);
  }

  finish(): void {
    this.reader.end();
    const had = this.s.header;
    this.s.end(this.take);
    if (!had && this.s.header) this.onHeader?.(this.s.header);
    this.flush();
    this.quotes = quoteLines(
      this.reader.problems.map((p) => ({ ...p, row: p.row + this.rowOffset })),
      this.o.lang,
    );
  }

  get counts(): Counts {
    return this.s.counts;
  }
  get notes(): string[] {
    return this.s.skippedLines();
  }
}

function reportTo(parts: readonly PartOutput[], m: Messages): Counts {
  const counts = emptyCounts();
  const listed: string[] = [];
  const notes: string[] = [];
  const quotes: string[] = [];
  for (const p of parts) {
    for (const k of Object.keys(counts) as (keyof Counts)[]) counts[k] += p.counts[k];
    listed.push(...p.errors);
    notes.push(...p.notes);
    quotes.push(...p.quotes);
  }
  for (const line of listed.slice(0, MAX_LISTED)) err(line);
  if (counts.error > MAX_LISTED) err(m.moreErrors(counts.error - MAX_LISTED));
  for (const line of notes.slice(0, MAX_LISTED)) err(line);
  for (const line of quotes.slice(0, MAX_LISTED)) err(line);
  if (quotes.length > MAX_LISTED) err(m.moreNotes(quotes.length - MAX_LISTED));
  return counts;
}

function headerLine(s: FileScreener, o: Options, m: Messages): string {
  const h = s.header!;
  if (h.unknownColumns.length) err(m.unknownColumns(h.unknownColumns.join(', ')));
  return (o.bom ? '\uFEFF' : '') + csvLine(s.outputColumns()) + '\r\n';
}

function notFacts(h: HeaderFound, m: Messages): ReadFailure {
  return new ReadFailure(m.notFactsCsv(h.headers.join(', ').slice(0, 300)));
}

/** Checks that b[start..end) is UTF-8 text (as the decoder would: no NUL byte, no byte outside UTF-8). */
function textOf(b: Uint8Array, start: number, end: number): void {
  const part = (b as Buffer).subarray(start, end);
  if (part.indexOf(0) >= 0) throw new NotTextError('NUL byte');
  if (!isUtf8(part)) throw new NotTextError('undecodable');
}

/** Screens a UTF-8 CSV file from its bytes on this thread, writing output as it goes: the same output as screenCsv() gives for its text. */
export async function screenCsvBytes(chunks: AsyncIterable<Uint8Array>, head: string, o: Options, m: Messages): Promise<RunReport> {
  const run = new PartRun(o, m, detectDelimiter(head.trimStart()), out);
  run.onHeader = (h) => {
    if (!mapsAnything(h.mapping)) throw notFacts(h, m);
    out(headerLine(run.s, o, m));
  };
  for await (const b of chunks) run.pushBytes(b);
  run.finishBytes();
  if (!run.s.header) throw new ReadFailure(m.empty);
  return { counts: reportTo([run], m), threads: 1, fromBytes: run.fromBytes };
}

/** Screens a CSV stream on this thread, writing output as it goes. */
export async function screenCsv(text: AsyncGenerator<string>, head: string, o: Options, m: Messages): Promise<RunReport> {
  const run = new PartRun(o, m, detectDelimiter(head.trimStart()), out);
  run.onHeader = (h) => {
    if (!mapsAnything(h.mapping)) throw notFacts(h, m);
    out(headerLine(run.s, o, m));
  };
  run.push(head);
  for await (const s of text) run.push(s);
  run.finish();
  if (!run.s.header) throw new ReadFailure(m.empty);
  return { counts: reportTo([run], m), threads: 1 };
}

// ---------------------------------------------------------------- a large CSV file on several threads

/** One part of a CSV text, whole rows only, for one thread. */
export interface CsvPart {
  text: string;
  /** the row number of the part's first line */
  firstRow: number;
  /** the header; null for the first part, which holds the header itself */
  header: HeaderFound | null;
  delimiter: string;
  asOf: string;
  lang: Lang;
}

export interface CsvPartResult extends PartOutput {
  /** the part's output rows as CSV in UTF-8, each line ending with CR LF (empty when the part has no rows) */
  csv: Uint8Array;
  /** the first part: its header line's output columns */
  header: HeaderFound | null;
  outputColumns: string[] | null;
}

/** Screens one part: the same rows, row numbers and words as the one-thread run gives for them. */
export function screenCsvPart(p: CsvPart, m: Messages): CsvPartResult {
  const chunks: Uint8Array[] = [];
  const run = new PartRun(p, m, p.delimiter, (b) => chunks.push(b), p.header ?? undefined, p.firstRow);
  run.push(p.text);
  run.finish();
  return {
    csv: Buffer.concat(chunks),
    counts: run.counts,
    errors: run.errors,
    notes: run.notes,
    quotes: run.quotes,
    header: run.s.header,
    outputColumns: run.s.header ? run.s.outputColumns() : null,
  };
}

/** The thread entry beside this module once bundled (npm run screen); absent when run from source. */
const WORKER_URL = new URL('./screen-worker.mjs', import.meta.url);
export const canUseThreads = (): boolean => WORKER_URL.protocol === 'file:' && existsSync(fileURLToPath(WORKER_URL));

function inThread(part: CsvPart): Promise<CsvPartResult> {
  return new Promise((resolve, reject) => {
    const w = new Worker(WORKER_URL, { workerData: part });
    w.once('message', (r: CsvPartResult) => resolve(r));
    w.once('error', reject);
    w.once('exit', (code) => {
      if (code !== 0) reject(new Error(`screening thread stopped (${code})`));
    });
  });
}

/**
 * Screens a whole CSV text split between `jobs` threads (this one included): the output and the
 * messages are the same as screenCsv() writes for it, byte for byte (a test checks this). A text
 * that cannot be cut safely (quotes not as RFC 4180 puts them) is screened on this thread alone.
 */
export async function screenCsvThreads(text: string, o: Options, m: Messages, jobs: number): Promise<RunReport> {
  const delimiter = detectDelimiter(text.trimStart());
  const header = findHeader(text, delimiter);
  const ranges = header ? splitRanges(text, jobs, header.row, delimiter) : [];
  if (!header || ranges.length < 2) return screenCsv((async function* () {})(), text, o, m);
  if (!mapsAnything(header.mapping)) throw notFacts(header, m);
  const base = { delimiter, asOf: o.asOf, lang: o.lang };
  const threads = ranges.slice(1).map((r) => inThread({ ...base, text: text.slice(r.start, r.end), firstRow: r.firstRow, header }));
  // no thread is left running when one of them fails
  threads.forEach((t) => t.catch(() => undefined));
  const first = screenCsvPart({ ...base, text: text.slice(ranges[0]!.start, ranges[0]!.end), firstRow: 1, header: null }, m);
  const parts = [first, ...(await Promise.all(threads))];
  if (header.unknownColumns.length) err(m.unknownColumns(header.unknownColumns.join(', ')));
  out((o.bom ? '\uFEFF' : '') + csvLine(first.outputColumns!) + '\r\n');
  for (const p of parts) if (p.csv.length) out(p.csv);
  return { counts: reportTo(parts, m), threads: parts.length };
}
