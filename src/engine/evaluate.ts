/**
 * The pure evaluator: evaluate(facts, { asOf }) → a result with a trace citing clause ids.
 * Rules come as data (rules/); this file only interprets the rule kinds. It imports nothing from
 * React, XState, i18next or the DOM.
 */
import { rules as defaultRules } from '../../rules';
import type { AmountId, DatedAmount, Rules, RuleOf } from '../../rules/schema';
import { FACT_FIELDS, type Allowances, type Facts, type FactField } from '../facts/schema';
import { lastOnTimeDay, chinaCalendar, type HolidayCalendar } from './deadlines';
import type {
  AmountInfo,
  Criterion,
  Decision,
  Note,
  NoticeResult,
  NoticeTrigger,
  Outcome,
  Payee,
  Result,
  Subsidy,
  SubsidyResult,
  Tier,
} from './types';
import { valueAt } from './value-at';

export interface EvaluateOptions {
  /** the date the result is for, YYYY-MM-DD */
  asOf: string;
  rules?: Rules;
  calendar?: HolidayCalendar;
}

type ClauseRule<K extends RuleOf<never>['kind'] | string> = { clause: string } & Extract<Rules['clauses'][number]['rule'], { kind: K }>;

interface Compiled {
  scope: Record<Subsidy, { clause: string; field: FactField; allowed: ReadonlySet<unknown>; list: readonly (string | number)[] }[]>;
  exclusions: Record<Subsidy, { clause: string; when: FactField[] }[]>;
  payee: ClauseRule<'payee'>[];
  chooseHigher: Record<Subsidy, { clause: string; field: FactField }[]>;
  both: string | null;
  stack: ClauseRule<'stack'>[];
  notIncome: string | null;
  duty: ClauseRule<'noticeDuty'> | null;
  period: ClauseRule<'noticePeriod'> | null;
  waiver: string | null;
  payFrom: string | null;
  channels: ClauseRule<'channels'> | null;
  firstDate: string;
}

const compiledCache = new WeakMap<Rules, Compiled>();
const KNOWN_FIELDS = new Set<string>(FACT_FIELDS);

function asField(field: string, clause: string): FactField {
  if (!KNOWN_FIELDS.has(field)) throw new Error(`Rule ${clause} reads unknown fact field "${field}"`);
  return field as FactField;
}

/** Turns the rules data into lookup tables once per rules object. */
export function compile(rules: Rules): Compiled {
  const hit = compiledCache.get(rules);
  if (hit) return hit;
  const c: Compiled = {
    scope: { living: [], care: [] },
    exclusions: { living: [], care: [] },
    payee: [],
    chooseHigher: { living: [], care: [] },
    both: null,
    stack: [],
    notIncome: null,
    duty: null,
    period: null,
    waiver: null,
    payFrom: null,
    channels: null,
    firstDate: rules.instrument.inForceFrom,
  };
  for (const { id, rule } of rules.clauses) {
    switch (rule.kind) {
      case 'scope':
        for (const cr of rule.criteria)
          c.scope[rule.subsidy].push({ clause: id, field: asField(cr.field, id), allowed: new Set(cr.oneOf), list: cr.oneOf });
        break;
      case 'exclusion':
        for (const s of rule.subsidies) c.exclusions[s].push({ clause: id, when: rule.when.map((f) => asField(f, id)) });
        break;
      case 'payee':
        rule.when.forEach((f) => asField(f, id));
        c.payee.push({ clause: id, ...rule });
        break;
      case 'chooseHigher':
        for (const p of rule.pairs) c.chooseHigher[p.subsidy].push({ clause: id, field: asField(p.field, id) });
        break;
      case 'both':
        c.both = id;
        break;
      case 'stack':
        rule.fields.forEach((f) => asField(f, id));
        c.stack.push({ clause: id, ...rule });
        break;
      case 'notIncome':
        c.notIncome = id;
        break;
      case 'noticeDuty':
        rule.triggers.forEach((t) => asField(t.field, id));
        c.duty = { clause: id, ...rule };
        break;
      case 'noticePeriod':
        c.period = { clause: id, ...rule };
        break;
      case 'waiver':
        c.waiver = id;
        break;
      case 'payFrom':
        c.payFrom = id;
        break;
      case 'channels':
        c.channels = { clause: id, ...rule };
        break;
    }
  }
  compiledCache.set(rules, c);
  return c;
}

/** An exclusion applies when every field is 'yes'; it does not when any is 'no'. */
function exclusionOutcome(facts: Facts, when: FactField[]): Outcome {
  let unknown = false;
  for (const f of when) {
    const v = facts[f];
    if (v === 'no') return 'met';
    if (v !== 'yes') unknown = true;
  }
  return unknown ? 'unknown' : 'notMet';
}

function amountInfo(rules: Rules, id: AmountId, asOf: string): AmountInfo | null {
  const v: DatedAmount | null = valueAt(rules.amounts[id], asOf);
  if (!v) return null;
  return {
    factId: id,
    monthly: v.monthly,
    from: v.from,
    fromIsAssumption: v.fromIsAssumption,
    confidence: v.confidence,
    source: v.source,
    sourceEn: v.sourceEn,
    publishedIn: v.publishedIn,
  };
}

function tierOf(subsidy: Subsidy, grade: Facts['grade']): Tier {
  if (subsidy === 'care') return 'severe';
  if (grade === 'unknown') return 'unknown';
  return grade <= 2 ? 'severe' : 'other';
}

const TIER_AMOUNT: Record<Subsidy, Record<'severe' | 'other', AmountId>> = {
  living: { severe: 'TJ-STD-LIVING-SEVERE', other: 'TJ-STD-LIVING-OTHER' },
  care: { severe: 'TJ-STD-CARE', other: 'TJ-STD-CARE' },
};

function decide(clause: string, field: FactField, others: Allowances, subsidyMonthly: number | null): Decision | null {
  if (Array.isArray(others) && others.length === 0) return null;
  let best: number | null = null;
  let someUnknown = others === 'unknown';
  if (Array.isArray(others))
    for (const o of others) {
      if (o === 'unknown') someUnknown = true;
      else if (best === null || o > best) best = o;
    }
  const otherCount = Array.isArray(others) ? others.length : 0;
  let winner: Decision['winner'] = 'unknown';
  if (subsidyMonthly !== null && best !== null && best > subsidyMonthly) winner = 'other';
  else if (subsidyMonthly !== null && !someUnknown && best !== null) winner = best === subsidyMonthly ? 'tie' : 'subsidy';
  const chosenMonthly = winner === 'other' ? best : winner === 'unknown' ? null : subsidyMonthly;
  const givenUpMonthly = winner === 'other' ? subsidyMonthly : winner === 'unknown' ? null : best;
  return { clause, field, subsidyMonthly, otherMonthly: best, otherCount, winner, chosenMonthly, givenUpMonthly };
}

function evaluateSubsidy(subsidy: Subsidy, facts: Facts, asOf: string, rules: Rules, c: Compiled): SubsidyResult {
  const criteria: Criterion[] = [];
  const dependsOn = new Set<FactField>();
  const notEligibleBy: string[] = [];
  const excludedBy: string[] = [];
  const unknownBy: string[] = [];

  for (const s of c.scope[subsidy]) {
    const v = facts[s.field];
    const outcome: Outcome = v === 'unknown' ? 'unknown' : s.allowed.has(v) ? 'met' : 'notMet';
    criteria.push({ clause: s.clause, kind: 'scope', fields: [s.field], allowed: s.list, outcome });
    if (outcome === 'notMet') notEligibleBy.push(s.clause);
    else if (outcome === 'unknown') {
      unknownBy.push(s.clause);
      dependsOn.add(s.field);
    }
  }
  for (const x of c.exclusions[subsidy]) {
    const outcome = exclusionOutcome(facts, x.when);
    criteria.push({ clause: x.clause, kind: 'exclusion', fields: x.when, allowed: ['yes'], outcome });
    if (outcome === 'notMet') excludedBy.push(x.clause);
    else if (outcome === 'unknown') {
      unknownBy.push(x.clause);
      for (const f of x.when) if (facts[f] === 'unknown') dependsOn.add(f);
    }
  }

  const tier = tierOf(subsidy, facts.grade);
  const amount = tier === 'unknown' ? null : amountInfo(rules, TIER_AMOUNT[subsidy][tier], asOf);
  const possibleAmounts: AmountInfo[] = [];
  if (tier === 'unknown') {
    for (const t of ['severe', 'other'] as const) {
      const a = amountInfo(rules, TIER_AMOUNT[subsidy][t], asOf);
      if (a) possibleAmounts.push(a);
    }
  }

  let payee: Payee = 'person';
  let payeeClause: string | null = null;
  let payeeDependsOn: FactField[] = [];
  for (const p of c.payee) {
    if (p.subsidy !== subsidy) continue;
    const o = exclusionOutcome(facts, p.when as FactField[]);
    if (o === 'notMet') {
      payee = p.payee;
      payeeClause = p.clause;
      payeeDependsOn = [];
    } else if (o === 'unknown' && payee === 'person') {
      payee = 'unknown';
      payeeClause = p.clause;
      payeeDependsOn = (p.when as FactField[]).filter((f) => facts[f] !== 'yes');
    }
  }

  const decisions: Decision[] = [];
  for (const h of c.chooseHigher[subsidy]) {
    const d = decide(h.clause, h.field, facts[h.field] as Allowances, amount ? amount.monthly : null);
    if (d) decisions.push(d);
  }

  let status: SubsidyResult['status'];
  let reasons: string[];
  const scopeClause = c.scope[subsidy][0]?.clause;
  if (excludedBy.length) {
    status = 'excluded';
    reasons = [...new Set(excludedBy)];
  } else if (notEligibleBy.length) {
    status = 'notEligible';
    reasons = [...new Set(notEligibleBy)];
  } else if (unknownBy.length || tier === 'unknown') {
    status = 'depends';
    reasons = [...new Set(unknownBy)];
    if (tier === 'unknown') {
      dependsOn.add('grade');
      if (scopeClause && !reasons.includes(scopeClause)) reasons.push(scopeClause);
    }
  } else {
    const lost = decisions.filter((d) => d.winner === 'other');
    const open = decisions.filter((d) => d.winner === 'unknown');
    if (lost.length) {
      status = 'otherWins';
      reasons = lost.map((d) => d.clause);
    } else if (open.length) {
      status = 'depends';
      reasons = open.map((d) => d.clause);
      for (const d of open) dependsOn.add(d.field);
    } else {
      status = 'paid';
      reasons = [...new Set([...(scopeClause ? [scopeClause] : []), ...decisions.map((d) => d.clause)])];
    }
  }

  return {
    subsidy,
    status,
    reasons,
    criteria,
    tier,
    amount,
    possibleAmounts,
    payee,
    payeeClause,
    payeeDependsOn,
    decisions,
    dependsOn: status === 'depends' ? [...dependsOn] : [],
    paid: status === 'paid' && amount ? amount.monthly : 0,
  };
}

const stillPossible = (r: SubsidyResult) => r.status !== 'notEligible' && r.status !== 'excluded';
const monthOf = (iso: string) => iso.slice(0, 7);

function evaluateNotice(facts: Facts, asOf: string, living: SubsidyResult, care: SubsidyResult, c: Compiled, cal: HolidayCalendar): NoticeResult {
  const required: NoticeTrigger['required'] =
    living.status === 'paid' || care.status === 'paid' || living.status === 'otherWins' || care.status === 'otherWins'
      ? 'yes'
      : living.status === 'depends' || care.status === 'depends'
        ? 'unknown'
        : 'no';
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
  const payClauses = ['NAT-PAY-FROM-APPLICATION', ...(c.payFrom && given ? [c.payFrom] : [])];
  return {
    triggers,
    noticeGivenOn: given,
    noticeForm: facts.noticeForm ?? null,
    waiver,
    waiverClauses: waiver === 'treatedAsWaived' && c.waiver ? [c.waiver, ...(c.payFrom ? [c.payFrom] : [])] : [],
    payFrom: applied
      ? { month: monthOf(applied), basis: 'applied', clauses: payClauses }
      : { month: monthOf(asOf), basis: 'ifAppliedNow', clauses: payClauses },
  };
}

function notes(facts: Facts, living: SubsidyResult, care: SubsidyResult, c: Compiled): Note[] {
  const out: Note[] = [];
  const anyPossible = stillPossible(living) || stillPossible(care);
  if (c.both && stillPossible(living) && stillPossible(care)) out.push({ clause: c.both, kind: 'both', fields: [] });
  if (anyPossible)
    for (const s of c.stack) {
      const yes = s.fields.filter((f) => facts[f as FactField] === 'yes') as FactField[];
      if (yes.length) out.push({ clause: s.clause, kind: 'stack', fields: yes });
    }
  if (c.notIncome && anyPossible && facts.household !== 'neither')
    out.push({ clause: c.notIncome, kind: 'notIncome', fields: ['household'] });
  return out;
}

export function evaluate(facts: Facts, options: EvaluateOptions): Result {
  const rules = options.rules ?? defaultRules;
  const c = compile(rules);
  const { asOf } = options;
  const head = { asOf, rulesVersion: rules.version, instrument: rules.instrument.docNo };
  if (asOf < c.firstDate) return { covered: false, ...head, coveredFrom: c.firstDate, reason: 'beforeRules' };
  const living = evaluateSubsidy('living', facts, asOf, rules, c);
  const care = evaluateSubsidy('care', facts, asOf, rules, c);
  return {
    covered: true,
    ...head,
    living,
    care,
    notes: notes(facts, living, care, c),
    total: living.paid + care.paid,
    notice: evaluateNotice(facts, asOf, living, care, c, options.calendar ?? chinaCalendar),
    apply:
      c.channels && (stillPossible(living) || stillPossible(care))
        ? { channels: c.channels.channels, clauses: [c.channels.clause] }
        : null,
  };
}
