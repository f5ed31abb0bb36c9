/**
 * Screening a roster row by row: the one path of the command-line screener and the roster page's
 * Web Workers. Rows come in as cells (CsvReader), header first; title lines above the header, blank
 * rows and summary rows (合计, 小计, 总计) are skipped and reported; every other row is read through
 * the one header mapping, its facts derived and evaluated, and written back as one CSV line: the
 * file's own columns in place, then the result columns.
 *
 * Row numbers are the ones a spreadsheet shows: the first row is row 1.
 *
 * Rows of a roster repeat the same answers, so a row's facts, result and result cells are remembered
 * by the text of its read cells (the key); a row with the same cells gets the same outcome without
 * reading or evaluating again, and cells that differ in words only (天津 / 天津市) share the reading
 * of their facts. A row with dates shares the reading of its answers and has only its own notice
 * worked out. Each row's own problems (its ID number, its certificate number's warnings) stay its own.
 */
import { evaluate, withDates } from '../engine/evaluate';
import { screeningOutcome, type ScreeningOutcome } from '../engine/screening-outcome';
import { certificateFacts, certNumberKey, formatNumberWarning, rowNumberWarnings, type NumberWarning } from '../facts/idnumbers';
import type { Result } from '../engine/types';
import { deriveFacts, type Inputs } from '../facts/derive';
import { columnSpec, isInputName, type ColumnName, type InputName } from '../facts/fields';
import { readCell, type CellValue, type FieldIssue, type Lang } from '../facts/parse';
import { blankFacts, type FactField, type Facts } from '../facts/schema';
import { isBlankRow, isSummaryRow, looksLikeHeader, MAX_TITLE_ROWS, proposeMapping, type ColumnMapping } from './headers';
import { errorText, fieldsText, fill } from './messages';
import { CsvReader, type QuoteProblem } from './read';
import { answerValues, isResultColumn, noticeValues, resultHeaders, resultValues, VALUE_COLUMNS } from './results';
import { emptyCounts, pressingTrigger, rowKind, type Counts, type RowKind } from './tally';
import { csvCellKeepingText, csvLine, isSpoiltNumber } from './write';
import { detectDelimiter } from './decode';

export interface RowOutcome {
  /** the row number a spreadsheet shows */
  row: number;
  facts?: Facts;
  result?: Result;
  errors: FieldIssue[];
  /** the screening reading of the result: likely eligible, to verify at the visit … */
  screening?: ScreeningOutcome;
  /** problems that do not stop the row (a certificate number that disagrees, an ID typo) */
  warnings: NumberWarning[];
  /** the reading it shares with the rows of the same cells */
  reading: Reading;
}

/** What one set of read cells gives; shared by the rows with the same cells. */
export interface Reading {
  facts?: Facts;
  result?: Result;
  errors: FieldIssue[];
  screening?: ScreeningOutcome;
  /** warnings that follow from the read cells (the certificate number's category and grade) */
  warnings?: NumberWarning[];
  /** how the row counts */
  kind: RowKind;
  notice: 'overdue' | 'due' | null;
  /** the result values (`screening` to `rulesVersion`), CSV-encoded (built when first written) */
  valuesCsv?: string;
  /** the `warning` and `error` cells of the rows that share this reading, CSV-encoded after a comma */
  problemsCsv?: string;
  /** read without dates (its facts and result defined): rows with dates of the same answers build on it */
  undated: boolean;
  /** a row with dates: the reading of its answers, whose result cells it shares but for the notice */
  base?: Reading;
  /** how many later rows found this reading remembered (its cells are then worth encoding once) */
  found: number;
  /** the result cells before the notice cells, CSV-encoded (rows with dates share them) */
  answerCsv?: string;
}

/** Takes an output line in pieces (FileScreener.writeLine). */
export interface LineWriter {
  /** text of this line only */
  text(s: string): void;
  /** text many lines share, the same string each time */
  shared(s: string): void;
}

/** A row skipped and not screened, with why. */
export interface SkippedRow {
  row: number;
  /** title, summary: not screened; wide: screened, but cells beyond the header are not in the output (its columns end where the header's do) */
  why: 'title' | 'summary' | 'wide';
  /** the row's first non-empty cell (wide: its non-empty cells beyond the header) */
  text: string;
}

/**
 * Readings remembered at most (each keeps its facts and result for the rows with dates that share
 * it). When that many are remembered and were used less than twice each on average, the rows of the
 * file rarely repeat their answers: remembering stops, as it would only cost memory.
 */
const MAX_REMEMBERED = 4096;

/** Different cells of a column known by a number in a row's key (characters below the surrogates). */
const KEY_IDS = 4096;

/** What a mapped column is to a row's key: part of it, free text (one mark within its limit), or a date (read apart). */
export type KeyRole = 'key' | 'text' | 'date';

/** The part of a row's key that free text within its limit gives (no number of a cell is this character). */
export const WITHIN_LIMIT = '\ufffd';

/** Reads and evaluates rows through one mapping at one as-of date. */
export class RowReader {
  /** per column: the field or input it holds (null: read by no rule) */
  private readonly cols: { i: number; c: ColumnName; input: boolean; text: boolean; date: boolean; max: number; part: KeyRole }[] = [];
  private readonly memo = new Map<string, Reading>();
  /** readings of rows without dates by their facts (JSON): rows whose cells differ but mean the same share one */
  private readonly byFacts = new Map<string, Reading>();
  /** rows that found their reading remembered, since the memo was last emptied */
  private hits = 0;
  private remember = true;
  private readonly cellMemo: Map<string, ReturnType<typeof readCell>>[];
  /** per column: the number of each different cell (see key()) */
  private readonly keyIds: Map<string, number>[];
  private readonly hasInputs: boolean;
  /** the columns of the certificate and ID numbers (CN-CERT-NUMBER, CN-ID-NUMBER), -1 when absent */
  private readonly certCol: number;
  /** the entries of `cols` that hold dates */
  private readonly dateCols: number[] = [];
  private readonly idCol: number;

  constructor(
    readonly mapping: ColumnMapping,
    readonly asOf: string,
  ) {
    this.certCol = mapping.indexOf('certificateNumber');
    mapping.forEach((c, i) => {
      if (!c) return;
      const kind = columnSpec(c).kind;
      // a certificate number settles facts by its category and grade digits: it is part of the key
      const part: KeyRole = i === this.certCol ? 'key' : kind === 'date' ? 'date' : kind === 'text' ? 'text' : 'key';
      this.cols.push({ i, c, input: isInputName(c), text: kind === 'text', date: kind === 'date', max: columnSpec(c).max ?? 0, part });
    });
    this.cellMemo = this.cols.map(() => new Map());
    this.keyIds = this.cols.map(() => new Map());
    this.hasInputs = this.cols.some((x) => x.input);
    this.idCol = mapping.indexOf('idNumber');
    this.cols.forEach((x, k) => {
      if (x.date) this.dateCols.push(k);
    });
  }

  /**
   * The key of a row: its categorical cells (free text within its limit reads as itself and gives
   * one mark, and dates are read apart: only the notice reads them). Each column's first 4,096 different
   * cells are known by a number, one character of the key; any later one is written out whole,
   * after its length.
   */
  private key(cells: readonly string[]): string {
    let k = '';
    for (let j = 0; j < this.cols.length; j++) {
      const x = this.cols[j]!;
      if (x.part === 'date') continue;
      const cell = cells[x.i] ?? '';
      // free text gives a part either way, so that each column has its place in the key
      k += x.part === 'text' && cell.length <= x.max ? WITHIN_LIMIT : this.keyPart(j, cell);
    }
    return k;
  }

  /**
   * The part of a row's key that cell `text` of column j (an entry of the mapped columns, in order)
   * gives: one character for each of the column's first 4,096 different cells, a later one whole.
   */
  keyPart(j: number, text: string): string {
    // a certificate number settles facts by its category and grade digits: those are its key
    const cell = this.cols[j]!.i === this.certCol ? certNumberKey(text) : text;
    const ids = this.keyIds[j]!;
    let id = ids.get(cell);
    if (id === undefined && ids.size < KEY_IDS) ids.set(cell, (id = ids.size));
    return id === undefined ? `\uffff${cell.length}:${cell}` : String.fromCharCode(id);
  }

  /**
   * The mapped columns in key order, as the key reads them: `key` (categorical: part of the key,
   * the certificate number too), `text` (left out of the key within `max` UTF-16 units), `date`
   * (read apart). `i` is the column's index in a row.
   */
  columns(): { i: number; part: KeyRole; max: number }[] {
    return this.cols.map((x) => ({ i: x.i, part: x.part, max: x.max }));
  }

  /** The reading remembered for a key, not counted (hit() counts it once taken, as read() does). */
  peek(key: string): Reading | undefined {
    return this.memo.get(key);
  }

  /** Counts a remembered reading as found (see peek()). */
  hit(base: Reading): void {
    this.hits++;
    base.found++;
  }

  /**
   * The facts, result and problems of a row of cells. Remembered by its categorical key; a row with
   * dates takes the reading of the same answers without dates (remembered, or made and remembered
   * now) and has only its notice worked out again (engine `withDates`). Once remembering stops, a
   * row with dates is read whole.
   */
  read(cells: readonly string[]): Reading {
    const key = this.key(cells);
    const base = this.memo.get(key);
    if (base) this.hit(base);
    for (const k of this.dateCols) {
      if ((cells[this.cols[k]!.i] ?? '') === '') continue;
      // a row with dates: on the reading of the same answers without dates
      if (base) return this.dated(base, cells);
      if (!this.remember) return this.readNew(cells, true);
      const undated = this.readNew(cells, false);
      // a problem in the answers: the whole row is read, its dates too, for all its messages
      if (!undated.undated) return this.readNew(cells, true);
      this.keep(key, undated);
      return this.dated(undated, cells);
    }
    if (base) return base;
    const r = this.readNew(cells, false);
    if (this.remember) this.keep(key, r);
    return r;
  }

  /** Remembers a reading by its key; stops remembering when the rows of the file rarely repeat. */
  private keep(key: string, r: Reading): void {
    if (this.memo.size >= MAX_REMEMBERED) {
      this.remember = this.hits >= MAX_REMEMBERED;
      this.memo.clear();
      this.hits = 0;
      if (!this.remember) {
        this.byFacts.clear();
        return;
      }
    }
    this.memo.set(key, r);
  }

  /** A row with dates: its own notice on the reading of its answers (the whole row read anew where anything is wrong). */
  private dated(base: Reading, cells: readonly string[]): Reading {
    return this.datedOn(base, cells) ?? this.readNew(cells, true);
  }

  /**
   * A row with dates on the reading of its answers, reading only its date cells; null where the
   * whole row must be read (the answers have a problem, or a date cell has).
   */
  datedOn(base: Reading, cells: readonly string[]): Reading | null {
    if (!base.undated) return null;
    const facts = { ...base.facts } as Record<FactField, unknown>;
    for (const k of this.dateCols) {
      const x = this.cols[k]!;
      const r = this.cell(k, cells[x.i] ?? '');
      if (!r.ok) return null;
      if (r.value !== undefined) facts[x.c as FactField] = r.value;
    }
    const read = Object.freeze(facts) as Facts;
    const result = withDates(base.result!, read, { asOf: this.asOf });
    return reading(read, result, base.errors, base.screening, base.warnings, base.kind, noticeOf(result), false, base);
  }

  /** The reading of one cell of column k (remembered per column). */
  private cell(k: number, text: string): ReturnType<typeof readCell> {
    const m = this.cellMemo[k]!;
    let r = m.get(text);
    if (!r) {
      r = readCell(this.cols[k]!.c, text);
      // remembered readings are shared by rows: frozen, so that no row can change another
      if (r.ok && Array.isArray(r.value)) Object.freeze(r.value);
      if (m.size < 4096) m.set(text, r);
    }
    return r;
  }

  /** Reads a row of cells; without its dates (`withDates` false) for the reading rows of the same answers share. */
  private readNew(cells: readonly string[], withDates: boolean): Reading {
    const facts = blankFacts() as Record<FactField, unknown>;
    const inputs: Record<string, CellValue> | null = this.hasInputs ? {} : null;
    let errors: FieldIssue[] | null = null;
    for (let k = 0; k < this.cols.length; k++) {
      const x = this.cols[k]!;
      if (x.text || (x.date && !withDates)) continue; // free text: no rule reads it, and its length is part of the key
      const r = this.cell(k, cells[x.i] ?? '');
      if (!r.ok) (errors ??= []).push(r.issue);
      else if (x.input) inputs![x.c] = r.value;
      else if (r.value !== undefined) facts[x.c as FactField] = r.value;
    }
    // free text over its limit is a problem of the row
    for (const x of this.cols) {
      if (!x.text) continue;
      const r = readCell(x.c, cells[x.i] ?? '');
      if (!r.ok) (errors ??= []).push(r.issue);
    }
    if (inputs) {
      const derived = deriveFacts(facts as Facts, inputs as Inputs);
      if (derived) (errors ??= []).push(...derived);
    }
    let warnings: NumberWarning[] | undefined;
    let read = facts as Facts;
    if (this.certCol >= 0) {
      const n = certificateFacts(read, cells[this.certCol]);
      read = n.facts;
      if (n.warnings.length) warnings = n.warnings;
    }
    if (errors) return reading(undefined, undefined, errors, undefined, warnings, 'error', null, false, undefined);
    // cells that differ in words only (天津 and 天津市, the category where no rule reads it …) give
    // the same facts: the rows without dates share one reading of them
    let factsKey: string | null = null;
    if (!withDates && this.remember) {
      factsKey = JSON.stringify(read);
      const same = this.byFacts.get(factsKey);
      // the result is shared; the certificate number's warnings are the row's own
      if (same) return !warnings && !same.warnings ? same : reading(same.facts, same.result, same.errors, same.screening, warnings, same.kind, same.notice, same.undated, undefined);
    }
    const asOf = this.asOf;
    const result = evaluate(read, { asOf });
    const screening = screeningOutcome(read, result, (f) => evaluate(f, { asOf }));
    const noErrors: FieldIssue[] = [];
    Object.freeze(read);
    const kind = rowKind({ result, errors: noErrors, screening });
    // the screening outcome reads no date, so the rows of the same answers with dates share it
    const r = reading(read, result, noErrors, screening, warnings, kind, noticeOf(result), !withDates, undefined);
    if (factsKey !== null) {
      if (this.byFacts.size >= MAX_REMEMBERED) this.byFacts.clear();
      this.byFacts.set(factsKey, r);
    }
    return r;
  }

  /** The warnings of one row: those of its reading, and its ID number's (checked per row: it is no part of the key). */
  warningsOf(cells: readonly string[], r: Reading): NumberWarning[] {
    const own = rowNumberWarnings({ certNumber: this.certCol >= 0 ? cells[this.certCol] : undefined, idNumber: this.idCol >= 0 ? cells[this.idCol] : undefined });
    if (!r.warnings) return own;
    return own.length ? [...r.warnings, ...own] : r.warnings;
  }

  /** The facts of a row with its free text (ref, notes) as given. */
  factsOf(cells: readonly string[], r: Reading): Facts | undefined {
    if (!r.facts) return undefined;
    let facts = r.facts;
    for (const x of this.cols) {
      if (!x.text || x.input) continue;
      const t = (cells[x.i] ?? '').trim();
      if (t !== '') {
        if (facts === r.facts) facts = { ...r.facts };
        (facts as Record<string, unknown>)[x.c] = t;
      }
    }
    return facts;
  }

  /** The cell of an input column (a certificate number …), or undefined. */
  inputCell(cells: readonly string[], input: InputName): string | undefined {
    const x = this.cols.find((c) => c.c === input);
    return x ? cells[x.i] : undefined;
  }
}

export interface HeaderFound {
  row: number;
  /** the header cells as given (BOM removed, trimmed) */
  headers: string[];
  mapping: ColumnMapping;
  /** headers that name neither a field nor a result column: carried through, read by no rule */
  unknownColumns: string[];
}

/**
 * Feeds rows of cells (as CsvReader gives them) and gets screened rows back. Finds the header
 * (title lines above it skipped) unless it is given, skips blank and summary rows, counts, and
 * writes output lines. Works on any part of a file, so a stream (the CLI), a whole text and the
 * parts of a file on several threads share it.
 */
export class FileScreener {
  header: HeaderFound | null = null;
  readonly counts: Counts = emptyCounts();
  readonly skipped: SkippedRow[] = [];
  /** the number of the last row read */
  rowCount = 0;
  private reader: RowReader | null = null;
  private keep: number[] = [];
  /** rows before the header while looking for it: [row, cells] */
  private pending: [number, string[]][] = [];
  /** a comma-separated input: its line text can be written as it is (see fastLines) */
  private commaLines = true;
  /** the result values of a row without a result, CSV-encoded */
  private blankValues: string | undefined;
  /** the result cells after the notice cells, CSV-encoded */
  private endCsv: string | undefined;
  /** the `warning` and `error` cells of rows whose one problem is their own ID number's (see ownWarning) */
  private readonly ownWarnings = new Map<string, string>();

  constructor(
    readonly asOf: string,
    readonly lang: Lang,
    opts: { header?: HeaderFound; firstRow?: number; delimiter?: string } = {},
  ) {
    this.commaLines = (opts.delimiter ?? ',') === ',';
    if (opts.header) this.setHeader(opts.header);
    if (opts.firstRow) this.rowCount = opts.firstRow - 1;
  }

  /** Uses the delimiter's line text as it is where possible (a comma-separated input). */
  set delimiter(d: string) {
    this.commaLines = d === ',';
  }

  /** Whether a row's line text can be written as it is: comma-separated, and every column of the file kept (no earlier result columns). */
  private get fastLines(): boolean {
    return this.commaLines && this.header !== null && this.keep.length === this.header.headers.length;
  }

  private setHeader(h: HeaderFound): void {
    this.header = h;
    this.reader = new RowReader(h.mapping, this.asOf);
    this.keep = [];
    h.headers.forEach((x, i) => {
      if (!isResultColumn(x)) this.keep.push(i);
    });
  }

  /** The header found in a row of cells (the mapping the one header matcher proposes). */
  static headerOf(row: number, cells: readonly string[]): HeaderFound {
    const headers = cells.map((c, i) => (i === 0 && c.charCodeAt(0) === 0xfeff ? c.slice(1) : c).trim());
    const mapping = proposeMapping(headers);
    const unknownColumns = headers.filter((h, i) => h !== '' && !mapping[i] && !isResultColumn(h));
    return { row, headers, mapping, unknownColumns };
  }

  /** The output header: the file's columns in place (earlier result columns dropped), then the result columns. */
  outputColumns(): string[] {
    const h = this.header!;
    return [...this.keep.map((i) => h.headers[i]!), ...resultHeaders(this.lang)];
  }

  /**
   * Reads one row of cells; calls `out` for each screened row (rows held while looking for the
   * header come out once it is found).
   */
  push(cells: string[], line: string | null, out: (o: RowOutcome, line: string | null, cells: readonly string[]) => void): void {
    const row = ++this.rowCount;
    if (!this.reader) {
      if (isBlankRow(cells)) return;
      this.pending.push([row, cells]);
      if (looksLikeHeader(cells)) this.headerAt(this.pending.length - 1, out);
      else if (this.pending.length > MAX_TITLE_ROWS) this.headerAt(0, out);
      return;
    }
    this.screenRow(row, cells, line, out);
  }

  /** The end of the rows: a file whose header was not found takes its first non-blank row as the header. */
  end(out: (o: RowOutcome, line: string | null, cells: readonly string[]) => void): void {
    if (!this.reader && this.pending.length) this.headerAt(0, out);
  }

  private headerAt(k: number, out: (o: RowOutcome, line: string | null, cells: readonly string[]) => void): void {
    const rows = this.pending;
    this.pending = [];
    for (let j = 0; j < k; j++) {
      this.counts.title++;
      this.skipped.push({ row: rows[j]![0], why: 'title', text: firstText(rows[j]![1]) });
    }
    this.setHeader(FileScreener.headerOf(rows[k]![0], rows[k]![1]));
    for (let j = k + 1; j < rows.length; j++) this.screenRow(rows[j]![0], rows[j]![1], null, out);
  }

  private screenRow(row: number, cells: string[], line: string | null, out: (o: RowOutcome, line: string | null, cells: readonly string[]) => void): void {
    if (isBlankRow(cells)) {
      this.counts.blank++;
      return;
    }
    if (isSummaryRow(cells)) {
      this.counts.summary++;
      this.skipped.push({ row, why: 'summary', text: firstText(cells) });
      return;
    }
    const width = this.header!.headers.length;
    if (cells.length > width) {
      const beyond = cells.slice(width).filter((c) => c.trim() !== '');
      if (beyond.length) this.skipped.push({ row, why: 'wide', text: beyond.join(this.lang === 'zh-CN' ? '、' : ', ') });
    }
    const r = this.reader!.read(cells);
    const o: RowOutcome = { row, facts: r.facts, result: r.result, errors: r.errors, screening: r.screening, warnings: this.reader!.warningsOf(cells, r), reading: r };
    this.count(r);
    out(o, line, cells);
  }

  /** Counts a screened row by its reading. */
  count(r: Reading): void {
    const c = this.counts;
    c.rows++;
    c[r.kind]++;
    if (r.notice === 'overdue') c.noticeOverdue++;
    else if (r.notice === 'due') c.noticeDue++;
  }

  /** The next row's number (a row screened apart from push(): see ByteLines). */
  nextRow(): number {
    return ++this.rowCount;
  }

  /** The row reader, once the header is found. */
  get rows(): RowReader | null {
    return this.reader;
  }

  /** Whether output lines are the input line as it is, then the result cells (a comma-separated file without earlier result columns). */
  get linesAsTheyAre(): boolean {
    return this.fastLines;
  }

  /** The facts of a screened row, with its free text. */
  factsOf(cells: readonly string[], o: RowOutcome): Facts | undefined {
    return this.reader!.factsOf(cells, o.reading);
  }

  /** One output line (CSV, no line break): the row's own cells in place, then its result cells. */
  outputLine(o: RowOutcome, line: string | null, cells: readonly string[]): string {
    let s = '';
    const add = (t: string) => {
      s += t;
    };
    this.writeLine(o, line, cells, { text: add, shared: add });
    return s;
  }

  /**
   * Writes one output line (no line break) piece by piece, as outputLine() gives it: a writer that
   * encodes may remember the bytes of the pieces many lines share (`shared`: the result cells of a
   * reading) instead of building and encoding each line as one string.
   */
  writeLine(o: RowOutcome, line: string | null, cells: readonly string[], w: LineWriter): void {
    // (a row with more or fewer cells than the header is written to its width, as the header is, so
    // that its result cells stand under their names)
    if (line !== null && this.fastLines && cells.length === this.keep.length) {
      // a comma-separated line without quotes: its cells hold no comma, quote or line break
      // the line as it is, with only the cells that need it written anew (an ID number as text …)
      let from = 0;
      let pos = 0;
      // a byte-order mark or a lone CR inside a cell: that cell is quoted (looked for once per line)
      const marks = line.indexOf('\uFEFF') >= 0 || line.indexOf('\r') >= 0;
      for (let k = 0; k < cells.length; k++) {
        const c = cells[k]!;
        if (!cellAsItIs(c) || (marks && (c.indexOf('\uFEFF') >= 0 || c.indexOf('\r') >= 0))) {
          w.text(line.slice(from, pos) + csvCellKeepingText(c));
          from = pos + c.length;
        }
        pos += c.length + 1;
      }
      w.text(`${from === 0 ? line : line.slice(from)},${o.row},`);
    } else {
      let s = '';
      for (let k = 0; k < this.keep.length; k++) s += (k ? ',' : '') + csvCellKeepingText(cells[this.keep[k]!] ?? '');
      w.text(`${s},${o.row},`);
    }
    this.writeResult(o, w);
  }

  /** The result cells after `row`: the reading's values (remembered with it), then the row's warning and error. */
  writeResult(o: Pick<RowOutcome, 'reading' | 'warnings' | 'errors'>, w: LineWriter): void {
    const r = o.reading;
    const b = r.base;
    if (b && r.result) {
      // a row with dates: the cells of its answers are those of the rows without dates, the notice its own
      b.answerCsv ??= csvLine(answerValues(r.result, this.lang, r.screening));
      // the cells after the notice (as-of date, rules version) are the same for every row of the file
      this.endCsv ??= csvLine([r.result.asOf, r.result.rulesVersion]);
      w.shared(b.answerCsv);
      w.text(`,${csvLine(noticeValues(r.result, this.lang))},`);
      w.shared(this.endCsv);
    } else {
      const values = (r.valuesCsv ??= this.valuesCsv(r));
      if (r.found) w.shared(values);
      else w.text(values);
    }
    if (!o.warnings.length && !o.errors.length) w.text(',,');
    // the warnings and errors of a reading are the same for every row that shares it (the row's own ID number aside)
    else if (o.warnings === r.warnings) w.shared((r.problemsCsv ??= ',' + csvLine(this.problemCells(o))));
    else if (o.warnings.length === 1 && !r.warnings && !o.errors.length) w.shared(this.ownWarning(o.warnings[0]!));
    else w.text(',' + csvLine(this.problemCells(o)));
  }

  /**
   * The `warning` and `error` cells of a row whose one problem is its own ID number's (a typo of
   * the check character …): the same few sentences recur, so their cells are remembered.
   */
  private ownWarning(w: NumberWarning): string {
    // a wrong check character, the usual typo, is known by its two characters; any other by its sentence
    let text: string | null = null;
    let key: string;
    if (w.code === 'idNumber' && w.problem.code === 'idCheck') key = w.source + w.problem.expected + w.problem.given;
    else key = text = formatNumberWarning(w, this.lang);
    let cells = this.ownWarnings.get(key);
    if (cells === undefined) {
      cells = ',' + csvLine([text ?? formatNumberWarning(w, this.lang), '']);
      if (this.ownWarnings.size >= 1024) this.ownWarnings.clear();
      this.ownWarnings.set(key, cells);
    }
    return cells;
  }

  /** The values of a reading, `screening` to `rulesVersion`, CSV-encoded. */
  private valuesCsv(r: Reading): string {
    if (!r.result) return (this.blankValues ??= csvLine(new Array<string>(VALUE_COLUMNS.length).fill('')));
    return csvLine(resultValues(r.result, this.lang, r.screening));
  }

  /** The `warning` and `error` cells of a row. */
  private problemCells(o: Pick<RowOutcome, 'warnings' | 'errors'>): [string, string] {
    const warning = o.warnings.map((w) => formatNumberWarning(w, this.lang)).join(this.lang === 'zh-CN' ? '；' : '; ');
    return [warning, o.errors.length ? errorText(o.errors, this.lang) : ''];
  }

  /** Every result column of a row, `row`, `warning` and `error` included, in RESULT_COLUMNS order. */
  resultCells(o: RowOutcome): string[] {
    const values = o.result ? resultValues(o.result, this.lang, o.screening) : new Array<string>(VALUE_COLUMNS.length).fill('');
    return [String(o.row), ...values, ...this.problemCells(o)];
  }

  /** The lines about skipped rows and rows wider than the header, in the language (for standard error and the page). */
  skippedLines(): string[] {
    return skippedLines(this.skipped, this.lang);
  }
}

/** Skipped rows as lines in the language. */
export function skippedLines(skipped: readonly SkippedRow[], lang: Lang): string[] {
  const t = fieldsText(lang).rows;
  return skipped.map((s) => fill(t[s.why], { row: String(s.row), text: s.text.slice(0, 40) }));
}

/**
 * The header of a text (title lines above it skipped, and listed in `titles`), found by reading its
 * first rows as the screening does.
 */
export function findHeader(text: string, delimiter: string): (HeaderFound & { titles: SkippedRow[] }) | null {
  const s = new FileScreener('2025-01-01', 'en', { delimiter });
  const r = new CsvReader(delimiter, (cells, line) => {
    if (!s.header) s.push(cells, line, () => undefined);
  });
  // the header is among the first rows: a bounded head of the text is enough
  r.push(text.slice(0, 256 * 1024));
  if (!s.header) {
    r.end();
    s.end(() => undefined);
  }
  return s.header && { ...s.header, titles: s.skipped.filter((x) => x.why === 'title') };
}

/**
 * A reading, every field present and in one order: readings are made for most rows and read for
 * every row, so all of them share one shape (fast to build and to read).
 */
function reading(
  facts: Facts | undefined,
  result: Result | undefined,
  errors: FieldIssue[],
  screening: ScreeningOutcome | undefined,
  warnings: NumberWarning[] | undefined,
  kind: RowKind,
  notice: Reading['notice'],
  undated: boolean,
  base: Reading | undefined,
): Reading {
  return { facts, result, errors, screening, warnings, kind, notice, valuesCsv: undefined, problemsCsv: undefined, undated, base, found: 0, answerCsv: undefined };
}

/** Whether a result's most pressing notice is overdue or still due (while a subsidy is or may be paid). */
function noticeOf(result: Result): Reading['notice'] {
  const t = pressingTrigger(result);
  return t && t.required !== 'no' ? (t.status === 'overdue' ? 'overdue' : t.status === 'notYetDue' ? 'due' : null) : null;
}

const firstText = (cells: readonly string[]): string => cells.find((c) => c.trim() !== '')?.trim() ?? '';

/**
 * A cell of a quote-free comma-separated line that csvCellKeepingText() leaves as it is, BOM aside:
 * no formula-like or space start, no space end, not digits a spreadsheet would spoil.
 */
export function cellAsItIs(c: string): boolean {
  const n = c.length;
  if (n === 0) return true;
  const f = c.charCodeAt(0);
  // = + - @ tab CR space at the start, a space at the end (a BOM inside is looked for once per line)
  if (f === 61 || f === 43 || f === 45 || f === 64 || f === 9 || f === 13 || f === 32 || c.charCodeAt(n - 1) === 32) return false;
  return !(f >= 48 && f <= 57 && (n >= 12 || (f === 48 && n > 1)) && isSpoiltNumber(c));
}



/** Quote problems as lines in the language. */
export function quoteLines(problems: readonly QuoteProblem[], lang: Lang): string[] {
  const t = fieldsText(lang).rows;
  return problems.map((p) => fill(p.kind === 'stray' ? t.strayQuote : t.multiline, { row: String(p.row), lines: String(p.lines ?? 1), last: String(p.row + (p.lines ?? 1) - 1) }));
}

// ---------------------------------------------------------------- a whole text at once

export interface TextOutcome extends RowOutcome {
  /** the row's cells by header, as given */
  input: Record<string, string>;
  cells: readonly string[];
}

export interface ScreenedText {
  header: HeaderFound | null;
  outcomes: TextOutcome[];
  /** the output file: header + one line per screened row (no BOM) */
  csv: string;
  counts: Counts;
  /** skipped rows and quote problems, as sentences in the language */
  notes: string[];
}

/** Screens a whole CSV text at once (small files, tests): the same rows, lines and notes as the command line writes. */
export function screenCsvText(text: string, asOf: string, lang: Lang = 'zh-CN'): ScreenedText {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = detectDelimiter(body.trimStart());
  const s = new FileScreener(asOf, lang, { delimiter });
  const outcomes: TextOutcome[] = [];
  const lines: string[] = [];
  const take = (o: RowOutcome, line: string | null, cells: readonly string[]) => {
    const input: Record<string, string> = {};
    s.header!.headers.forEach((h, i) => {
      if (h !== '') input[h] = cells[i] ?? '';
    });
    outcomes.push({ ...o, facts: s.factsOf(cells, o), input, cells });
    lines.push(s.outputLine(o, line, cells));
  };
  const r = new CsvReader(delimiter, (cells, line) => s.push(cells, line, take));
  r.push(body);
  r.end();
  s.end(take);
  const csv = s.header ? [csvLine(s.outputColumns()), ...lines].join('\r\n') : '';
  return { header: s.header, outcomes, csv, counts: s.counts, notes: [...s.skippedLines(), ...quoteLines(r.problems, lang)] };
}

/** Screens one record (header → cell text) through the one header matcher, as row `row`. */
export function screenRecord(record: Record<string, string>, row: number, asOf: string): TextOutcome {
  const headers = Object.keys(record);
  const cells = headers.map((h) => record[h] ?? '');
  const s = new FileScreener(asOf, 'en', { header: FileScreener.headerOf(row - 1, headers), firstRow: row });
  let got: RowOutcome | null = null;
  s.push(cells, null, (o) => (got = o));
  const o = got as RowOutcome | null;
  if (!o) throw new Error('a blank or summary row');
  return { ...o, facts: s.factsOf(cells, o), input: { ...record }, cells };
}
