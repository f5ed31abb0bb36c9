/** Reading JSON records: one record or an array; a record nested too deeply is refused with a message, never a stack overflow. */
import { parseFactsObject, type ParseOutcome } from '../facts/parse';

/** Records nested deeper than this are refused (a facts record is 2 levels deep). */
export const MAX_JSON_DEPTH = 32;

/** Whether a value is nested deeper than max levels (counted without recursion). */
export function tooDeep(value: unknown, max = MAX_JSON_DEPTH): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (d > max) return true;
    for (const x of Array.isArray(v) ? v : Object.values(v)) if (typeof x === 'object' && x !== null) stack.push([x, d + 1]);
  }
  return false;
}

/** Reads one JSON record into facts; a too-deep record is an issue of its own. */
export function readJsonRecord(rec: unknown): ParseOutcome {
  if (tooDeep(rec)) return { ok: false, issues: [{ field: '(record)', value: null, code: 'tooDeep', allowed: [String(MAX_JSON_DEPTH)] }] };
  return parseFactsObject(rec);
}
