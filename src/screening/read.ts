/**
 * Reading CSV text in one pass, chunk by chunk, in time linear in the text (a 50 MB line is read
 * once, never re-read per chunk). A line without quotes is split as it is (the common case, and
 * fast); a record with quotes is read character by character as RFC 4180 puts it.
 *
 * Nothing is merged silently: a quote that opens a cell and never closes, or closes it followed by
 * more text, is a stray quote; its record is read again with the quote taken as a plain character,
 * and a QuoteProblem names the row. A quoted cell holding line breaks is read as one cell (as a
 * spreadsheet writes it) and reported with the rows it covers.
 */

export interface QuoteProblem {
  /** the row (record number, header = the first) where the quote is */
  row: number;
  /** 'stray': a quote read as a plain character; 'multiline': a quoted cell spanning several lines */
  kind: 'stray' | 'multiline';
  /** multiline: how many lines the cell's row covers */
  lines?: number;
}

/** Called once per record: its cells, and the record's text when it is one line without quotes (else null). */
export type RowSink = (cells: string[], line: string | null) => void;

const QUOTE = 34;
const LF = 10;
const CR = 13;

export class CsvReader {
  readonly problems: QuoteProblem[] = [];
  /** records read so far */
  rows = 0;
  private readonly d: number;
  // state of a record being read character by character (inRecord)
  private inRecord = false;
  private cells: string[] = [];
  private field = '';
  private inQuotes = false;
  private fieldStart = true;
  /** just read a quote inside a quoted cell: a doubled quote or the closing one */
  private quoteSeen = false;
  /** the record's raw text so far (pieces), to read it again after a stray quote */
  private raw: string[] = [];
  private lineBreaks = 0;

  constructor(
    readonly delimiter: string,
    private readonly sink: RowSink,
  ) {
    this.d = delimiter.charCodeAt(0);
  }

  /** Whether the text read so far ends between two records (no record is half read). */
  get between(): boolean {
    return !this.inRecord;
  }

  /** Reads a chunk of text. */
  push(chunk: string): void {
    let text: string | null = chunk;
    while (text !== null) text = this.read(text);
  }

  /** The end of the text: a record without a final line break is emitted; an open quote is a stray one. */
  end(): void {
    if (!this.inRecord) return;
    if (this.inQuotes && !this.quoteSeen) {
      let rest: string | null = this.recover('');
      while (rest !== null) rest = this.read(rest);
      if (this.inRecord) this.finish(false);
      return;
    }
    this.finish(false);
  }

  /**
   * A whole line without quotes or line break, read as push() reads one (the caller has seen there
   * is no quote in it and that no record is half read).
   */
  line(line: string): void {
    this.emit(line.split(this.delimiter), line);
  }

  private emit(cells: string[], line: string | null): void {
    this.rows++;
    this.sink(cells, line);
  }

  /** Reads text; returns text to read again (after a stray quote), or null. */
  private read(text: string): string | null {
    const n = text.length;
    let i = 0;
    while (i < n) {
      if (!this.inRecord) {
        const nl = text.indexOf('\n', i);
        const end = nl < 0 ? n : nl;
        if (nl >= 0) {
          const lineEnd = end > i && text.charCodeAt(end - 1) === CR ? end - 1 : end;
          const line = text.slice(i, lineEnd);
          if (line.indexOf('"') < 0) {
            this.emit(line.split(this.delimiter), line);
            i = nl + 1;
            continue;
          }
        }
        this.begin();
      }
      const r = this.chars(text, i);
      if (typeof r === 'string') return r;
      i = r;
    }
    return null;
  }

  private begin(): void {
    this.inRecord = true;
    this.cells = [];
    this.field = '';
    this.inQuotes = false;
    this.fieldStart = true;
    this.quoteSeen = false;
    this.raw = [];
    this.lineBreaks = 0;
  }

  private finish(lineBreak: boolean): void {
    void lineBreak;
    this.cells.push(this.field);
    this.inRecord = false;
    if (this.lineBreaks > 0) this.problems.push({ row: this.rows + 1, kind: 'multiline', lines: this.lineBreaks + 1 });
    const cells = this.cells;
    this.cells = [];
    this.field = '';
    this.raw = [];
    this.emit(cells, null);
  }

  /**
   * Reads characters of a record from i; returns where the record ended (after its line break), or
   * the text length when it goes on in the next chunk, or text to read again after a stray quote.
   */
  private chars(text: string, i: number): number | string {
    const n = text.length;
    const start = i;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (this.inQuotes) {
        if (this.quoteSeen) {
          this.quoteSeen = false;
          if (c === QUOTE) {
            this.field += '"';
            i++;
            continue;
          }
          if (c === this.d || c === LF || c === CR) {
            this.inQuotes = false;
            // falls through to the unquoted handling of c below
          } else {
            this.raw.push(text.slice(start, i));
            return this.recover(text.slice(i));
          }
        } else {
          const q = text.indexOf('"', i);
          const to = q < 0 ? n : q;
          const piece = text.slice(i, to);
          if (piece.indexOf('\n') >= 0) this.lineBreaks += piece.split('\n').length - 1;
          this.field += piece;
          i = to;
          if (q >= 0) {
            this.quoteSeen = true;
            i++;
          }
          continue;
        }
      }
      if (c === QUOTE && this.fieldStart) {
        this.inQuotes = true;
        this.fieldStart = false;
        i++;
        continue;
      }
      if (c === this.d) {
        this.cells.push(this.field);
        this.field = '';
        this.fieldStart = true;
        i++;
        continue;
      }
      if (c === LF || (c === CR && text.charCodeAt(i + 1) === LF)) {
        this.finish(true);
        return i + (c === CR ? 2 : 1);
      }
      if (c === CR && i + 1 === n) {
        // a CR at the end of a chunk: the LF may be in the next one; drop it (a lone CR is not kept)
        i++;
        continue;
      }
      // plain characters up to the next special one
      let j = i + 1;
      while (j < n) {
        const k = text.charCodeAt(j);
        if (k === this.d || k === LF || k === CR) break;
        j++;
      }
      this.field += text.slice(i, j);
      this.fieldStart = false;
      i = j;
    }
    this.raw.push(text.slice(start, n));
    return n;
  }

  /**
   * A stray quote in the record being read: reads the record's first line again with its quotes as
   * plain characters, and returns the text after that line, to be read again.
   */
  private recover(rest: string): string {
    const all = this.raw.join('') + rest;
    this.inRecord = false;
    this.raw = [];
    this.problems.push({ row: this.rows + 1, kind: 'stray' });
    const nl = all.indexOf('\n');
    const end = nl < 0 ? all.length : nl;
    const line = all.slice(0, end > 0 && all.charCodeAt(end - 1) === CR ? end - 1 : end);
    this.emit(line.split(this.delimiter), null);
    return nl < 0 ? '' : all.slice(nl + 1);
  }
}

/** Reads a whole text at once: every record's cells, and the quote problems. */
export function readCsv(text: string, delimiter: string): { rows: string[][]; problems: QuoteProblem[] } {
  const rows: string[][] = [];
  const r = new CsvReader(delimiter, (cells) => rows.push(cells));
  r.push(text);
  r.end();
  return { rows, problems: r.problems };
}
