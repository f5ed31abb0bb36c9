/** The shape of the rules data, validated by zod when loaded (rules/index.ts) and in a test. */
import { z } from 'zod';

const isoDate = z.iso.date();
export const clauseId = z.string().regex(/^(TJ|NAT)-[A-Z0-9-]+$/);
const subsidy = z.enum(['living', 'care']);
const field = z.string().min(1);

export const instrumentSchema = z.strictObject({
  id: z.string(),
  title: z.string(),
  docNo: z.string(),
  issuers: z.array(z.string()).min(1),
  inForceFrom: isoDate,
  source: z.strictObject({ file: z.string(), description: z.string() }),
  background: z.array(z.strictObject({ docNo: z.string(), note: z.string(), file: z.string() })),
});

/** One dated value: in force from `from` until a later entry replaces it (no end dates, no overlaps). */
export const datedAmountSchema = z.strictObject({
  from: isoDate,
  monthly: z.number().int().positive(),
  fromIsAssumption: z.boolean(),
  confidence: z.enum(['secondary', 'official']),
  source: z.string().min(1),
  sourceEn: z.string().min(1),
  publishedIn: z.string().regex(/^\d{4}(-\d{2})?(-\d{2})?$/),
  note: z.string().optional(),
});

export const AMOUNT_IDS = ['TJ-STD-LIVING-SEVERE', 'TJ-STD-LIVING-OTHER', 'TJ-STD-CARE'] as const;
export type AmountId = (typeof AMOUNT_IDS)[number];

const strictlyAscending = (xs: { from: string }[]) => xs.every((x, i) => i === 0 || xs[i - 1]!.from < x.from);

const datedAmounts = z
  .array(datedAmountSchema)
  .min(1)
  .refine(strictlyAscending, 'entries must be in strictly ascending `from` order');

export const amountsSchema = z.strictObject({
  'TJ-STD-LIVING-SEVERE': datedAmounts,
  'TJ-STD-LIVING-OTHER': datedAmounts,
  'TJ-STD-CARE': datedAmounts,
} satisfies Record<AmountId, typeof datedAmounts>);

const criterion = z.strictObject({ field, oneOf: z.array(z.union([z.string(), z.number()])).min(1) });

export const ruleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('scope'), subsidy, criteria: z.array(criterion).min(1) }),
  z.strictObject({ kind: z.literal('both') }),
  z.strictObject({
    kind: z.literal('chooseHigher'),
    pairs: z.array(z.strictObject({ subsidy, field })).min(1),
  }),
  z.strictObject({ kind: z.literal('stack'), fields: z.array(field).min(1) }),
  /** Excluded from the subsidies when every field in `when` is 'yes'. */
  z.strictObject({ kind: z.literal('exclusion'), subsidies: z.array(subsidy).min(1), when: z.array(field).min(1) }),
  z.strictObject({ kind: z.literal('payee'), subsidy, payee: z.literal('institution'), when: z.array(field).min(1) }),
  z.strictObject({ kind: z.literal('notIncome') }),
  z.strictObject({
    kind: z.literal('noticeDuty'),
    triggers: z
      .array(
        z.strictObject({
          trigger: z.enum(['dibao', 'dibaoEdge', 'certified']),
          field,
          office: z.enum(['civilAffairs', 'disabledPersonsFederation']),
        }),
      )
      .min(1),
  }),
  z.strictObject({ kind: z.literal('noticePeriod'), months: z.number().int().positive(), forms: z.array(z.string()).min(1) }),
  z.strictObject({ kind: z.literal('waiver') }),
  z.strictObject({ kind: z.literal('payFrom'), basis: z.literal('applicationMonth') }),
  z.strictObject({ kind: z.literal('channels'), channels: z.array(z.string()).min(1) }),
]);

export const clauseSchema = z.strictObject({
  id: clauseId,
  group: z.enum(['scope', 'competing', 'orphan', 'exclusion', 'notice']),
  /** The Chinese sentence of the binding article that this clause encodes. */
  zh: z.string().min(4),
  en: z.string().min(4),
  rule: ruleSchema,
});

export const clausesSchema = z
  .array(clauseSchema)
  .min(1)
  .refine((cs) => new Set(cs.map((c) => c.id)).size === cs.length, 'clause ids must be unique');

const amountId = z.enum(AMOUNT_IDS);

/**
 * Which standard applies to whom: a person is 重度 when `severe.field` is one of `severe.oneOf`,
 * as the clause `clause` defines it (its words in `quote`). A subsidy with only a `severe` standard
 * covers 重度 people only and pays that one standard.
 */
export const tiersSchema = z.strictObject({
  clause: clauseId,
  quote: z.string().min(4),
  note: z.string(),
  severe: criterion,
  standards: z.strictObject({
    living: z.strictObject({ severe: amountId, other: amountId.optional() }),
    care: z.strictObject({ severe: amountId, other: amountId.optional() }),
  } satisfies Record<'living' | 'care', unknown>),
});

/** The month payment starts from (a fact of FACTS.md, not a clause of the article). */
export const payFromSchema = z.strictObject({
  id: clauseId,
  basis: z.literal('applicationMonth'),
  quote: z.string().min(4),
  en: z.string().min(4),
  source: z.string().min(1),
  confidence: z.enum(['secondary', 'official']),
});

export const rulesSchema = z
  .strictObject({
    version: z.string(),
    instrument: instrumentSchema,
    amounts: amountsSchema,
    clauses: clausesSchema,
    tiers: tiersSchema,
    payFrom: payFromSchema,
  })
  .refine((r) => r.clauses.some((c) => c.id === r.tiers.clause), { message: 'the tier rule must cite a clause of the rules', path: ['tiers', 'clause'] })
  .refine((r) => r.clauses.some((c) => c.id === r.tiers.clause && c.zh.includes(r.tiers.quote)), {
    message: "the tier rule's quote must be words of the clause it cites",
    path: ['tiers', 'quote'],
  });

export type Instrument = z.infer<typeof instrumentSchema>;
export type DatedAmount = z.infer<typeof datedAmountSchema>;
export type Amounts = Record<AmountId, DatedAmount[]>;
export type Rule = z.infer<typeof ruleSchema>;
export type Clause = z.infer<typeof clauseSchema>;
export type Rules = z.infer<typeof rulesSchema>;
export type Tiers = z.infer<typeof tiersSchema>;
export type PayFrom = z.infer<typeof payFromSchema>;
export type RuleOf<K extends Rule['kind']> = Extract<Rule, { kind: K }>;
