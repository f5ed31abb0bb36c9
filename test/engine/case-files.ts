/**
 * The engine cases as data (test/cases/*.json): each case names the clauses it covers, a date and the
 * facts (on top of a baseline where nothing excludes the person), and the expected result. Read by
 * cases.test.ts, which runs them, and by rules-data.test.ts, which checks every clause has one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Case {
  name: string;
  clauses: string[];
  asOf: string;
  base?: 'clear' | 'unknown';
  facts: Record<string, unknown>;
  expect: Record<string, unknown> & { notes?: string[] };
}
export interface CaseFile {
  group: string;
  cases: Case[];
}

const dir = join(import.meta.dirname, '..', 'cases');
export const caseFiles: [string, CaseFile][] = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => [f, JSON.parse(readFileSync(join(dir, f), 'utf8')) as CaseFile]);
