import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine/evaluate';
import { recheck, summariesDiffer } from '../../src/storage/model';
import { caseFor } from './fixtures';

describe('re-checking a case', () => {
  it('keeps the old result beside the new one when status or amount changed', () => {
    const c = caseFor('钱七', { grade: 3 });
    expect(c.check.care?.status).toBe('notEligible');
    const facts = { ...c.facts, grade: 1 as const };
    const next = recheck(c, facts, evaluate(facts, { asOf: '2025-03-02' }));
    expect(next.check.care?.status).toBe('paid');
    expect(next.previous).toEqual(c.check);
    expect(next.id).toBe(c.id);
    expect(next.notes).toBe(c.notes);
  });

  it('does not count a re-check on another day with the same result as a change', () => {
    const c = caseFor('钱七');
    const next = recheck(c, c.facts, evaluate(c.facts, { asOf: '2025-04-01' }));
    expect(summariesDiffer(c.check, next.check)).toBe(false);
    expect(next.previous).toBeUndefined();
    expect(next.check.checkedOn).toBe('2025-04-01');
  });

  it('recording a notice given is not a changed result: the deadline and amounts are the same, no comparison of identical rows', () => {
    const c = caseFor('孙八', { dibaoSince: '2025-01-10' });
    const facts = { ...c.facts, noticeGivenOn: '2025-02-01', noticeForm: 'phone' as const };
    const next = recheck(c, facts, evaluate(facts, { asOf: '2025-03-01' }));
    expect(next.check.notice?.triggers[0]?.status).toBe('givenOnTime');
    expect(summariesDiffer(c.check, next.check)).toBe(false);
    expect(next.previous).toBeUndefined();
  });

  it('a new notice deadline (a new trigger date) is a changed result', () => {
    const c = caseFor('孙八', { dibaoSince: '2025-01-10' });
    const facts = { ...c.facts, dibaoSince: '2025-02-10' };
    const next = recheck(c, facts, evaluate(facts, { asOf: '2025-03-01' }));
    expect(summariesDiffer(c.check, next.check)).toBe(true);
    expect(next.previous).toEqual(c.check);
  });
});
