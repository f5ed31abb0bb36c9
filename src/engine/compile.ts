/**
 * Compiling the rules: turns the rules data (rules/) into lookup tables, once per rules object, and
 * refuses a rule that reads a fact field the facts schema does not have.
 */
import type { AmountId, PayFrom, Rules, RuleOf } from '../../rules/schema';
import { FACT_FIELDS, type FactField } from '../facts/schema';
import type { Subsidy } from './types';

type ClauseRule<K extends RuleOf<never>['kind'] | string> = { clause: string } & Extract<Rules['clauses'][number]['rule'], { kind: K }>;

export interface ScopeCriterion {
  clause: string;
  field: FactField;
  allowed: ReadonlySet<unknown>;
  list: readonly (string | number)[];
}

export interface CompiledTiers {
  clause: string;
  field: FactField;
  severe: ReadonlySet<unknown>;
  standards: Record<Subsidy, { severe: AmountId; other?: AmountId }>;
}

export interface Compiled {
  scope: Record<Subsidy, ScopeCriterion[]>;
  exclusions: Record<Subsidy, { clause: string; when: FactField[] }[]>;
  payee: ClauseRule<'payee'>[];
  chooseHigher: Record<Subsidy, { clause: string; field: FactField }[]>;
  both: string | null;
  stack: ClauseRule<'stack'>[];
  notIncome: string | null;
  duty: ClauseRule<'noticeDuty'> | null;
  period: ClauseRule<'noticePeriod'> | null;
  waiver: string | null;
  reapply: string | null;
  channels: ClauseRule<'channels'> | null;
  tiers: CompiledTiers;
  payFrom: PayFrom;
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
  // Stryker disable next-line all: equivalent — a cache; compiling again gives the same tables
  if (hit) return hit;
  const { tiers } = rules;
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
    reapply: null,
    channels: null,
    tiers: {
      clause: tiers.clause,
      field: asField(tiers.severe.field, tiers.clause),
      severe: new Set(tiers.severe.oneOf),
      standards: tiers.standards,
    },
    payFrom: rules.payFrom,
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
        c.reapply = id;
        break;
      case 'channels':
        c.channels = { clause: id, ...rule };
        break;
    }
  }
  compiledCache.set(rules, c);
  return c;
}
