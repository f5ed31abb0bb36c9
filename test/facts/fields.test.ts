import { describe, expect, it } from 'vitest';
import { COLUMN_NAMES, columnSpec, FIELD_NAMES, FIELDS, whatIfCandidates } from '../../src/facts/fields';
import { factsSchema, unknownFacts } from '../../src/facts/schema';
import zh from '../../src/i18n/locales/zh-CN/fields';
import en from '../../src/i18n/locales/en/fields';

describe('the field registry', () => {
  it('gives every field and roster input a name in both languages', () => {
    for (const c of COLUMN_NAMES) {
      expect(zh.label[c], c).toMatch(/[\u4e00-\u9fff]/);
      expect(en.label[c], c).not.toBe('');
    }
  });

  it('offers a what-if only values the schema accepts, and every value of a choice', () => {
    for (const f of FIELD_NAMES) {
      for (const v of whatIfCandidates(f, '2025-08-01')) {
        const facts = { ...unknownFacts(), [f]: v };
        if (v === undefined) delete (facts as Record<string, unknown>)[f];
        expect(factsSchema.safeParse(facts).success, `${f} = ${JSON.stringify(v)}`).toBe(true);
      }
      const values = (columnSpec(f).values ?? []).map((v) => (columnSpec(f).kind === 'grade' ? Number(v) : v));
      expect(whatIfCandidates(f, '2025-08-01')).toEqual(expect.arrayContaining(values));
    }
  });

  it('accepts at least one Chinese word in a cell for every value of a choice, and no word for two values', () => {
    for (const c of COLUMN_NAMES) {
      const s = columnSpec(c);
      const seen = new Map<string, string>();
      for (const v of s.values ?? []) {
        const words = s.words?.[v] ?? [];
        expect(words.some((w) => /[\u4e00-\u9fff]/.test(w)), `${c}.${v}`).toBe(true);
        for (const w of words) {
          expect(seen.get(w.toLowerCase()) ?? v, `${c}: ${w}`).toBe(v);
          seen.set(w.toLowerCase(), v);
        }
      }
    }
  });

  it('builds the schema from the registry: a field is in the schema exactly when it is in the registry', () => {
    expect(Object.keys(factsSchema.shape).sort()).toEqual(Object.keys(FIELDS).sort());
  });
});
