import { describe, expect, it } from 'vitest';
import { parseFactsObject } from '../../src/facts/parse';
import { formatIssue } from '../../src/screening/messages';
import { unknownFacts } from '../../src/facts/schema';

describe('reading a JSON record', () => {
  it('reads a full record in the schema words', () => {
    const r = parseFactsObject({ hukou: 'tianjin', certificate: 'valid', category: 'physical', grade: 1, household: 'dibao', welfareCareAllowances: [250], certifiedOn: '2024-11-30' });
    expect(r).toEqual({ ok: true, facts: expect.objectContaining({ hukou: 'tianjin', grade: 1, welfareCareAllowances: [250], certifiedOn: '2024-11-30' }) });
  });

  it('treats every missing field as unknown, never as a guess', () => {
    expect(parseFactsObject({})).toEqual({ ok: true, facts: unknownFacts() });
    expect(parseFactsObject({ hukou: 'tianjin' })).toEqual({ ok: true, facts: { ...unknownFacts(), hukou: 'tianjin' } });
  });

  it('accepts a grade written as a string of one digit', () => {
    expect(parseFactsObject({ grade: '2' })).toMatchObject({ ok: true, facts: { grade: 2 } });
  });

  it('reports a wrong grade, an unknown category, a bad date and an unknown field, each by field', () => {
    const r = parseFactsObject({ grade: 5, category: 'wings', certifiedOn: '2025-02-30', colour: 'blue' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => [i.field, i.code]).sort()).toEqual([
      ['category', 'notAllowed'],
      ['certifiedOn', 'badDate'],
      ['colour', 'unknownField'],
      ['grade', 'notAllowed'],
    ]);
    const grade = r.issues.find((i) => i.field === 'grade')!;
    expect(formatIssue(grade, 'en')).toBe('disability grade (grade): 5 is not allowed; use one of 1, 2, 3, 4, unknown');
    expect(formatIssue(grade, 'zh-CN')).toBe('残疾等级的值 5 无效：可填 1、2、3、4、unknown');
  });

  it('refuses Chinese words in JSON, where only the schema words are allowed', () => {
    expect(parseFactsObject({ household: '低保' })).toMatchObject({ ok: false, issues: [{ field: 'household', code: 'notAllowed' }] });
  });

  it('refuses a record that is not an object', () => {
    expect(parseFactsObject([1, 2])).toMatchObject({ ok: false, issues: [{ field: '(record)', code: 'badType' }] });
    expect(parseFactsObject('tianjin')).toMatchObject({ ok: false });
  });

  it('refuses amounts that are not whole yuan from 1 to 1,000,000', () => {
    for (const bad of [[0], [-5], [12.5], [2_000_000], 'none', 300])
      expect(parseFactsObject({ welfareLivingAllowances: bad })).toMatchObject({ ok: false, issues: [{ field: 'welfareLivingAllowances', code: 'badAmount' }] });
    expect(parseFactsObject({ welfareLivingAllowances: [] })).toMatchObject({ ok: true, facts: { welfareLivingAllowances: [] } });
    expect(parseFactsObject({ welfareLivingAllowances: [300, 'unknown'] })).toMatchObject({ ok: true });
  });
});
