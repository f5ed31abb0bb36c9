/** Runs the case files in test/cases/*.json (read by case-files.ts) through the evaluator. */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine';
import { parseFactsObject } from '../../src/facts/parse';
import { caseFiles } from './case-files';
import { clearFacts } from './clear-facts';

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
