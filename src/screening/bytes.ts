/**
 * Screening the rows of a UTF-8, comma-separated roster from its bytes, line by line, without
 * making a string of every cell: the command line's way through a large file (src/cli/screening.ts).
 *
 * A roster repeats the same answers, so most of its rows find the reading of their answers already
 * remembered (RowReader): for those, a line's cells are found by their byte offsets, its reading
 * by the bytes of its key cells, and its output line is its own bytes copied, then the result cells
 * the reading shares. Only what a row holds of its own is read as text: its dates (the notice), an
 * ID number that is not 18 plain characters, a cell a spreadsheet would spoil.
 *
 * Every other line goes the one text way (CsvReader, FileScreener.push): a row whose answers are
 * new or wrong, a blank or summary row, a line with a byte-order mark. The output is the same, byte
 * for byte, as that way gives for the whole file (tests compare them); the caller sends lines with
 * quotes, and everything after them, the text way too.
 */
import { plainIdBytesProblem, type IdProblem, type NumberWarning } from '../facts/idnumbers';
import { NotTextError } from './decode';
import { isSummaryCell } from './headers';
import type { CsvReader } from './read';
import { cellAsItIs, WITHIN_LIMIT, type FileScreener, type KeyRole, type LineWriter, type Reading, type RowReader } from './screen';
import { csvCellKeepingText, isSpoiltNumberBytes, KEPT_TEXT_CLOSE, KEPT_TEXT_OPEN } from './write';

/** Takes an output line in pieces, input bytes among them. */
export interface ByteWriter extends LineWriter {
  /** bytes of the input, b[start..end) */
  copy(b: Uint8Array, start: number, end: number): void;
  /** text of ASCII characters only */
  ascii(s: string): void;
  /** a row number between two commas */
  rowNumber(n: number): void;
  /** the end of a line (CR LF) */
  endLine(): void;
}

/** Text of UTF-8 bytes b[start..end) (the caller has checked they are UTF-8). */
export type DecodeBytes = (b: Uint8Array, start: number, end: number) => string;

/** What BytesIn needs of its platform (the command line passes Node's Buffer methods, which are faster). */
export interface ByteTools {
  decode: DecodeBytes;
  /** chunks as one */
  concat(parts: readonly Uint8Array[]): Uint8Array;
  /** throws NotTextError unless b[start..end) is UTF-8 text (no NUL byte) */
  check(b: Uint8Array, start: number, end: number): void;
}

/** Decoding and checking with TextDecoder alone (no Node). */
export const TEXT_DECODER_TOOLS: ByteTools = {
  decode: (b, start, end) => new TextDecoder().decode(b.subarray(start, end)),
  concat: (parts) => {
    const c = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      c.set(p, at);
      at += p.length;
    }
    return c;
  },
  check: (b, start, end) => {
    const part = b.subarray(start, end);
    if (part.includes(0)) throw new NotTextError('NUL byte');
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(part);
    } catch {
      throw new NotTextError('undecodable');
    }
  },
};

/**
 * Reads a UTF-8 file's bytes chunk by chunk (a BOM at the start dropped) into one FileScreener:
 * whole lines only, the part after a chunk's last line break kept for the next. Lines before the
 * header, and every line once one with a quote is met, are read as text (CsvReader); the others
 * by ByteLines. Output lines go to the writer (rows read as text through the screener's `out`).
 */
export class BytesIn {
  /** bytes after the last line break so far, in the chunks they came in */
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private started = false;
  /** a quote was met (or the file's lines are not written as they are): the rest is read as text */
  private asText = false;
  private lines: ByteLines | null = null;

  constructor(
    private readonly screener: FileScreener,
    private readonly csv: CsvReader,
    private readonly w: ByteWriter,
    private readonly tools: ByteTools,
  ) {}

  push(chunk: Uint8Array): void {
    // a line longer than a chunk waits in pieces, joined once its end comes (each byte copied once)
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    // the first three bytes decide whether there is a byte-order mark
    if ((!this.started && this.pendingBytes < 3) || chunk.lastIndexOf(LF) < 0) return;
    let b = this.pending.length === 1 ? chunk : this.tools.concat(this.pending);
    this.pending = [];
    this.pendingBytes = 0;
    if (!this.started) {
      this.started = true;
      if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) b = b.subarray(3);
    }
    const end = b.lastIndexOf(LF) + 1;
    this.tools.check(b, 0, end);
    const decode = this.tools.decode;
    let i = 0;
    while (i < end) {
      if (this.asText) {
        this.csv.push(decode(b, i, end));
        break;
      }
      if (this.screener.header && this.csv.between) {
        if (!this.screener.linesAsTheyAre || this.csv.delimiter !== ',') {
          this.asText = true;
          continue;
        }
        this.lines ??= new ByteLines(this.screener, this.csv, this.w, decode);
        i = this.lines.read(b, i, end);
        // a line with a quote: it and the rest are read as text
        if (i < end) this.asText = true;
        continue;
      }
      // before the header, or within a quoted cell across lines: a line at a time, as text
      const nl = b.indexOf(LF, i) + 1;
      this.csv.push(decode(b, i, nl));
      i = nl;
    }
    if (end < b.length) {
      this.pending.push(b.subarray(end));
      this.pendingBytes = b.length - end;
    }
  }

  /** Rows screened from their bytes (the others were read as text). */
  get taken(): number {
    return this.lines?.taken ?? 0;
  }

  /** The end of the file: a last line without a line break is read as text (then end the CsvReader and the screener). */
  end(): void {
    if (!this.pendingBytes) return;
    let c = this.tools.concat(this.pending);
    this.pending = [];
    this.pendingBytes = 0;
    if (!this.started && c[0] === 0xef && c[1] === 0xbb && c[2] === 0xbf) c = c.subarray(3);
    this.started = true;
    this.tools.check(c, 0, c.length);
    this.csv.push(this.tools.decode(c, 0, c.length));
  }
}

const LF = 10;
const CR = 13;
const QUOTE = 34;
const COMMA = 44;

/** The key cells of rows seen before, as bytes, and their reading (a chain: rows whose hashes clash). */
interface RowSeen {
  bytes: Uint8Array;
  reading: Reading;
  next: RowSeen | undefined;
}

/** Readings remembered by the bytes of a row's key cells at most (then forgotten, and found again by key). */
const MAX_REMEMBERED_ROWS = 4096;

const NO_WARNINGS: readonly NumberWarning[] = Object.freeze([]);

export class ByteLines {
  /** rows screened from their bytes */
  taken = 0;
  private starts = new Int32Array(64);
  private ends = new Int32Array(64);
  private readonly reader: RowReader;
  private readonly cols: { i: number; j: number; part: KeyRole; max: number }[];
  /** the row's cells read as text where a RowReader method wants them (dates, ID and certificate numbers) */
  private readonly scratch: string[];
  private readonly dateCols: number[];
  /** the header's cells: a row of as many is written as it is */
  private readonly width: number;
  private readonly idCol: number;
  private readonly certCol: number;
  /** readings by the bytes of a row's key cells (their hash; a chain where hashes clash) */
  private readonly byBytes = new Map<number, RowSeen>();
  /** the key cells of the row being read (see screen()) */
  private keyBytes: Uint8Array = new Uint8Array(256);
  /** the one-warning lists of a wrong check character, by the two characters */
  private readonly checkWarnings = new Map<string, readonly NumberWarning[]>();
  /** the row being written (one object: writeResult only reads it) */
  private readonly row: { reading: Reading; warnings: NumberWarning[]; errors: Reading['errors'] };

  constructor(
    private readonly screener: FileScreener,
    private readonly csv: CsvReader,
    private readonly w: ByteWriter,
    private readonly decode: DecodeBytes,
  ) {
    const reader = screener.rows;
    if (!reader || !screener.linesAsTheyAre || csv.delimiter !== ',') throw new Error('ByteLines: a comma-separated file whose header is found');
    this.reader = reader;
    this.cols = reader.columns().map((c, j) => ({ ...c, j }));
    this.width = screener.header!.headers.length;
    this.scratch = new Array<string>(this.width).fill('');
    this.dateCols = this.cols.filter((c) => c.part === 'date').map((c) => c.i);
    const header = screener.header!.mapping;
    this.idCol = header.indexOf('idNumber');
    this.certCol = header.indexOf('certificateNumber');
    this.row = { reading: undefined as unknown as Reading, warnings: [], errors: [] };
  }

  /**
   * Screens the lines of b[from..end), `end` just after a line break. Returns where it stopped:
   * `end`, or the start of a line with a quote (the caller reads it, and the rest, as text).
   */
  read(b: Uint8Array, from: number, end: number): number {
    // the first quote and byte-order mark at or after `from`, found once, not per line
    const q = b.indexOf(QUOTE, from);
    const quote = q < 0 || q > end ? end : q;
    let bom = nextBom(b, from, end);
    // the next CR (the one before a line feed ends a line; any other is inside a cell)
    let cr = b.indexOf(CR, from);
    if (cr < 0) cr = end;
    let i = from;
    while (i < end) {
      const lf = b.indexOf(LF, i);
      if (quote < lf) return i;
      let n = 0;
      this.starts[0] = i;
      for (let k = i; k < lf; k++) {
        if (b[k] === COMMA) {
          if (n + 2 >= this.starts.length) this.grow();
          this.ends[n++] = k;
          this.starts[n] = k + 1;
        }
      }
      const lineEnd = lf > i && b[lf - 1] === CR ? lf - 1 : lf;
      this.ends[n++] = lineEnd;
      // a byte-order mark or a CR inside a line: the cell that holds it is written anew by the text way
      const hasBom = bom < lf;
      if (hasBom) bom = nextBom(b, lf, end);
      const hasCr = cr < lineEnd;
      if (cr < lf) {
        cr = b.indexOf(CR, lf);
        if (cr < 0) cr = end;
      }
      if (hasBom || hasCr || !this.screen(b, i, lineEnd, n)) this.csv.line(this.decode(b, i, lineEnd));
      i = lf + 1;
    }
    return i;
  }

  private grow(): void {
    const s = new Int32Array(this.starts.length * 2);
    s.set(this.starts);
    this.starts = s;
    const e = new Int32Array(this.ends.length * 2);
    e.set(this.ends);
    this.ends = e;
  }

  /** Screens one line of n cells from its bytes; false when it is to be read as text. */
  private screen(b: Uint8Array, s: number, e: number, n: number): boolean {
    const st = this.starts;
    const en = this.ends;
    // a row with more or fewer cells than the header is written to the header's width by the text way
    if (n !== this.width || !this.personRow(b, n)) return false;
    // the bytes of the cells the key reads, each after a 0xFF (no byte of UTF-8), and their hash
    let kb = this.keyBytes;
    let kn = 0;
    let h = 0;
    let dates = false;
    for (const x of this.cols) {
      const cs = x.i < n ? st[x.i]! : 0;
      const ce = x.i < n ? en[x.i]! : 0;
      if (x.part === 'date') {
        if (ce > cs) dates = true;
        continue;
      }
      // free text past its limit (in bytes: perhaps not in characters) is read as text
      if (x.part === 'text') {
        if (ce - cs > x.max) return false;
        continue;
      }
      if (kn + ce - cs + 1 > kb.length) kb = this.growKey(kn + ce - cs + 1);
      kb[kn++] = 0xff;
      h = Math.imul(h ^ 0xff, 0x01000193);
      for (let k = cs; k < ce; k++) {
        const c = b[k]!;
        kb[kn++] = c;
        h = Math.imul(h ^ c, 0x01000193);
      }
    }
    const base = this.baseOf(b, n, h & 0x3fffffff, kn);
    // new answers, and answers with a problem (listed by the text way), are read as text
    if (!base || base.kind === 'error') return false;
    let r = base;
    if (dates) {
      for (const i of this.dateCols) this.scratch[i] = i < n ? this.decode(b, st[i]!, en[i]!) : '';
      const d = this.reader.datedOn(base, this.scratch);
      if (!d) return false;
      r = d;
    }
    this.reader.hit(base);
    this.taken++;
    const warnings = this.warnings(b, n, r);
    const row = this.screener.nextRow();
    this.csv.rows++;
    this.screener.count(r);
    // the line's own bytes, a cell a spreadsheet would spoil (or read as a formula) written anew
    const w = this.w;
    let from = s;
    for (let c = 0; c < n; c++) {
      const cs = st[c]!;
      const ce = en[c]!;
      if (cs === ce) continue;
      const f = b[cs]!;
      if (f === 61 || f === 43 || f === 45 || f === 64 || f === 9 || f === 13 || f === 32 || b[ce - 1] === 32) {
        // a first or last byte cellAsItIs() may object to
        const t = this.decode(b, cs, ce);
        if (!cellAsItIs(t)) {
          w.copy(b, from, cs);
          w.text(csvCellKeepingText(t));
          from = ce;
        }
      } else if (f >= 48 && f <= 57 && isSpoiltNumberBytes(b, cs, ce)) {
        // digits a spreadsheet would spoil (an ID number): as csvCellKeepingText() writes them
        w.copy(b, from, cs);
        w.ascii(KEPT_TEXT_OPEN);
        w.copy(b, cs, ce);
        w.ascii(KEPT_TEXT_CLOSE);
        from = ce;
      }
    }
    w.copy(b, from, e);
    w.rowNumber(row);
    const o = this.row;
    o.reading = r;
    o.warnings = warnings as NumberWarning[];
    o.errors = r.errors;
    this.screener.writeResult(o, w);
    w.endLine();
    return true;
  }

  private growKey(size: number): Uint8Array {
    const k = new Uint8Array(Math.max(size, this.keyBytes.length * 2));
    k.set(this.keyBytes);
    return (this.keyBytes = k);
  }

  /**
   * The reading remembered for the key cells in keyBytes[0..kn) (hash h): found by their bytes
   * when a row of the same cells came before, else by the row's key (RowReader.peek) and then
   * remembered by the bytes too.
   */
  private baseOf(b: Uint8Array, n: number, h: number, kn: number): Reading | undefined {
    const kb = this.keyBytes;
    const first = this.byBytes.get(h);
    for (let x = first; x; x = x.next) if (x.bytes.length === kn && sameBytes(x.bytes, kb, 0, kn)) return x.reading;
    let key = '';
    for (const x of this.cols) {
      // (free text here is within its limit: longer goes the text way)
      if (x.part === 'text') key += WITHIN_LIMIT;
      else if (x.part === 'key') key += this.reader.keyPart(x.j, x.i < n ? this.decode(b, this.starts[x.i]!, this.ends[x.i]!) : '');
    }
    const base = this.reader.peek(key);
    if (base) {
      if (this.byBytes.size >= MAX_REMEMBERED_ROWS) this.byBytes.clear();
      this.byBytes.set(h, { bytes: kb.slice(0, kn), reading: base, next: first });
    }
    return base;
  }

  /**
   * Whether a line is a person's row for sure: a non-blank cell among its first three, and not a
   * summary (合计 …), as isBlankRow() and isSummaryRow() read it; else the text way decides.
   */
  private personRow(b: Uint8Array, n: number): boolean {
    const m = Math.min(n, 3);
    for (let c = 0; c < m; c++) {
      const cs = this.starts[c]!;
      const ce = this.ends[c]!;
      if (cs === ce) continue;
      const f = b[cs]!;
      // a printable ASCII character first: trim() keeps it, and no summary word starts with it
      if (f > 32 && f < 127) return true;
      const t = this.decode(b, cs, ce).trim();
      if (t !== '') return !isSummaryCell(t);
    }
    return false;
  }

  /** The row's warnings, as RowReader.warningsOf() gives them: a plain ID number checked from its bytes. */
  private warnings(b: Uint8Array, n: number, r: Reading): readonly NumberWarning[] {
    const id = this.idCol;
    if (this.certCol < 0 && id >= 0) {
      const cs = id < n ? this.starts[id]! : 0;
      const ce = id < n ? this.ends[id]! : 0;
      const p = cs === ce ? null : plainIdBytesProblem(b, cs, ce);
      if (p === null) return r.warnings ?? NO_WARNINGS;
      if (p !== undefined) {
        if (!r.warnings && p.code === 'idCheck') return this.checkWarning(p);
        return [...(r.warnings ?? []), { code: 'idNumber', source: 'id', problem: p }];
      }
    }
    for (const c of [this.certCol, id]) if (c >= 0) this.scratch[c] = c < n ? this.decode(b, this.starts[c]!, this.ends[c]!) : '';
    return this.reader.warningsOf(this.scratch, r);
  }

  /** The warning of a wrong check character alone (the usual typo: a few pairs of characters recur). */
  private checkWarning(p: Extract<IdProblem, { code: 'idCheck' }>): readonly NumberWarning[] {
    const k = p.expected + p.given;
    let w = this.checkWarnings.get(k);
    if (!w) {
      w = Object.freeze([Object.freeze({ code: 'idNumber', source: 'id', problem: Object.freeze(p) } as const)]);
      this.checkWarnings.set(k, w);
    }
    return w;
  }
}

/** Where the first UTF-8 byte-order mark (EF BB BF) at or after `from` is; `end` when there is none before it. */
function nextBom(b: Uint8Array, from: number, end: number): number {
  for (let k = b.indexOf(0xef, from); k >= 0 && k < end; k = b.indexOf(0xef, k + 1)) if (b[k + 1] === 0xbb && b[k + 2] === 0xbf) return k;
  return end;
}

function sameBytes(a: Uint8Array, b: Uint8Array, s: number, e: number): boolean {
  if (a.length !== e - s) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[s + k]) return false;
  return true;
}
