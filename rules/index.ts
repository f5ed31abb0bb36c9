/** Loads the Tianjin rules data and validates it with zod once, at load time. */
import instrument from './tianjin/instrument.json';
import amounts from './tianjin/amounts.json';
import clauses from './tianjin/clauses.json';
import tiers from './tianjin/tiers.json';
import payFrom from './tianjin/pay-from.json';
import { rulesSchema, type Rules } from './schema';

/** Bump when any rules data changes: results record the version they were computed with. */
export const RULES_VERSION = '2023-23.1';

export function loadRules(raw: unknown = { version: RULES_VERSION, instrument, amounts, clauses, tiers, payFrom }): Rules {
  const parsed = rulesSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`Invalid rules data:\n${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n')}`);
  }
  return parsed.data;
}

export const rules: Rules = loadRules();
