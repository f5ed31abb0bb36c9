/**
 * Facts settled by roster inputs that are not facts themselves (fields.ts INPUTS): the yes/no form
 * of the household columns. A hook for more: a derivation reads the inputs of a row and may set
 * facts or report issues (the certificate number → category and grade, CN-CERT-NUMBER, plugs in
 * here). Never guesses: what the inputs do not settle stays as it was.
 */
import type { InputName } from './fields';
import type { CellValue, FieldIssue } from './parse';
import type { Facts } from './schema';

export type Inputs = Partial<Record<InputName, CellValue>>;
export type Derivation = (facts: Facts, inputs: Inputs) => FieldIssue[] | null;

/** 是否低保 / 是否低保边缘 → household, when the household column is missing or blank. */
export const householdFromYesNo: Derivation = (facts, inputs) => {
  const dibao = inputs.isDibao;
  const edge = inputs.isDibaoEdge;
  if (dibao === undefined && edge === undefined) return null;
  if (dibao === 'yes' && edge === 'yes') return [{ field: 'isDibaoEdge', value: '是否低保=是，是否低保边缘=是', code: 'conflict' }];
  let derived: Facts['household'] = 'unknown';
  if (dibao === 'yes') derived = 'dibao';
  else if (edge === 'yes') derived = 'dibaoEdge';
  else if (dibao === 'no' && edge === 'no') derived = 'neither';
  // 是否低保 = 否 alone leaves 低保边缘 open: household stays unknown
  if (facts.household === 'unknown') facts.household = derived;
  else if (derived !== 'unknown' && derived !== facts.household)
    return [{ field: 'household', value: `${String(facts.household)} / ${derived}`, code: 'conflict' }];
  return null;
};

/** Every derivation, in order. */
export const DERIVATIONS: Derivation[] = [householdFromYesNo];

/** Applies the derivations to facts read from a row (in place); their issues, if any. */
export function deriveFacts(facts: Facts, inputs: Inputs): FieldIssue[] | null {
  let issues: FieldIssue[] | null = null;
  for (const d of DERIVATIONS) {
    const r = d(facts, inputs);
    if (r) (issues ??= []).push(...r);
  }
  return issues;
}
