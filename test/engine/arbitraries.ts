import fc from 'fast-check';
import { CATEGORY, CERTIFICATE, HOUSEHOLD, HUKOU, NOTICE_FORMS, TRI, type Facts } from '../../src/facts/schema';

const tri = fc.constantFrom(...TRI);
const amount = fc.oneof(fc.integer({ min: 1, max: 2000 }), fc.constantFrom(100, 160, 200, 300), fc.constant('unknown' as const));
const allowances = fc.oneof(fc.constant('unknown' as const), fc.array(amount, { maxLength: 3 }));
export const isoDate = fc
  .date({ min: new Date(Date.UTC(2023, 0, 1)), max: new Date(Date.UTC(2027, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const maybeDate = fc.option(isoDate, { nil: undefined });

export const factsArb: fc.Arbitrary<Facts> = fc.record(
  {
    ref: fc.option(fc.string({ maxLength: 20 }), { nil: undefined }),
    hukou: fc.constantFrom(...HUKOU),
    certificate: fc.constantFrom(...CERTIFICATE),
    category: fc.constantFrom(...CATEGORY),
    grade: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const, 'unknown' as const),
    household: fc.constantFrom(...HOUSEHOLD),
    tekun: tri,
    workInjuryCareFee: tri,
    inPrison: tri,
    orphanGuarantee: tri,
    orphanInInstitution: tri,
    institutionCareFunded: tri,
    welfareLivingAllowances: allowances,
    welfareCareAllowances: allowances,
    homeCareNursingSubsidy: allowances,
    homeElderlyServiceSubsidy: tri,
    advancedAgeAllowance: tri,
    dibaoSince: maybeDate,
    dibaoEdgeSince: maybeDate,
    certifiedOn: maybeDate,
    noticeGivenOn: maybeDate,
    noticeForm: fc.option(fc.constantFrom(...NOTICE_FORMS), { nil: undefined }),
    appliedOn: maybeDate,
    notes: fc.option(fc.string({ maxLength: 40 }), { nil: undefined }),
  },
  { requiredKeys: ['hukou', 'certificate', 'category', 'grade', 'household', 'tekun', 'workInjuryCareFee', 'inPrison', 'orphanGuarantee', 'orphanInInstitution', 'institutionCareFunded', 'welfareLivingAllowances', 'welfareCareAllowances', 'homeCareNursingSubsidy', 'homeElderlyServiceSubsidy', 'advancedAgeAllowance'] },
);

export const asOfArb = fc
  .date({ min: new Date(Date.UTC(2023, 7, 1)), max: new Date(Date.UTC(2027, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
