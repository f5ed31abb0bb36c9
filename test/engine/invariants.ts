/** Invariants every result must hold, shared by the property tests and the exhaustive run. */
import type { Facts } from '../../src/facts/schema';
import type { CoveredResult, SubsidyResult } from '../../src/engine';

const fail = (msg: string, facts: Facts): never => {
  throw new Error(`${msg}\nfacts: ${JSON.stringify(facts)}`);
};

function checkSubsidy(s: SubsidyResult, facts: Facts) {
  if ((s.paid > 0) !== (s.status === 'paid')) fail(`${s.subsidy}: paid ${s.paid} with status ${s.status}`, facts);
  if (s.status === 'paid' && s.paid !== s.amount?.monthly) fail(`${s.subsidy}: paid differs from the standard`, facts);
  if ((s.dependsOn.length > 0) !== (s.status === 'depends')) fail(`${s.subsidy}: dependsOn ${s.dependsOn} with status ${s.status}`, facts);
  for (const f of s.dependsOn) if (facts[f] !== 'unknown' && !(Array.isArray(facts[f]) && (facts[f] as unknown[]).includes('unknown')))
    fail(`${s.subsidy}: depends on ${f}, which is known`, facts);
  if (s.reasons.length === 0) fail(`${s.subsidy}: a status with no clause behind it`, facts);
  for (const d of s.decisions)
    if (d.chosenMonthly !== null && d.givenUpMonthly !== null && d.chosenMonthly < d.givenUpMonthly)
      fail(`${s.subsidy}: choose-the-higher chose ${d.chosenMonthly} over ${d.givenUpMonthly}`, facts);
}

export function checkInvariants(r: CoveredResult, facts: Facts) {
  checkSubsidy(r.living, facts);
  checkSubsidy(r.care, facts);
  if (r.total !== r.living.paid + r.care.paid) fail('total is not the sum of what is paid', facts);
  const excluded = facts.tekun === 'yes' || facts.workInjuryCareFee === 'yes' || facts.inPrison === 'yes';
  if (excluded && (r.total !== 0 || r.living.status !== 'excluded' || r.care.status !== 'excluded'))
    fail('an excluded person is paid or not reported as excluded', facts);
  if (facts.orphanGuarantee === 'yes' && (r.living.paid !== 0 || r.living.status !== 'excluded'))
    fail('an orphan under the orphan guarantee gets the living subsidy', facts);
  if (r.care.paid > 0 && (facts.grade !== 1 && facts.grade !== 2)) fail('care subsidy paid below grade 2', facts);
  if (r.living.paid > 0 && facts.household !== 'dibao' && facts.household !== 'dibaoEdge') fail('living subsidy paid outside 低保 / 低保边缘', facts);
  if (r.total > 0 && (facts.hukou !== 'tianjin' || facts.certificate !== 'valid')) fail('paid without Tianjin hukou and a valid certificate', facts);
}
