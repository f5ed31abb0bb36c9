import { evaluate } from '../../src/engine/evaluate';
import { unknownFacts, type Facts } from '../../src/facts/schema';
import { makeCase, type CaseRecord } from '../../src/storage/model';

export function eligibleFacts(over: Partial<Facts> = {}): Facts {
  return {
    ...unknownFacts(),
    hukou: 'tianjin',
    certificate: 'valid',
    category: 'physical',
    grade: 1,
    household: 'dibao',
    tekun: 'no',
    workInjuryCareFee: 'no',
    inPrison: 'no',
    orphanGuarantee: 'no',
    orphanInInstitution: 'no',
    institutionCareFunded: 'no',
    welfareLivingAllowances: [],
    welfareCareAllowances: [],
    homeCareNursingSubsidy: [],
    homeElderlyServiceSubsidy: 'no',
    advancedAgeAllowance: 'no',
    ...over,
  };
}

export function caseFor(ref: string, over: Partial<Facts> = {}, asOf = '2025-03-01', notes = ''): CaseRecord {
  const facts = eligibleFacts({ ref, ...over });
  return makeCase(facts, evaluate(facts, { asOf }), notes, new Date(`${asOf}T08:00:00.000Z`));
}
