/**
 * The notice deadlines as an iCalendar file (RFC 5545): one all-day VEVENT per open notice trigger
 * on its last on-time day, a UID that stays the same across exports (so a calendar updates the
 * event instead of duplicating it), CRLF line endings, lines folded at 75 octets without splitting
 * a UTF-8 character, TEXT values escaped, the UID made of safe characters only, and an optional
 * reminder (VALARM) a chosen number of days ahead.
 */
import { addDays, format } from 'date-fns';
import { toDate } from '../../engine/deadlines';
import type { NoticeItem } from './notice';

export interface IcsText {
  calName: string;
  summary: (item: NoticeItem) => string;
  description: (item: NoticeItem) => string;
  /** the reminder's text; with alarmDays */
  alarm?: (item: NoticeItem) => string;
}
export interface IcsOptions {
  /** a reminder this many days before the last on-time day (none when absent) */
  alarmDays?: number;
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

/** Only letters, digits, '.', '_' and '-' reach the UID (a case id is checked too, see caseIdSchema). */
const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]/g, '_');

export function uidFor(item: NoticeItem): string {
  return `${safe(item.caseId)}-${safe(item.trigger)}-${safe(day(item.triggerDate))}@tj-subsidies.invalid`;
}

/** 09:00 on the day `days` before the event's all-day start (midnight): −(days−1 days 15 hours). */
export function alarmTrigger(days: number): string {
  return days === 0 ? 'PT9H' : days === 1 ? '-PT15H' : `-P${days - 1}DT15H`;
}

/** Open deadlines only (overdue, due soon, later): done items have nothing left to do. */
export function buildIcs(items: readonly NoticeItem[], text: IcsText, now: Date = new Date(), opts: IcsOptions = {}): string {
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
    );
    if (opts.alarmDays !== undefined && Number.isInteger(opts.alarmDays) && opts.alarmDays >= 0) {
      lines.push(
        'BEGIN:VALARM',
        'ACTION:DISPLAY',
        // RFC 5545 §3.8.6.3: relative to the start of the (all-day) event; 9:00 on the day N days before
        `TRIGGER:${alarmTrigger(opts.alarmDays)}`,
        `DESCRIPTION:${escapeText((text.alarm ?? text.summary)(item))}`,
        'END:VALARM',
      );
    }
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
