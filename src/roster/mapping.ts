/**
 * The roster page's column mapping: the mapping proposed by the one header matcher
 * (src/screening/headers.ts, the command-line screener's too), its problems, and remembering a
 * mapping on the device. A column mapped to nothing is "ignored": not read by any rule, but kept
 * in the exported list.
 */
import { COLUMN_NAMES, type ColumnName } from '../facts/fields';
import { guessField, headerField, normalise, proposeMapping, type ColumnMapping } from '../screening/headers';
import { isResultColumn } from '../screening/results';

export { guessField, headerField, normalise, proposeMapping };
export type { ColumnMapping };
type FactField = ColumnName;

/** true when every column is already named by its field (the file needs no mapping step). */
export function isSelfDescribing(headers: readonly string[], mapping: ColumnMapping): boolean {
  return headers.length > 0 && headers.every((h, i) => isResultColumn(h) || (mapping[i] != null && mapping[i]!.toLowerCase() === h.replace(/^\uFEFF/, '').trim().toLowerCase()));
}

export interface MappingProblem {
  code: 'duplicate' | 'nothingMapped';
  field?: FactField;
  /** column indexes involved */
  columns: number[];
}

/** Problems that keep a mapping from being used: one field in two columns, or no field at all. */
export function mappingProblems(mapping: ColumnMapping): MappingProblem[] {
  const problems: MappingProblem[] = [];
  const seen = new Map<FactField, number[]>();
  mapping.forEach((f, i) => {
    if (f) seen.set(f, [...(seen.get(f) ?? []), i]);
  });
  for (const [field, columns] of seen) if (columns.length > 1) problems.push({ code: 'duplicate', field, columns });
  if (seen.size === 0) problems.push({ code: 'nothingMapped', columns: [] });
  return problems;
}

/**
 * Builds the record screenRecord() reads (field name → cell text) from one row of cells. Empty
 * cells are left out: a blank cell and a missing one both read as 'unknown' (or absent), and
 * leaving them out saves work on large rosters.
 */
export function mappedRecord(cells: readonly string[], mapping: ColumnMapping): Record<string, string> {
  const rec: Record<string, string> = {};
  for (let i = 0; i < mapping.length; i++) {
    const f = mapping[i];
    const cell = cells[i];
    if (f && cell) rec[f] = cell;
  }
  return rec;
}

// ---------------------------------------------------------------- remembering a mapping

const STORAGE_PREFIX = 'tj-subsidies.roster.mapping:';

/** The storage key of a header set: the normalised names, sorted (column order does not matter). */
export function mappingKey(headers: readonly string[]): string {
  return STORAGE_PREFIX + [...headers.map((h) => h.replace(/^\uFEFF/, '').trim())].sort().join('\u001f');
}

/** A stored mapping: header → field ('' = ignore). Survives reordered columns. */
export type StoredMapping = Record<string, FactField | ''>;

export function toStored(headers: readonly string[], mapping: ColumnMapping): StoredMapping {
  const out: StoredMapping = {};
  headers.forEach((h, i) => {
    out[h.replace(/^\uFEFF/, '').trim()] = mapping[i] ?? '';
  });
  return out;
}

const FIELD_SET: ReadonlySet<string> = new Set(COLUMN_NAMES);

/** Reads a stored mapping back; null when it does not fit these headers or is malformed. */
export function fromStored(headers: readonly string[], stored: unknown): ColumnMapping | null {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return null;
  const s = stored as Record<string, unknown>;
  const out: ColumnMapping = [];
  for (const h of headers) {
    const v = s[h.replace(/^\uFEFF/, '').trim()];
    if (v === '') out.push(null);
    else if (typeof v === 'string' && FIELD_SET.has(v)) out.push(v as FactField);
    else return null;
  }
  return mappingProblems(out).some((p) => p.code === 'duplicate') ? null : out;
}

/** Minimal storage interface (localStorage in the browser, a Map in tests). */
export interface KeyValue {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export function loadMapping(store: KeyValue | undefined, headers: readonly string[]): ColumnMapping | null {
  try {
    const raw = store?.getItem(mappingKey(headers));
    return raw ? fromStored(headers, JSON.parse(raw)) : null;
  } catch {
    return null;
  }
}

export function saveMapping(store: KeyValue | undefined, headers: readonly string[], mapping: ColumnMapping): void {
  try {
    store?.setItem(mappingKey(headers), JSON.stringify(toStored(headers, mapping)));
  } catch {
    /* storage full or unavailable: the mapping is simply not remembered */
  }
}
