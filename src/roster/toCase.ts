/**
 * Turning screened roster rows into caseload cases (pure: no DOM, no storage). A row's facts and
 * result summary come from the worker (RosterCore.caseRows, read as a row's detail is); here they
 * become a case marked with the file and row it came from, so that adding the same row again is
 * noticed instead of making a second case.
 */
import { caseFromCheck, MAX_CASES, type CaseRecord, type CaseSource, type Contact } from '../storage/model';
import { FACT_FIELDS, type Facts } from '../facts/schema';
import type { CaseRow, RowError } from './protocol';

export type GoodRow = Extract<CaseRow, { facts: Facts }>;

/** Header names of the columns a case keeps to reach the person (no clause reads them). */
export const CONTACT_HEADERS = {
  phone: ['联系电话', '电话', '手机', '手机号', '手机号码', '联系方式', '电话号码', 'phone', 'telephone', 'mobile'],
  address: ['住址', '地址', '家庭住址', '现住址', '居住地址', '联系地址', 'address'],
} as const;

/** The columns of a header row that hold the phone and the address (-1 when absent). */
export function contactColumns(headers: readonly string[]): { phone: number; address: number } {
  const find = (names: readonly string[]) => headers.findIndex((h) => names.includes(h.replace(/^\uFEFF/, '').trim().toLowerCase()));
  return { phone: find(CONTACT_HEADERS.phone), address: find(CONTACT_HEADERS.address) };
}

/** The phone and address of a row of cells, as given (trimmed); absent when blank. */
export function contactOf(cells: readonly string[], cols: { phone: number; address: number }): Contact | undefined {
  const phone = cols.phone >= 0 ? (cells[cols.phone] ?? '').trim().slice(0, 200) : '';
  const address = cols.address >= 0 ? (cells[cols.address] ?? '').trim().slice(0, 1000) : '';
  if (!phone && !address) return undefined;
  return { ...(phone ? { phone } : {}), ...(address ? { address } : {}) };
}

/** The facts without the fields that are present but undefined (the CSV reader keeps every key). */
function definedFacts(facts: Facts): Facts {
  const out: Record<string, unknown> = {};
  for (const f of FACT_FIELDS) if (facts[f] !== undefined) out[f] = facts[f];
  return out as Facts;
}

/**
 * A new case for one screened row: its facts, its result at the screening's date (with the screening
 * reading: likely eligible, the amount if the checks come out "no", the visit's checklist), the
 * source, the phone and address the row gives, and a note.
 */
export function caseFromRow(r: GoodRow, file: string, note: string, now = new Date()): CaseRecord {
  const source: CaseSource = { kind: 'roster', file, row: r.row, asOf: r.check.checkedOn };
  return caseFromCheck(definedFacts(r.facts), r.check, note, now, source, r.contact);
}

const sameFacts = (a: Facts, b: Facts): boolean => FACT_FIELDS.every((f) => JSON.stringify(a[f] ?? null) === JSON.stringify(b[f] ?? null));

/**
 * The case already added from this row of a file of this name, if any: same file name and row,
 * and the same name or number (or, when the row has none, the same answers) — a later file of the
 * same name may hold another person in that row.
 */
export function addedBefore(cases: readonly CaseRecord[], file: string, r: GoodRow): CaseRecord | undefined {
  const ref = r.facts.ref?.trim() ?? '';
  return cases.find((c) => c.source?.kind === 'roster' && c.source.file === file && c.source.row === r.row && (ref ? (c.facts.ref?.trim() ?? '') === ref : sameFacts(c.facts, r.facts)));
}

export interface AddPlan {
  /** the new cases, in row order */
  add: CaseRecord[];
  /** rows already in the caseload, with the case they were added as */
  already: { row: number; ref: string; id: string }[];
  /** rows that cannot become a case (their cells have errors) */
  failed: { row: number; errors: RowError[] }[];
  /** rows left out because the caseload would hold more than MAX_CASES cases */
  overLimit: number[];
}

/** What adding these rows to a caseload holding `cases` does; `note` writes each new case's note. */
export function planAdd(cases: readonly CaseRecord[], rows: readonly CaseRow[], file: string, note: (r: GoodRow) => string, now = new Date()): AddPlan {
  const plan: AddPlan = { add: [], already: [], failed: [], overLimit: [] };
  for (const r of rows) {
    if (!('facts' in r)) {
      plan.failed.push({ row: r.row, errors: r.errors });
      continue;
    }
    const before = addedBefore(cases, file, r);
    if (before) plan.already.push({ row: r.row, ref: r.facts.ref?.trim() ?? '', id: before.id });
    else if (cases.length + plan.add.length >= MAX_CASES) plan.overLimit.push(r.row);
    else plan.add.push(caseFromRow(r, file, note(r), now));
  }
  return plan;
}
