/**
 * The screening itself, for src/cli/screen.ts: loaded only once the options are good and the input
 * is readable, so that usage errors and --help answer at once.
 */
import { existsSync } from 'node:fs';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import Papa from 'papaparse';
import { rules } from '../../rules';
import { evaluate } from '../engine/evaluate';
import { CsvScreener, detectDelimiter, errorText, readHeader, toCsv, type CsvRowOutcome } from '../facts/csv';
import { formatIssue, parseFactsObject, type Lang } from '../facts/parse';
import { splitRanges } from '../facts/split';
import type { Options } from './args';
import { NotTextError, ReadFailure } from './input';
import type { Messages } from './messages';

const out = (s: string) => process.stdout.write(s);
const err = (s: string) => process.stderr.write(`${s}\n`);

/** The first date the rules cover. */
export const coveredFrom = (): string => rules.instrument.inForceFrom;

/** How many bad rows are listed on standard error; the rest are only in the output. */
const MAX_LISTED = 20;

export interface Counts {
  ok: number;
  bad: number;
  /** how many threads screened the file (1 unless screenCsvThreads could cut it) */
  threads?: number;
}

/** Counts one screened row; a bad one is also listed (through `list`) while no more than MAX_LISTED were. */
function tally(outcome: CsvRowOutcome, counts: Counts, m: Messages, lang: Lang, list: (line: string) => void): void {
  if (outcome.errors.length) {
    counts.bad++;
    if (counts.bad <= MAX_LISTED) list(m.rowError(outcome.row, errorText(outcome.errors, lang)));
  } else counts.ok++;
}

export async function screenJson(text: string, o: Options, m: Messages): Promise<Counts> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new ReadFailure(m.badJson((e as Error).message));
  }
  if (typeof data !== 'object' || data === null) throw new ReadFailure(m.notRecords);
  const many = Array.isArray(data);
  const records: unknown[] = Array.isArray(data) ? data : [data];
  const counts: Counts = { ok: 0, bad: 0 };
  const items: string[] = [];
  records.forEach((rec, index) => {
    const parsed = parseFactsObject(rec);
    if (!parsed.ok) {
      counts.bad++;
      const errors = parsed.issues.map((i) => ({ field: i.field, value: i.value, code: i.code, message: formatIssue(i, o.lang) }));
      if (counts.bad <= MAX_LISTED) err(m.recordError(index, errorText(parsed.issues, o.lang)));
      items.push(JSON.stringify({ index, errors }, null, 2));
    } else {
      counts.ok++;
      const ref = parsed.facts.ref;
      items.push(JSON.stringify({ index, ...(ref !== undefined ? { ref } : {}), result: evaluate(parsed.facts, { asOf: o.asOf }) }, null, 2));
    }
  });
  if (counts.bad > MAX_LISTED) err(m.moreErrors(counts.bad - MAX_LISTED));
  out(many ? `[\n${items.join(',\n')}\n]\n` : `${items[0]}\n`);
  return counts;
}

export function screenCsv(text: AsyncGenerator<string>, head: string, o: Options, m: Messages): Promise<Counts> {
  const s = new CsvScreener(o.asOf, o.lang);
  const counts: Counts = { ok: 0, bad: 0 };
  const input = Readable.from(
    (async function* () {
      yield head;
      yield* text;
    })(),
  );
  return new Promise<Counts>((resolve, reject) => {
    let failure: Error | null = null;
    let headerWritten = false;
    const writeHeader = () => {
      if (headerWritten || !s.header) return;
      headerWritten = true;
      if (s.header.unknownColumns.length) err(m.unknownColumns(s.header.unknownColumns.join(', ')));
      out((o.bom ? '\uFEFF' : '') + toCsv([s.header.outputColumns]) + '\r\n');
    };
    Papa.parse<string[]>(input as unknown as File, {
      skipEmptyLines: false,
      delimiter: detectDelimiter(head.trimStart()),
      chunk(results, parser) {
        const rows: string[][] = [];
        for (const cells of results.data) {
          const wasHeader = !s.header;
          const outcome = s.push(cells);
          if (wasHeader && s.header) {
            if (!s.hasFactColumns) {
              failure = new ReadFailure(m.notFactsCsv(s.header.headers.join(', ').slice(0, 300)));
              reject(failure);
              parser.abort();
              input.destroy();
              return;
            }
            writeHeader();
          }
          if (!outcome) continue;
          tally(outcome, counts, m, o.lang, err);
          rows.push(s.outputRow(outcome));
        }
        if (rows.length) out(toCsv(rows) + '\r\n');
      },
      complete() {
        if (failure) return;
        writeHeader();
        if (counts.bad > MAX_LISTED) err(m.moreErrors(counts.bad - MAX_LISTED));
        resolve(counts);
      },
      error(e: Error) {
        reject(e instanceof NotTextError ? new ReadFailure(m.binary) : e);
      },
    });
    input.on('error', (e) => reject(e instanceof NotTextError ? new ReadFailure(m.binary) : e));
  });
}

// ---------------------------------------------------------------- a large CSV file on several threads

/** One part of a CSV text, whole rows only, for one thread. */
export interface CsvPart {
  text: string;
  /** the row number of the part's first line */
  firstRow: number;
  /** the header row's cells; null for the first part, which holds the header itself */
  headerCells: string[] | null;
  delimiter: string;
  newline: string;
  asOf: string;
  lang: Lang;
}

export interface CsvPartResult {
  /** the part's output rows as CSV, each line ending with CR LF ('' when the part has no rows) */
  csv: string;
  ok: number;
  bad: number;
  /** the first MAX_LISTED bad rows, as standard error lists them */
  errors: string[];
}

/** Screens one part: the same rows, row numbers and words as the one-thread run gives for them. */
export function screenCsvPart(p: CsvPart, m: Messages): CsvPartResult {
  const s = new CsvScreener(p.asOf, p.lang);
  if (p.headerCells) {
    s.push(p.headerCells);
    s.rowCount = p.firstRow - 1;
  }
  const r: CsvPartResult = { csv: '', ok: 0, bad: 0, errors: [] };
  const out: string[] = [];
  // in chunks of about 1 MB (papaparse calls back synchronously for a string): the parsed cells of
  // only one chunk are held at a time
  // (papaparse's types leave chunk out of the options for a string; its code reads it all the same)
  const config: Papa.ParseConfig<string[]> & { chunkSize: number; chunk: (results: Papa.ParseResult<string[]>) => void } = {
    skipEmptyLines: false,
    delimiter: p.delimiter,
    newline: p.newline as '\n',
    chunkSize: 1 << 20,
    chunk(results) {
      const rows: string[][] = [];
      for (const cells of results.data) {
        const outcome = s.push(cells);
        if (!outcome) continue;
        tally(outcome, r, m, p.lang, (line) => r.errors.push(line));
        rows.push(s.outputRow(outcome));
      }
      if (rows.length) out.push(toCsv(rows) + '\r\n');
    },
  };
  Papa.parse<string[]>(p.text, config);
  r.csv = out.join('');
  return r;
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
export async function screenCsvThreads(text: string, o: Options, m: Messages, jobs: number): Promise<Counts> {
  const delimiter = detectDelimiter(text.trimStart());
  const header = readHeader(text, delimiter);
  const ranges = header ? splitRanges(text, jobs, header.newline, header.headerRow, delimiter) : [];
  if (!header || ranges.length < 2) {
    return screenCsv((async function* () {})(), text, o, m);
  }
  const probe = new CsvScreener(o.asOf, o.lang);
  probe.push(header.headers);
  const info = probe.header!;
  if (!probe.hasFactColumns) throw new ReadFailure(m.notFactsCsv(info.headers.join(', ').slice(0, 300)));
  const base = { delimiter, newline: header.newline, asOf: o.asOf, lang: o.lang };
  const threads = ranges.slice(1).map((r) => inThread({ ...base, text: text.slice(r.start, r.end), firstRow: r.firstRow, headerCells: header.headers }));
  // no thread is left running when one of them fails
  threads.forEach((t) => t.catch(() => undefined));
  const first = screenCsvPart({ ...base, text: text.slice(ranges[0]!.start, ranges[0]!.end), firstRow: 1, headerCells: null }, m);
  const parts = [first, ...(await Promise.all(threads))];
  if (info.unknownColumns.length) err(m.unknownColumns(info.unknownColumns.join(', ')));
  out((o.bom ? '\uFEFF' : '') + toCsv([info.outputColumns]) + '\r\n');
  const counts: Counts = { ok: 0, bad: 0, threads: parts.length };
  let listed = 0;
  for (const p of parts) {
    counts.ok += p.ok;
    counts.bad += p.bad;
    for (const e of p.errors) if (listed++ < MAX_LISTED) err(e);
    if (p.csv) out(p.csv);
  }
  if (counts.bad > MAX_LISTED) err(m.moreErrors(counts.bad - MAX_LISTED));
  return counts;
}
