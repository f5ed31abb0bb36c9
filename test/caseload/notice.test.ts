import { describe, expect, it } from 'vitest';
import { groupNotices } from '../../src/screens/caseload/notice';
import { caseFor } from './fixtures';

const today = '2025-03-20';

describe('notice tracker grouping', () => {
  // dibaoSince 2024-12-10 → last on-time day 2025-03-10 (Monday): overdue on 2025-03-20
  const overdue = caseFor('过期', { dibaoSince: '2024-12-10' }, today);
  // certifiedOn 2024-12-25 → 2025-03-25: within 14 days
  const soon = caseFor('快到期', { certifiedOn: '2024-12-25' }, today);
  // dibaoEdgeSince 2025-03-01 → 2025-06-03 (after the Dragon Boat holiday?) : later
  const later = caseFor('以后', { household: 'dibaoEdge', dibaoEdgeSince: '2025-03-01' }, today);
  const done = caseFor('已告知', { dibaoSince: '2025-01-06', noticeGivenOn: '2025-02-01', noticeForm: 'phone' }, today);
  const none = caseFor('无触发', {}, today);
  const groups = groupNotices([later, done, soon, none, overdue], today);

  it('puts a trigger whose last on-time day has passed without notice in overdue', () => {
    expect(groups.overdue.map((i) => i.ref)).toEqual(['过期']);
    expect(groups.overdue[0]!.lastOnTimeDay).toBe('2025-03-10');
  });

  it('puts a trigger due within 14 days in due soon, and later ones in later', () => {
    expect(groups.dueSoon.map((i) => i.ref)).toEqual(['快到期']);
    expect(groups.later.map((i) => i.ref)).toEqual(['以后']);
  });

  it('puts a trigger answered by a notice in done, with its form', () => {
    expect(groups.done).toHaveLength(1);
    expect(groups.done[0]).toMatchObject({ ref: '已告知', done: 'givenOnTime', noticeForm: 'phone' });
  });

  it('leaves out cases without a trigger', () => {
    const all = Object.values(groups).flat();
    expect(all.some((i) => i.ref === '无触发')).toBe(false);
  });

  it('sorts each group by last on-time day', () => {
    const a = caseFor('a', { dibaoSince: '2025-01-15' }, today);
    const b = caseFor('b', { dibaoSince: '2025-01-02' }, today);
    const c = caseFor('c', { certifiedOn: '2025-02-20' }, today);
    const g = groupNotices([a, c, b], '2025-01-01');
    expect(g.later.map((i) => i.ref)).toEqual(['b', 'a', 'c']);
    const days = g.later.map((i) => i.lastOnTimeDay);
    expect([...days].sort()).toEqual(days);
  });

  it('counts a notice given before the trigger as no notice for that trigger', () => {
    const early = caseFor('早告知', { dibaoSince: '2024-12-10', noticeGivenOn: '2024-11-01', noticeForm: 'letter' }, today);
    expect(groupNotices([early], today).overdue).toHaveLength(1);
  });

  it('puts a trigger for someone who meets no condition in done as no duty', () => {
    const out = caseFor('外地', { hukou: 'other', dibaoSince: '2025-03-01' }, today);
    const g = groupNotices([out], today);
    expect(g.done[0]).toMatchObject({ done: 'noDuty' });
  });
});
