/** The result's plain sentences, shared by the result page and the printed 明白纸 / 告知书. */
import type { Decision, SubsidyResult, Subsidy } from '../engine/types';
import type { Facts, FactField } from '../facts/schema';
import { stepForField } from '../machine/steps';
import type { TFn } from '../i18n/useT';
import { subsidyRange } from '../engine/what-if';
import { mainDecision, reasonKeys } from './plain';

const subsidyName = (t: TFn, s: Subsidy) => t(`result:subsidy.${s}`);
const questionName = (t: TFn, f: FactField) => t(`wizard:${stepForField(f) ?? f}.short`);

/** The plain sentence for one subsidy: can / cannot / depends, with the amount or the range. */
export function sentence(t: TFn, facts: Facts, asOf: string, s: SubsidyResult): string {
  const subsidy = subsidyName(t, s.subsidy);
  const d = mainDecision(s);
  if (d && (s.status === 'paid' || s.status === 'otherWins')) return decisionSentence(t, s, d);
  if (s.status === 'paid') return t('result:plain.paid', { subsidy, amount: s.paid });
  if (s.status === 'depends') {
    const range = subsidyRange(facts, s, { asOf });
    const list = range.amounts.join(t('result:plain.amountOr'));
    const r = !range.amounts.length ? t('result:plain.nothingKnown') : range.maybeNothing ? t('result:plain.rangeOrNothing', { list }) : t('result:plain.range', { list });
    const fields = [...new Set(s.dependsOn.map((f) => questionName(t, f)))].join(t('result:plain.listSep'));
    return t('result:plain.depends', { subsidy, range: r, fields });
  }
  const reasons = reasonKeys(s).map((k) => t(`result:because.${k}`)).join(t('result:plain.listSep'));
  return t('result:plain.no', { subsidy, reasons });
}

/** Choose the higher, spelled out: both amounts, which to keep, what is given up, the difference a month. */
export function decisionSentence(t: TFn, s: SubsidyResult, d: Decision): string {
  const subsidy = subsidyName(t, s.subsidy);
  const other = t(`result:decision.other.${d.field}`);
  const amount = d.subsidyMonthly ?? 0;
  if (d.winner === 'unknown' || d.otherMonthly === null) return t('result:plain.chooseUnknown', { subsidy, other, amount });
  const diff = Math.abs(amount - d.otherMonthly);
  if (d.winner === 'tie') return t('result:plain.tie', { subsidy, other, amount });
  return t(d.winner === 'subsidy' ? 'result:plain.keepSubsidy' : 'result:plain.keepOther', { subsidy, other, amount, otherAmount: d.otherMonthly, diff });
}

