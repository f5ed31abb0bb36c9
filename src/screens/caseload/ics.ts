/**
 * The notice deadlines as an iCalendar file (RFC 5545): one all-day VEVENT per open notice trigger
 * on its last on-time day, a UID that stays the same across exports (so a calendar updates the
 * event instead of duplicating it), CRLF line endings, lines folded at 75 octets without splitting
 * a UTF-8 character, and TEXT values escaped.
 */
import { addDays, format } from 'date-fns';
import { toDate } from '../../engine/deadlines';
import type { NoticeItem } from './notice';

export interface IcsText {
  calName: string;
  summary: (item: NoticeItem) => string;
  description: (item: NoticeItem) => string;
}

/** RFC 5545 §3.3.11: backslash, semicolon, comma and newlines in TEXT. */
export function escapeText(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** RFC 5545 §3.1: lines longer than 75 octets are split with CRLF + one space. */
export function foldLine(line: string): string {
  const enc = new TextEncoder();
  const parts: string[] = [];
  let cur = '';
  let bytes = 0;
  for (const ch of line) {
    const n = enc.encode(ch).length;
    // the first line holds 75 octets, continuation lines 74 after their leading space
    const limit = parts.length === 0 ? 75 : 74;
    if (bytes + n > limit) {
      parts.push(cur);
      cur = '';
      bytes = 0;
    }
    cur += ch;
    bytes += n;
  }
  parts.push(cur);
  return parts.join('\r\n ');
}

const day = (iso: string) => iso.replace(/-/g, '');
const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

export function uidFor(item: NoticeItem): string {
  return `${item.caseId}-${item.trigger}-${day(item.triggerDate)}@tj-subsidies.invalid`;
}

/** Open deadlines only (overdue, due soon, later): done items have nothing left to do. */
export function buildIcs(items: readonly NoticeItem[], text: IcsText, now: Date = new Date()): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//tj-subsidies//caseload notice deadlines//ZH',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(text.calName)}`,
  ];
  for (const item of items) {
    if (item.group === 'done') continue;
    lines.push(
      'BEGIN:VEVENT',
      `UID:${uidFor(item)}`,
      `DTSTAMP:${stamp(now)}`,
      `DTSTART;VALUE=DATE:${day(item.lastOnTimeDay)}`,
      `DTEND;VALUE=DATE:${format(addDays(toDate(item.lastOnTimeDay), 1), 'yyyyMMdd')}`,
      `SUMMARY:${escapeText(text.summary(item))}`,
      `DESCRIPTION:${escapeText(text.description(item))}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
