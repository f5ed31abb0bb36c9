import { describe, expect, it } from 'vitest';
import { alarmTrigger, buildIcs, escapeText, foldLine } from '../../src/screens/caseload/ics';
import { groupNotices, noticeItems } from '../../src/screens/caseload/notice';
import { caseFor } from './fixtures';

const text = {
  calName: '两项补贴告知期限',
  summary: (i: { ref: string }) => `告知期限：${i.ref}`,
  description: (i: { trigger: string; triggerDate: string }) => `触发：${i.trigger} ${i.triggerDate}; 说明, 第二行\n第三行`,
};
const today = '2025-03-20';
const cases = [
  caseFor('张三，一个名字很长很长很长很长很长很长很长很长很长很长很长的人', { dibaoSince: '2025-01-10' }, today),
  caseFor('李四', { certifiedOn: '2024-12-10', dibaoSince: '2025-02-01' }, today),
  caseFor('已告知', { dibaoSince: '2025-01-06', noticeGivenOn: '2025-02-01', noticeForm: 'phone' }, today),
];
const now = new Date(Date.UTC(2025, 2, 20, 1, 2, 3));

/** Unfolds per RFC 5545 §3.1. */
const unfold = (s: string) => s.replace(/\r\n[ \t]/g, '');

describe('calendar export (.ics)', () => {
  const ics = buildIcs(noticeItems(cases, today), text, now);

  it('uses CRLF line endings only', () => {
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('keeps every line within 75 octets', () => {
    for (const line of ics.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
  });

  it('folds without splitting a character, so unfolding restores the text', () => {
    const summary = unfold(ics).split('\r\n').find((l) => l.startsWith('SUMMARY:告知期限：张三'));
    expect(summary).toBe(`SUMMARY:${escapeText(text.summary({ ref: cases[0]!.facts.ref! }))}`);
  });

  it('has one all-day event per open trigger, none for done ones', () => {
    const u = unfold(ics);
    expect(u.match(/BEGIN:VEVENT/g)).toHaveLength(3);
    expect(u).toContain('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:');
    expect(u).toMatch(/DTSTART;VALUE=DATE:20250410\r\nDTEND;VALUE=DATE:20250411/);
    expect(u).toContain('DTSTAMP:20250320T010203Z');
    expect(u.trim().endsWith('END:VCALENDAR')).toBe(true);
  });

  it('gives each event a UID that stays the same in the next export', () => {
    const again = buildIcs(noticeItems(cases, '2025-03-25'), text, new Date());
    const uids = (s: string) => unfold(s).match(/^UID:.*$/gm)!.sort();
    expect(uids(again)).toEqual(uids(ics));
    expect(new Set(uids(ics)).size).toBe(3);
  });

  it('escapes backslash, semicolon, comma and newlines in text', () => {
    expect(escapeText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
    expect(unfold(ics)).toContain('说明\\, 第二行\\n第三行');
    expect(unfold(ics)).toContain('张三，一个名字');
  });

  it('folds a long ASCII line at exactly 75 octets', () => {
    const folded = foldLine('X'.repeat(200)).split('\r\n');
    expect(folded[0]).toHaveLength(75);
    expect(folded.slice(1).every((l) => l.startsWith(' ') && l.length <= 75)).toBe(true);
    expect(unfold(folded.join('\r\n'))).toBe('X'.repeat(200));
  });

  it('agrees with the tracker on which items are open', () => {
    const g = groupNotices(cases, today);
    expect(g.overdue.length + g.dueSoon.length + g.later.length).toBe(3);
  });
});

describe('calendar reminders and crafted text', () => {
  it('adds a reminder at 09:00 the chosen number of days before each deadline', () => {
    const ics = buildIcs(noticeItems(cases, today), text, now, { alarmDays: 7 });
    const events = ics.split('BEGIN:VEVENT').slice(1);
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) {
      expect(e).toContain('BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-P6DT15H\r\n');
      expect(e.indexOf('END:VALARM')).toBeLessThan(e.indexOf('END:VEVENT'));
    }
    expect(alarmTrigger(1)).toBe('-PT15H');
    expect(alarmTrigger(0)).toBe('PT9H');
    expect(buildIcs(noticeItems(cases, today), text, now)).not.toContain('VALARM');
  });

  it('keeps a case id with a line break on its own UID line: no injected property', () => {
    const items = noticeItems(cases, today).map((i) => ({ ...i, caseId: 'x\r\nATTACH:http://example.invalid/a' }));
    const ics = buildIcs(items, { ...text, summary: () => '标签\r\nATTACH:http://example.invalid/b; x, y' }, now);
    const lines = unfold(ics).split('\r\n');
    expect(lines.filter((l) => l.startsWith('ATTACH'))).toEqual([]);
    expect(lines.find((l) => l.startsWith('UID:'))).toBe('UID:x__ATTACH_http___example.invalid_a-dibao-20250110@tj-subsidies.invalid');
    expect(lines).toContain('SUMMARY:标签\\nATTACH:http://example.invalid/b\\; x\\, y');
  });
});
