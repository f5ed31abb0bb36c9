import { unknownFacts, type Facts } from '../../src/facts/schema';

/**
 * The baseline for case files: nothing excludes the person and no other benefit competes. Scope
 * fields (hukou, certificate, category, grade, household) stay unknown: every case states them.
 */
export function clearFacts(): Facts {
  return {
    ...unknownFacts(),
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
  };
}
