/**
 * The one facts schema: the same for the wizard, JSON and CSV, built from the field registry
 * (fields.ts). Field names follow the policy words of DESIGN.md. Every field may be "unknown": the
 * engine then says what the result depends on instead of guessing.
 */
import { z } from 'zod';
import { ALLOWANCE_LIMITS, choiceValues, FIELD_NAMES, FIELDS, type FieldName, type FieldSpec } from './fields';

export const TRI = [...choiceValues('tekun'), 'unknown'] as const;
export const HUKOU = [...choiceValues('hukou'), 'unknown'] as const;
export const CERTIFICATE = [...choiceValues('certificate'), 'unknown'] as const;
export const CATEGORIES = choiceValues('category');
export const CATEGORY = [...CATEGORIES, 'unknown'] as const;
export const GRADES = [1, 2, 3, 4] as const;
export const HOUSEHOLD = [...choiceValues('household'), 'unknown'] as const;
export const NOTICE_FORMS = choiceValues('noticeForm');

const isoDate = z.iso.date();

/** Monthly amounts in whole yuan of other allowances of one type; 'unknown' = not known whether any. */
export const allowances = z.union([
  z.literal('unknown'),
  z.array(z.union([z.number().int().min(ALLOWANCE_LIMITS.minYuan).max(ALLOWANCE_LIMITS.maxYuan), z.literal('unknown')])).max(ALLOWANCE_LIMITS.maxItems),
]);
export type Allowances = z.infer<typeof allowances>;

type Spec<F extends FieldName> = (typeof FIELDS)[F];
/** The zod type of one field, from its kind. */
type ZodOf<S> = S extends { kind: 'choice'; values: readonly (infer V extends string)[] }
  ? z.ZodType<V | 'unknown'>
  : S extends { kind: 'optionalChoice'; values: readonly (infer V extends string)[] }
    ? z.ZodOptional<z.ZodType<V>>
    : S extends { kind: 'grade' }
      ? z.ZodType<1 | 2 | 3 | 4 | 'unknown'>
      : S extends { kind: 'allowances' }
        ? typeof allowances
        : S extends { kind: 'date' | 'text' }
          ? z.ZodOptional<z.ZodType<string>>
          : never;

function zodOf(s: FieldSpec): z.ZodType {
  switch (s.kind) {
    case 'choice':
      return z.enum(['unknown', ...s.values!]);
    case 'optionalChoice':
      return z.enum(s.values as [string, ...string[]]).optional();
    case 'grade':
      return z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal('unknown')]);
    case 'allowances':
      return allowances;
    case 'date':
      return isoDate.optional();
    case 'text':
      return z.string().max(s.max!).optional();
  }
}

export const factsShape = Object.fromEntries(FIELD_NAMES.map((f) => [f, zodOf(FIELDS[f])])) as { [F in FieldName]: ZodOf<Spec<F>> };

export const factsSchema = z.strictObject(factsShape);
export type Facts = z.infer<typeof factsSchema>;
export type FactField = FieldName;
export type Tri = (typeof TRI)[number];
export type Category = (typeof CATEGORIES)[number];
export type NoticeForm = (typeof NOTICE_FORMS)[number];

export const FACT_FIELDS: readonly FactField[] = FIELD_NAMES;

/** Fields that no clause reads: they are carried through but never change a result. */
export const UNREAD_FIELDS: readonly FactField[] = FIELD_NAMES.filter((f) => !FIELDS[f].read);

/** Facts for someone about whom nothing is known yet: every answer 'unknown'. */
export function unknownFacts(): Facts {
  const out: Record<string, unknown> = {};
  for (const f of FIELD_NAMES) {
    const k = FIELDS[f].kind;
    if (k === 'choice' || k === 'grade' || k === 'allowances') out[f] = 'unknown';
  }
  return out as Facts;
}

/**
 * unknownFacts() with every optional field present but undefined: every facts object read from a
 * file has this one shape (cheap to build by copying, fast to read).
 */
const BLANK: Readonly<Record<FactField, unknown>> = Object.freeze(Object.fromEntries(FIELD_NAMES.map((f) => [f, unknownFacts()[f]])) as Record<FactField, unknown>);
export const blankFacts = (): Facts => ({ ...BLANK }) as Facts;
