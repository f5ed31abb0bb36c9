/**
 * Messages between the roster page and its screening Web Worker. Plain data only (structured
 * clone); results travel as compact per-row summaries, never as full traces.
 */
import type { FieldIssue } from '../facts/parse';
import type { FactField, Facts } from '../facts/schema';
import type { Encoding } from '../screening/decode';
import type { ColumnMapping } from '../screening/headers';
import { emptyCounts, ROW_KINDS, type Counts, type RowKind } from '../screening/tally';
import type { NoticeStatus, Result, SubsidyStatus, TriggerKind } from '../engine/types';
import type { VisitCheckField } from '../engine/screening-outcome';
import type { CheckSummary, Contact } from '../storage/model';

export type Lang = 'zh-CN' | 'en';
export { emptyCounts, ROW_KINDS };
export type { Counts, Encoding, RowKind };

// ---------------------------------------------------------------- page → worker

export type ToWorker =
  /**
   * The file as picked (a Blob: only a handle crosses, and each worker reads the bytes on its own
   * thread), a file's bytes (transferred), or pasted text.
   */
  | { type: 'load'; job: number; file?: Blob; bytes?: ArrayBuffer; text?: string }
  /** part: this worker screens the index-th of count parts of the text (see splitRanges) */
  | { type: 'screen'; job: number; mapping: ColumnMapping; asOf: string; part?: { index: number; count: number }; lang?: Lang }
  | { type: 'cancel'; job: number }
  /** the full result of one row, recomputed on demand */
  | { type: 'detail'; job: number; row: number }
  /** the screened list as CSV; rows = the row numbers to include (all when absent); withHeader false: rows only, no BOM */
  | { type: 'export'; job: number; lang: Lang; rows?: number[]; withHeader?: boolean }
  /**
   * The facts and result summary of the given rows, recomputed as 'detail' does (to turn them into
   * cases); req tells the answers to several requests apart. A worker answers for the rows it screened.
   */
  | { type: 'caseRows'; job: number; req: number; rows: number[] };

// ---------------------------------------------------------------- worker → page


export type SubsidyState = SubsidyStatus | 'notCovered';

export interface NoticeBrief {
  trigger: TriggerKind;
  date: string;
  lastOnTimeDay: string;
  status: NoticeStatus;
  holidayAdjusted: boolean;
  required: 'yes' | 'no' | 'unknown';
}

/** A cell problem with the column it came from (the file's own header). */
export interface RowError extends FieldIssue {
  column: string;
}

/**
 * One screened row, kept small (100,000 of them cross to the page): flat fields, and lists only
 * when they are not empty.
 */
export interface RowSummary {
  /** row number as a spreadsheet shows it (header = 1) */
  row: number;
  ref: string;
  kind: RowKind;
  /** each subsidy's status and monthly amount paid (absent for rows with errors) */
  living?: SubsidyState;
  livingPaid?: number;
  care?: SubsidyState;
  carePaid?: number;
  total: number;
  /** kind 'likely': the answers to verify at the visit; the amounts above are what is paid if each comes out "no" */
  checklist?: VisitCheckField[];
  /** problems that do not stop the row (a certificate number that disagrees, an ID typo), as sentences */
  warnings?: string[];
  /** fields whose unknown answer keeps a result open (kind 'depends') */
  dependsOn?: FactField[];
  /** kind 'excluded': the exclusion clauses; kind 'notEligible': the clauses that decided it */
  clauses?: string[];
  /** the most pressing notice deadline, if any trigger date was given */
  notice?: NoticeBrief;
  errors?: RowError[];
}

/**
 * A batch of row summaries as it crosses to the page: the summaries as one JSON text in UTF-8
 * bytes (decoded and parsed only when a page of the table needs them) and, per row, its number,
 * its kind (index in ROW_KINDS) and whether its notice is overdue, for counting and filtering
 * without parsing. All four are typed arrays whose buffers are transferred (batchTransfer), not
 * copied: the page's thread spends no time on them as they arrive, and they are kept outside the
 * page's JavaScript heap (no garbage collection walks or moves them).
 */
export interface RowBatch {
  json: Uint8Array;
  rows: Int32Array;
  kinds: Uint8Array;
  overdue: Uint8Array;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The buffers of a batch, to transfer with the message that carries it. */
export const batchTransfer = (b: RowBatch): ArrayBuffer[] => [b.json.buffer as ArrayBuffer, b.rows.buffer as ArrayBuffer, b.kinds.buffer as ArrayBuffer, b.overdue.buffer as ArrayBuffer];

export function makeBatch(rows: readonly RowSummary[]): RowBatch {
  const b: RowBatch = { json: encoder.encode(JSON.stringify(rows)), rows: new Int32Array(rows.length), kinds: new Uint8Array(rows.length), overdue: new Uint8Array(rows.length) };
  rows.forEach((r, i) => {
    b.rows[i] = r.row;
    b.kinds[i] = ROW_KINDS.indexOf(r.kind);
    b.overdue[i] = r.notice?.status === 'overdue' && r.notice.required !== 'no' ? 1 : 0;
  });
  return b;
}

export const batchRows = (b: RowBatch): RowSummary[] => JSON.parse(decoder.decode(b.json)) as RowSummary[];

/**
 * One row re-read for the caseload: its facts, the summary of its result at the screening's as-of
 * date with its screening reading (storage/model summarize(result, facts)) and the phone and address
 * its columns give, or its problems when the row cannot be read.
 */
export type CaseRow = { row: number; facts: Facts; check: CheckSummary; contact?: Contact } | { row: number; errors: RowError[] };


export type FromWorker =
  /** sample: the first data row's cells, to help map the columns */
  | { type: 'loaded'; job: number; headers: string[]; headerRow: number; sample: string[]; encoding: Encoding; bom: boolean; chars: number }
  /** the bytes are neither UTF-8 nor GBK, or the file has no header row */
  | { type: 'loadFailed'; job: number; reason: 'undecodable' | 'empty' }
  | { type: 'rows'; job: number; batch: RowBatch }
  /** fraction of the text read (0–1) and rows screened so far */
  | { type: 'progress'; job: number; fraction: number; rows: number }
  /** notes: skipped rows (title lines, summary rows) and quote problems, as sentences in the screening's language */
  | { type: 'done'; job: number; counts: Counts; ms: number; cancelled: boolean; notes: string[] }
  | { type: 'detail'; job: number; row: number; input: Record<string, string>; facts?: Facts; result?: Result; errors: RowError[] }
  | { type: 'exported'; job: number; csv: Blob; rows: number }
  /** rows: in row order; only the requested rows this worker screened (blank rows are left out) */
  | { type: 'caseRows'; job: number; req: number; rows: CaseRow[] }
  | { type: 'failed'; job: number; message: string };
