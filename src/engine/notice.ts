/**
 * The notice (TJ-NOTIFY-DUTY, TJ-NOTIFY-3M): by when each trigger had to be answered with notice and
 * whether it was; the waiver (TJ-NOTIFY-WAIVER); the month payment starts from (the pay-from fact of
 * the rules data, and TJ-REAPPLY after a waiver).
 */
import type { Facts, FactField } from '../facts/schema';
import type { Compiled } from './compile';
import { lastOnTimeDay, type HolidayCalendar } from './deadlines';
import type { NoticeResult, NoticeTrigger, SubsidyResult } from './types';

const monthOf = (iso: string) => iso.slice(0, 7);

/** The duty applies when a subsidy is (or would be) paid; it may while one depends on an answer. */
function noticeRequired(living: SubsidyResult, care: SubsidyResult): NoticeTrigger['required'] {
  const a = living.status;
  const b = care.status;
  if (a === 'paid' || a === 'otherWins' || b === 'paid' || b === 'otherWins') return 'yes';
  if (a === 'depends' || b === 'depends') return 'unknown';
  return 'no';
}

export function evaluateNotice(facts: Facts, asOf: string, living: SubsidyResult, care: SubsidyResult, c: Compiled, cal: HolidayCalendar): NoticeResult {
  const required = noticeRequired(living, care);
  const given = facts.noticeGivenOn && facts.noticeGivenOn <= asOf ? facts.noticeGivenOn : null;
  const applied = facts.appliedOn && facts.appliedOn <= asOf ? facts.appliedOn : null;
  const triggers: NoticeTrigger[] = [];
  if (c.duty && c.period) {
    for (const t of c.duty.triggers) {
      const date = facts[t.field as FactField] as string | undefined;
      if (!date) continue;
      const end = lastOnTimeDay(date, c.period.months, cal);
      // a notice given before the trigger does not answer it
      const givenForThis = given && given >= date ? given : null;
      const status: NoticeTrigger['status'] = givenForThis
        ? givenForThis <= end.lastOnTimeDay
          ? 'givenOnTime'
          : 'givenLate'
        : asOf <= end.lastOnTimeDay
          ? 'notYetDue'
          : 'overdue';
      triggers.push({
        trigger: t.trigger,
        field: t.field as FactField,
        date,
        office: t.office,
        ...end,
        status,
        required,
        beforeRules: date < c.firstDate,
        clauses: [c.duty.clause, c.period.clause],
      });
    }
    triggers.sort((a, b) => (a.lastOnTimeDay < b.lastOnTimeDay ? -1 : a.lastOnTimeDay > b.lastOnTimeDay ? 1 : 0));
  }
  const waiver: NoticeResult['waiver'] = applied ? 'applied' : given ? 'treatedAsWaived' : 'notApplicable';
  const payClauses = [c.payFrom.id, ...(c.reapply && given ? [c.reapply] : [])];
  return {
    triggers,
    periodClause: c.period ? c.period.clause : null,
    noticeGivenOn: given,
    noticeForm: facts.noticeForm ?? null,
    waiver,
    waiverClauses: waiver === 'treatedAsWaived' && c.waiver ? [c.waiver, ...(c.reapply ? [c.reapply] : [])] : [],
    payFrom: applied
      ? { month: monthOf(applied), basis: 'applied', clauses: payClauses }
      : { month: monthOf(asOf), basis: 'ifAppliedNow', clauses: payClauses },
  };
}
