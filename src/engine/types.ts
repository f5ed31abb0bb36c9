/** Result types of the evaluator. Pure data: no React, XState, i18next or DOM. */
import type { AmountId } from '../../rules/schema';
import type { FactField, NoticeForm } from '../facts/schema';

export type Subsidy = 'living' | 'care';
export type Outcome = 'met' | 'notMet' | 'unknown';
export type SubsidyStatus = 'paid' | 'notEligible' | 'excluded' | 'otherWins' | 'depends';
export type Tier = 'severe' | 'other' | 'unknown';
export type Payee = 'person' | 'institution' | 'unknown';

export interface Criterion {
  clause: string;
  /** 'scope': a condition of coverage; 'exclusion': met means the exclusion does not apply. */
  kind: 'scope' | 'exclusion';
  fields: FactField[];
  /** For scope criteria: the values that meet it. For exclusions: every field 'yes' excludes. */
  allowed: readonly (string | number)[];
  outcome: Outcome;
}

export interface AmountInfo {
  factId: AmountId;
  monthly: number;
  from: string;
  fromIsAssumption: boolean;
  confidence: 'secondary' | 'official';
  source: string;
  sourceEn: string;
  publishedIn: string;
}

/** A choose-the-higher decision (TJ-HIGHER-WELFARE, TJ-HIGHER-ELDERCARE). */
export interface Decision {
  clause: string;
  field: FactField;
  subsidyMonthly: number | null;
  /** the highest of the other allowances of this type; null when not known */
  otherMonthly: number | null;
  /** how many other allowances of this type were given */
  otherCount: number;
  winner: 'subsidy' | 'other' | 'tie' | 'unknown';
  /** monthly amount of the option chosen and of the option given up (null when not known) */
  chosenMonthly: number | null;
  givenUpMonthly: number | null;
}

export interface SubsidyResult {
  subsidy: Subsidy;
  status: SubsidyStatus;
  /** the clauses that decided the status */
  reasons: string[];
  criteria: Criterion[];
  tier: Tier;
  /** the standard that applies to this person's tier at asOf (paid or not); null when the tier is unknown */
  amount: AmountInfo | null;
  /** when the tier is unknown: every amount it could be */
  possibleAmounts: AmountInfo[];
  payee: Payee;
  payeeClause: string | null;
  /** when the payee is 'unknown': the fields whose answer settles it (as dependsOn does for the status) */
  payeeDependsOn: FactField[];
  decisions: Decision[];
  /** fields whose unknown answer keeps this result from being settled */
  dependsOn: FactField[];
  /** monthly amount actually paid: 0 unless status is 'paid' */
  paid: number;
}

export type NoteKind = 'both' | 'stack' | 'notIncome';
export interface Note {
  clause: string;
  kind: NoteKind;
  fields: FactField[];
}

export type TriggerKind = 'dibao' | 'dibaoEdge' | 'certified';
export type NoticeStatus = 'notYetDue' | 'overdue' | 'givenOnTime' | 'givenLate';

export interface NoticeTrigger {
  trigger: TriggerKind;
  field: FactField;
  date: string;
  office: 'civilAffairs' | 'disabledPersonsFederation';
  /** last day on which notice is on time, after rest-day adjustment when the calendar covers it */
  lastOnTimeDay: string;
  /** the corresponding day before any rest-day adjustment */
  periodEnd: string;
  /** true: the end was checked against the holiday calendar; false: beyond the calendar's data, not adjusted */
  holidayAdjusted: boolean;
  /** days the end was moved because it fell on rest days */
  movedBy: number;
  status: NoticeStatus;
  /** does the notice duty apply (the person meets the subsidy conditions)? */
  required: 'yes' | 'no' | 'unknown';
  /** the trigger is before the Opinions took effect */
  beforeRules: boolean;
  clauses: string[];
}

export interface NoticeResult {
  triggers: NoticeTrigger[];
  /** the clause that sets the notice period and its forms (TJ-NOTIFY-3M), cited even when there is no trigger */
  periodClause: string | null;
  noticeGivenOn: string | null;
  noticeForm: NoticeForm | null;
  waiver: 'notApplicable' | 'treatedAsWaived' | 'applied';
  /** when treated as waived: the waiver clause (TJ-NOTIFY-WAIVER), then the clause for applying again (TJ-REAPPLY) */
  waiverClauses: string[];
  /** month payment starts from (YYYY-MM): the application month, or this month if applying now */
  payFrom: { month: string; basis: 'applied' | 'ifAppliedNow'; clauses: string[] };
}

export interface CoveredResult {
  covered: true;
  asOf: string;
  rulesVersion: string;
  instrument: string;
  living: SubsidyResult;
  care: SubsidyResult;
  notes: Note[];
  /** sum of what the two subsidies pay per month */
  total: number;
  notice: NoticeResult;
  /** where a subsidy may be paid: the ways to apply (TJ-CHANNELS); null when neither can be */
  apply: { channels: string[]; clauses: string[] } | null;
}

export interface NotCoveredResult {
  covered: false;
  asOf: string;
  rulesVersion: string;
  instrument: string;
  /** first date the rules cover */
  coveredFrom: string;
  reason: 'beforeRules';
}

export type Result = CoveredResult | NotCoveredResult;
