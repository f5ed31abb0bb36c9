/**
 * The notice tracker (TJ-NOTIFY-3M): one item per notice trigger of each case, grouped as overdue /
 * due within 14 days / later / done, each group sorted by the last on-time day. Pure.
 */
import { addDays, format } from 'date-fns';
import type { TriggerKind } from '../../engine/types';
import { toDate } from '../../engine/deadlines';
import type { CaseRecord } from '../../storage/model';

export const DUE_SOON_DAYS = 14;
export const GROUPS = ['overdue', 'dueSoon', 'later', 'done'] as const;
export type NoticeGroup = (typeof GROUPS)[number];

export interface NoticeItem {
  caseId: string;
  ref: string;
  trigger: TriggerKind;
  triggerDate: string;
  lastOnTimeDay: string;
  holidayAdjusted: boolean;
  required: 'yes' | 'no' | 'unknown';
  noticeGivenOn: string | null;
  noticeForm: string | null;
  appliedOn: string | null;
  /** what the person answered about applying, when no date is recorded (see appliedText) */
  appliedAnswer: 'no' | 'unknown' | null;
  /** why an item is done: notice given (on time or late), or no duty (the person does not meet the conditions) */
  done: 'givenOnTime' | 'givenLate' | 'noDuty' | null;
  group: NoticeGroup;
}

export function noticeItems(cases: readonly CaseRecord[], today: string): NoticeItem[] {
  const soon = format(addDays(toDate(today), DUE_SOON_DAYS), 'yyyy-MM-dd');
  const out: NoticeItem[] = [];
  for (const c of cases) {
    for (const t of c.check.notice?.triggers ?? []) {
      const given = c.facts.noticeGivenOn && c.facts.noticeGivenOn >= t.date ? c.facts.noticeGivenOn : null;
      const done: NoticeItem['done'] = given ? (given <= t.lastOnTimeDay ? 'givenOnTime' : 'givenLate') : t.required === 'no' ? 'noDuty' : null;
      const group: NoticeGroup = done ? 'done' : t.lastOnTimeDay < today ? 'overdue' : t.lastOnTimeDay <= soon ? 'dueSoon' : 'later';
      out.push({
        caseId: c.id,
        ref: c.facts.ref ?? '',
        trigger: t.trigger,
        triggerDate: t.date,
        lastOnTimeDay: t.lastOnTimeDay,
        holidayAdjusted: t.holidayAdjusted,
        required: t.required,
        noticeGivenOn: given,
        noticeForm: given ? (c.facts.noticeForm ?? null) : null,
        appliedOn: c.facts.appliedOn ?? null,
        appliedAnswer: c.wizard?.applied === 'no' || c.wizard?.applied === 'unknown' ? c.wizard.applied : null,
        done,
        group,
      });
    }
  }
  return out;
}

export function groupNotices(cases: readonly CaseRecord[], today: string): Record<NoticeGroup, NoticeItem[]> {
  const groups: Record<NoticeGroup, NoticeItem[]> = { overdue: [], dueSoon: [], later: [], done: [] };
  for (const item of noticeItems(cases, today)) groups[item.group].push(item);
  const byDay = (a: NoticeItem, b: NoticeItem) =>
    a.lastOnTimeDay < b.lastOnTimeDay ? -1 : a.lastOnTimeDay > b.lastOnTimeDay ? 1 : a.ref.localeCompare(b.ref, 'zh-CN') || a.caseId.localeCompare(b.caseId);
  for (const g of GROUPS) groups[g].sort(byDay);
  return groups;
}
