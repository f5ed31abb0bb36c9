/** Sorting screened rows into kinds and counting them: one Counts type for the CLI and the roster page. */
import type { ScreeningOutcome } from '../engine/screening-outcome';
import type { Result } from '../engine/types';
import type { FieldIssue } from '../facts/parse';

/**
 * 'likely': likely eligible, to verify at the visit (engine/screening-outcome): only answers a roster
 * rarely records are open, and the row pays something if they all come out "no". Listed first.
 */
export type RowKind = 'likely' | 'eligible' | 'depends' | 'excluded' | 'notEligible' | 'error';
export const ROW_KINDS: readonly RowKind[] = ['likely', 'eligible', 'depends', 'excluded', 'notEligible', 'error'];

type Screened = { result?: Result; errors: readonly FieldIssue[]; screening?: ScreeningOutcome };

/** rows: screened rows (a person each); blank, title and summary rows are counted apart and not screened. */
export type Counts = Record<RowKind, number> & { rows: number; blank: number; title: number; summary: number; noticeOverdue: number; noticeDue: number };

export const emptyCounts = (): Counts => ({ rows: 0, blank: 0, title: 0, summary: 0, likely: 0, eligible: 0, depends: 0, excluded: 0, notEligible: 0, error: 0, noticeOverdue: 0, noticeDue: 0 });

/** Sorts a row into one list: eligible for something, open, excluded, not eligible, or a bad row. */
export function rowKind(o: Screened): RowKind {
  if (o.errors.length || !o.result) return 'error';
  if (o.screening?.status === 'likely') return 'likely';
  const r = o.result;
  if (!r.covered) return 'notEligible';
  const a = r.living.status;
  const b = r.care.status;
  if (a === 'paid' || b === 'paid') return 'eligible';
  if (a === 'depends' || b === 'depends') return 'depends';
  if (a === 'excluded' || b === 'excluded') return 'excluded';
  return 'notEligible';
}

/** The most pressing notice trigger of a result: the earliest one still open, else the earliest. */
export function pressingTrigger(r: Result | undefined) {
  if (!r?.covered || r.notice.triggers.length === 0) return undefined;
  return r.notice.triggers.find((x) => x.status === 'overdue' || x.status === 'notYetDue') ?? r.notice.triggers[0]!;
}

/** Counts one screened row. */
export function countRow(c: Counts, o: Screened): RowKind {
  const kind = rowKind(o);
  c.rows++;
  c[kind]++;
  const t = kind === 'error' ? undefined : pressingTrigger(o.result);
  if (t && t.required !== 'no') {
    if (t.status === 'overdue') c.noticeOverdue++;
    else if (t.status === 'notYetDue') c.noticeDue++;
  }
  return kind;
}

/** Adds the counts b to a (the parts of one file screened on several threads). */
export function addCounts(a: Counts, b: Counts): Counts {
  for (const k of Object.keys(a) as (keyof Counts)[]) a[k] += b[k];
  return a;
}
