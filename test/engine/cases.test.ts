/**
 * Runs the case files in test/cases/*.json: each case names the clauses it covers, a date and the
 * facts (on top of a baseline where nothing excludes the person), and the expected result.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine';
import { parseFactsObject } from '../../src/facts/parse';
import { clearFacts } from './clear-facts';

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

for (const [file, { group, cases }] of caseFiles) {
  describe(`${group} (${file})`, () => {
    for (const c of cases) {
      it(c.name, () => {
        const parsed = parseFactsObject(c.base === 'unknown' ? c.facts : { ...clearFacts(), ...c.facts });
        if (!parsed.ok) throw new Error(`bad facts in case: ${JSON.stringify(parsed.issues)}`);
        const result = evaluate(parsed.facts, { asOf: c.asOf });
        const { notes, ...rest } = c.expect;
        expect(result).toMatchObject(rest);
        if (notes) {
          expect(result.covered).toBe(true);
          if (result.covered) expect(result.notes.map((n) => n.clause)).toEqual(notes);
        }
      });
    }
  });
}
