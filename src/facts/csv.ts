/**
 * Screening a roster given as CSV: one facts record per row → one result row.
 * Pure (no DOM, no Node APIs): the command-line screener (src/cli/screen.ts) and the in-browser
 * roster screening (a Web Worker) both build on this file.
 *
 * Row numbers are the ones a spreadsheet shows: the header is row 1, the first data row is row 2,
 * and blank rows keep their number (they are skipped, never reported as errors).
 */
import Papa from 'papaparse';
import { evaluate } from '../engine/evaluate';
import type { Result } from '../engine/types';
import { FACT_FIELDS, type FactField, type Facts } from './schema';
import { fieldName, formatIssue, parseFactsCells, TEXT_FIELDS, type FieldIssue, type Lang } from './parse';

/** Header names of an input CSV: the fact fields of the one facts schema. */
export const INPUT_COLUMNS: readonly FactField[] = FACT_FIELDS;

/** The result columns appended to every output row. */
export const RESULT_COLUMNS = [
  'row',
  'livingStatus',
  'livingMonthly',
  'livingTier',
  'livingReasons',
  'careStatus',
  'careMonthly',
  'carePayee',
  'careReasons',
  'total',
  'dependsOn',
  'noticeTrigger',
  'noticeLastOnTimeDay',
  'noticeStatus',
  'noticeHolidayAdjusted',
  'noticeRequired',
  'asOf',
  'rulesVersion',
  'error',
] as const;
export type ResultColumn = (typeof RESULT_COLUMNS)[number];

const RESULT_COLUMN_SET: ReadonlySet<string> = new Set(RESULT_COLUMNS);

/** Joins several values in one cell (clause ids, fields, triggers). */
export const LIST_SEPARATOR = ';';

// ---------------------------------------------------------------- headers

const HEADER_FIELDS = new Map<string, FactField>();
for (const f of FACT_FIELDS) {
  HEADER_FIELDS.set(f.toLowerCase(), f);
  // the Chinese name of the field, as the messages use it, is accepted as a header too
  HEADER_FIELDS.set(fieldName(f, 'zh-CN'), f);
}

/** The text without a leading UTF-8 byte-order mark. */
export const stripBom = (s: string): string => (s.charCodeAt(0) === 0xfeff ? s.slice(1) : s);

/**
 * The fact field a header cell names: the field name in any letter case, or its Chinese name
 * (户籍, 残疾等级 …). A leading UTF-8 byte-order mark is ignored. null for any other header.
 */
export function headerField(header: string): FactField | null {
  const h = stripBom(header).trim();
  return HEADER_FIELDS.get(h) ?? HEADER_FIELDS.get(h.toLowerCase()) ?? null;
}

/** A result column of an earlier screening (re-screening an output file recomputes them). */
export const isResultColumn = (header: string): boolean => RESULT_COLUMN_SET.has(stripBom(header).trim());

/** A row whose every cell is empty or white space. */
export function isBlankRow(cells: readonly (string | undefined)[]): boolean {
  for (const c of cells) if (c !== undefined && c.trim() !== '') return false;
  return true;
}

// ---------------------------------------------------------------- one row

export interface CsvRowOutcome {
  /** the row number a spreadsheet shows (header = 1) */
  row: number;
  /** the row's cells by header, as given */
  input: Record<string, string>;
  facts?: Facts;
  result?: Result;
  errors: FieldIssue[];
}

/**
 * Reads one record (header → cell text) and evaluates it at asOf. Headers may be field names or
 * their Chinese names. Any other column (a phone number, an address, the result columns of an
 * earlier screening) is carried through untouched and read by no rule: CsvHeaderInfo.unknownColumns
 * lists them once per file so a misspelt header is seen. Never throws for bad cells: problems come
 * back in `errors`, and a row with errors has no result.
 */
export function screenRecord(record: Record<string, string>, row: number, asOf: string): CsvRowOutcome {
  const cells: Partial<Record<FactField, string>> = {};
  for (const key in record) {
    const f = headerField(key);
    if (f) cells[f] = record[key] ?? '';
  }
  return screenCells(cells, record, row, asOf);
}

function screenCells(cells: Partial<Record<FactField, string>>, input: Record<string, string>, row: number, asOf: string): CsvRowOutcome {
  const read = readFactsCells(cells);
  if (read.errors) return { row, input, errors: read.errors };
  return { row, input, facts: read.facts, result: evaluate(read.facts, { asOf }), errors: [] };
}

// ---------------------------------------------------------------- reading cells, fast

/**
 * What one cell reads as: parseFactsCells() (the one reader of cell words) decides it, once per
 * distinct (field, text); rosters repeat the same few words, so a row is mostly cache hits.
 * Each cell is read independently of the others, so reading cell by cell gives the same facts
 * as reading the whole row at once (a test checks this).
 */
type CellReading = { ok: true; value: Facts[FactField] } | { ok: false; issues: FieldIssue[] };

const MAX_CACHED_PER_FIELD = 4096;
type CellCache = Map<string, CellReading>;
const cellCache = new Map<FactField, CellCache>(FACT_FIELDS.map((f) => [f, new Map()]));

const NO_TEXT: CellReading = Object.freeze({ ok: true, value: undefined });

function readCell(f: FactField, text: string, cache: CellCache = cellCache.get(f)!): CellReading {
  // free text (a name, notes) within its length limit reads as itself, trimmed, as parseFactsCells
  // reads it; these cells are mostly all different, so they are neither parsed nor cached
  const limit = TEXT_FIELDS[f];
  if (limit !== undefined) {
    const t = text.trim();
    if (t.length <= limit) return t === '' ? NO_TEXT : { ok: true, value: t };
  }
  const hit = cache.get(text);
  if (hit) return hit;
  const parsed = parseFactsCells({ [f]: text });
  let reading: CellReading;
  if (parsed.ok) {
    const value = parsed.facts[f];
    reading = { ok: true, value: Array.isArray(value) ? (Object.freeze(value) as Facts[FactField]) : value };
  } else reading = { ok: false, issues: parsed.issues.map((i) => Object.freeze(i)) };
  if (cache.size < MAX_CACHED_PER_FIELD) cache.set(text, reading);
  return reading;
}

/**
 * Facts with every answer 'unknown' (= unknownFacts()) and every optional field present but
 * undefined, written as one literal so that building it is cheap and all facts read from a file
 * share one object shape. The type makes a new schema field a compile error here.
 */
export function blankFacts(): Facts {
  const f: Record<FactField, Facts[FactField]> = {
    ref: undefined,
    hukou: 'unknown',
    certificate: 'unknown',
    category: 'unknown',
    grade: 'unknown',
    household: 'unknown',
    tekun: 'unknown',
    workInjuryCareFee: 'unknown',
    inPrison: 'unknown',
    orphanGuarantee: 'unknown',
    orphanInInstitution: 'unknown',
    institutionCareFunded: 'unknown',
    welfareLivingAllowances: 'unknown',
    welfareCareAllowances: 'unknown',
    homeCareNursingSubsidy: 'unknown',
    homeElderlyServiceSubsidy: 'unknown',
    advancedAgeAllowance: 'unknown',
    dibaoSince: undefined,
    dibaoEdgeSince: undefined,
    certifiedOn: undefined,
    noticeGivenOn: undefined,
    noticeForm: undefined,
    appliedOn: undefined,
    notes: undefined,
  };
  return f as Facts;
}

/**
 * Reads cells (field → text) into Facts: the same facts and problems as parseFactsCells(), in
 * column order. Blank or missing cells are 'unknown' (absent for dates and text).
 */
export function readFactsCells(cells: Partial<Record<FactField, string>>): { facts: Facts; errors?: undefined } | { facts?: undefined; errors: FieldIssue[] } {
  const facts = blankFacts() as Record<FactField, unknown>;
  let errors: FieldIssue[] | undefined;
  for (const f of FACT_FIELDS) {
    const text = cells[f];
    if (text === undefined) continue;
    const r = readCell(f, text);
    if (r.ok) facts[f] = r.value;
    else (errors ??= []).push(...r.issues);
  }
  return errors ? { errors } : { facts: facts as Facts };
}

/** All problems of a row as one line of text, in the chosen language. */
export function errorText(errors: FieldIssue[], lang: Lang): string {
  return errors.map((e) => formatIssue(e, lang)).join(lang === 'zh-CN' ? '；' : '; ');
}

// ---------------------------------------------------------------- result cells

const join = (xs: readonly string[]): string => xs.join(LIST_SEPARATOR);

/** The result columns between `row` and `error`, in RESULT_COLUMNS order. */
const VALUE_COLUMNS = RESULT_COLUMNS.slice(1, -1) as Exclude<ResultColumn, 'row' | 'error'>[];

function notCoveredValues(r: Result): string[] {
  // livingStatus … noticeRequired, asOf, rulesVersion
  return ['notCovered', '', '', '', 'notCovered', '', '', '', '', '', '', '', '', '', '', r.asOf, r.rulesVersion];
}

/**
 * The values of the result columns between `row` and `error`, in RESULT_COLUMNS order (the hot
 * path of a large file writes these straight into its output row).
 */
function resultValues(r: Result): string[] {
  if (!r.covered) return notCoveredValues(r);
  const { living, care, notice } = r;
  let dependsOn: string[] = living.dependsOn;
  if (care.dependsOn.length) {
    dependsOn = [...living.dependsOn];
    for (const f of care.dependsOn) if (!dependsOn.includes(f)) dependsOn.push(f);
  }
  const t = notice.triggers;
  let trigger = '';
  let lastDay = '';
  let status = '';
  let adjusted = '';
  for (let i = 0; i < t.length; i++) {
    const x = t[i]!;
    const sep = i ? LIST_SEPARATOR : '';
    trigger += `${sep}${x.trigger}:${x.date}`;
    lastDay += sep + x.lastOnTimeDay;
    status += sep + x.status;
    adjusted += sep + (x.holidayAdjusted ? 'yes' : 'no');
  }
  return [
    living.status,
    String(living.paid),
    living.tier,
    join(living.reasons),
    care.status,
    String(care.paid),
    care.payee,
    join(care.reasons),
    String(r.total),
    join(dependsOn),
    trigger,
    lastDay,
    status,
    adjusted,
    t.length ? t[0]!.required : '',
    r.asOf,
    r.rulesVersion,
  ];
}

/**
 * The result columns for one result (all but `row` and `error`). Statuses, tiers and payees are
 * the engine's own words; amounts are what is paid per month (0 unless paid); reasons are clause
 * ids; several notice triggers are listed in deadline order, separated by ';'. Before the rules'
 * start every status is `notCovered`.
 */
export function resultCells(r: Result): Record<string, string> {
  const values = resultValues(r);
  const out: Record<string, string> = {};
  for (let i = 0; i < VALUE_COLUMNS.length; i++) out[VALUE_COLUMNS[i]!] = values[i]!;
  return out;
}

/** Every result column of a screened row, `row` and `error` included, in RESULT_COLUMNS order. */
export function outcomeValues(o: CsvRowOutcome, lang: Lang): string[] {
  const values = o.result ? resultValues(o.result) : new Array<string>(VALUE_COLUMNS.length).fill('');
  return [String(o.row), ...values, o.errors.length ? errorText(o.errors, lang) : ''];
}

/** Every result column of a screened row, `row` and `error` included. */
export function outcomeCells(o: CsvRowOutcome, lang: Lang): Record<ResultColumn, string> {
  const values = outcomeValues(o, lang);
  const out = {} as Record<ResultColumn, string>;
  RESULT_COLUMNS.forEach((c, i) => (out[c] = values[i]!));
  return out;
}

// ---------------------------------------------------------------- a whole file, row by row

export interface CsvHeaderInfo {
  /** header row number (1 unless blank rows come first) */
  row: number;
  /** the header cells as given (BOM removed) */
  headers: string[];
  /** the fact field each header names, or null */
  fields: (FactField | null)[];
  /** headers that are neither a fact field nor a result column: carried through, read by no rule */
  unknownColumns: string[];
  /** output columns: the input columns (result columns of an earlier screening dropped) + RESULT_COLUMNS */
  outputColumns: string[];
}

/** An outcome that keeps its row's cells; `input` is built only when asked for. */
interface ScreenedRow extends CsvRowOutcome {
  cells: readonly string[];
}

class Screened implements ScreenedRow {
  private record: Record<string, string> | undefined;
  constructor(
    readonly row: number,
    private readonly headers: readonly string[],
    readonly cells: readonly string[],
    readonly facts: Facts | undefined,
    readonly result: Result | undefined,
    readonly errors: FieldIssue[],
  ) {}

  get input(): Record<string, string> {
    if (!this.record) {
      const input: Record<string, string> = {};
      for (let i = 0; i < this.headers.length; i++) if (this.headers[i] !== '') input[this.headers[i]!] = this.cells[i] ?? '';
      this.record = input;
    }
    return this.record;
  }
}

/**
 * Feeds rows of cells (as a CSV reader gives them, header first) and gets screened rows back.
 * Counts rows the way a spreadsheet numbers them and skips blank rows. Works on any chunking, so
 * a stream reader (the CLI) and a whole-text reader (a Web Worker) share it.
 */
export class CsvScreener {
  header: CsvHeaderInfo | null = null;
  /** the number of the last row read (header included) */
  rowCount = 0;
  private readonly keep: number[] = [];
  private colField: (FactField | null)[] = [];
  private colCache: (CellCache | null)[] = [];

  constructor(
    readonly asOf: string,
    readonly lang: Lang = 'zh-CN',
  ) {}

  /** Reads one row of cells; returns its outcome, or null for the header and blank rows. */
  push(cells: readonly string[]): CsvRowOutcome | null {
    const row = ++this.rowCount;
    if (isBlankRow(cells)) return null;
    if (!this.header) {
      const headers = cells.map((c, i) => (i === 0 ? stripBom(c) : c).trim());
      const fields = headers.map(headerField);
      const unknownColumns = headers.filter((h, i) => h !== '' && !fields[i] && !isResultColumn(h));
      headers.forEach((h, i) => {
        if (!isResultColumn(h)) this.keep.push(i);
      });
      this.colField = fields;
      this.colCache = fields.map((f) => (f ? cellCache.get(f)! : null));
      this.header = { row, headers, fields, unknownColumns, outputColumns: [...this.keep.map((i) => headers[i]!), ...RESULT_COLUMNS] };
      return null;
    }
    const { headers } = this.header;
    const facts = blankFacts() as Record<FactField, unknown>;
    let errors: FieldIssue[] | undefined;
    for (let i = 0; i < headers.length; i++) {
      const f = this.colField[i];
      if (!f) continue;
      const r = readCell(f, cells[i] ?? '', this.colCache[i]!);
      if (r.ok) facts[f] = r.value;
      else (errors ??= []).push(...r.issues);
    }
    const result = errors ? undefined : evaluate(facts as Facts, { asOf: this.asOf });
    return new Screened(row, headers, cells, errors ? undefined : (facts as Facts), result, errors ?? []);
  }

  /** The output row (input cells in their columns, then the result columns) of an outcome. */
  outputRow(o: CsvRowOutcome): string[] {
    const h = this.header!;
    const cells = (o as Partial<ScreenedRow>).cells;
    const keep = this.keep;
    // filled in place: this runs once per row of a large file
    const out: string[] = new Array<string>(keep.length + RESULT_COLUMNS.length);
    for (let k = 0; k < keep.length; k++) out[k] = cells ? (cells[keep[k]!] ?? '') : (o.input[h.headers[keep[k]!]!] ?? '');
    let k = keep.length;
    out[k++] = String(o.row);
    const values = o.result ? resultValues(o.result) : null;
    for (let i = 0; i < VALUE_COLUMNS.length; i++) out[k++] = values ? values[i]! : '';
    out[k] = o.errors.length ? errorText(o.errors, this.lang) : '';
    return out;
  }

  /** true when the header names at least one fact field (otherwise this is not a facts CSV). */
  get hasFactColumns(): boolean {
    return !!this.header && this.header.fields.some((f) => f !== null);
  }
}

/**
 * The delimiter of a CSV file, from its header line: a comma, else a tab (copied from a
 * spreadsheet), else a semicolon. The header is used because header cells are field names; data
 * cells may hold ';' (lists) and would mislead a guess.
 */
export function detectDelimiter(text: string): ',' | '\t' | ';' {
  const nl = text.indexOf('\n');
  const first = nl < 0 ? text : text.slice(0, nl);
  if (first.includes(',')) return ',';
  if (first.includes('\t')) return '\t';
  if (first.includes(';')) return ';';
  return ',';
}

export interface HeaderInfo {
  headers: string[];
  headerRow: number;
  sample: string[];
  /** the delimiter given, or as papaparse detected it in the text's first lines */
  delimiter: string;
  newline: string;
}

/**
 * Finds the header row (the first non-blank row, its cells trimmed, a BOM dropped) and the first data
 * row after it. Without a delimiter papaparse guesses it.
 */
export function readHeader(text: string, delimiter?: string): HeaderInfo | null {
  let found: HeaderInfo | null = null;
  let row = 0;
  Papa.parse<string[]>(text, {
    ...(delimiter ? { delimiter } : {}),
    step: (r, parser) => {
      row++;
      if (isBlankRow(r.data)) return;
      if (!found) found = { headers: r.data.map((c, i) => (i === 0 ? stripBom(c) : c).trim()), headerRow: row, sample: [], delimiter: r.meta.delimiter, newline: r.meta.linebreak };
      else {
        found.sample = r.data;
        parser.abort();
      }
    },
  });
  return found;
}

const NEEDS_QUOTES = /[",\r\n\uFEFF]|^ | $/;
const FORMULA = /^[=+\-@\t\r]/;

/** One CSV cell: quoted where needed (RFC 4180); a cell a spreadsheet would run as a formula gets a leading '. */
export function csvCell(text: string): string {
  let s = text;
  let quote = false;
  if (FORMULA.test(s)) {
    s = `'${s}`;
    quote = true;
  }
  if (quote || NEEDS_QUOTES.test(s)) return `"${s.replace(/"/g, '""')}"`;
  return s;
}

/**
 * CSV text of rows (lines end with CR LF, none after the last). Written by hand rather than with
 * Papa.unparse because it is the hot path of a 100,000-row screening; papaparse reads it back
 * unchanged; the output is byte for byte what Papa.unparse(rows, { escapeFormulae: true }) writes
 * (a property test checks both), about 3x faster.
 */
export function toCsv(rows: readonly (readonly string[])[]): string {
  const lines: string[] = new Array(rows.length);
  for (let r = 0; r < rows.length; r++) lines[r] = csvLine(rows[r]!);
  return lines.join('\r\n');
}

/** A cell that csvCell() changes: formula-like or space at the start, space at the end, or a quote, comma, line break or BOM anywhere. */
const NEEDS_ESCAPE = /[",\r\n\uFEFF]|^[=+\-@\t\r ]| $/;

/** One CSV line: joined as it is when no cell needs quotes or a formula escape (the common case). */
function csvLine(row: readonly string[]): string {
  for (let c = 0; c < row.length; c++) {
    if (NEEDS_ESCAPE.test(row[c] ?? '')) {
      let line = '';
      for (let k = 0; k < row.length; k++) line += (k ? ',' : '') + csvCell(row[k] ?? '');
      return line;
    }
  }
  return row.join(',');
}

export interface ScreenedCsv {
  header: CsvHeaderInfo | null;
  outcomes: CsvRowOutcome[];
  /** the output file: header + one row per non-blank data row */
  csv: string;
}

/** Screens a whole CSV text at once (for small files and the Web Worker). */
export function screenCsvText(text: string, asOf: string, lang: Lang = 'zh-CN'): ScreenedCsv {
  const s = new CsvScreener(asOf, lang);
  const body = stripBom(text);
  const parsed = Papa.parse<string[]>(body, { skipEmptyLines: false, delimiter: detectDelimiter(body.trimStart()) });
  const outcomes: CsvRowOutcome[] = [];
  const rows: string[][] = [];
  for (const cells of parsed.data) {
    const o = s.push(cells);
    if (o) {
      outcomes.push(o);
      rows.push(s.outputRow(o));
    }
  }
  const csv = s.header ? toCsv([s.header.outputColumns, ...rows]) : '';
  return { header: s.header, outcomes, csv };
}
