/**
 * The one facts schema: the same for the wizard, JSON and CSV.
 * Field names follow the policy words of DESIGN.md. Every field may be "unknown":
 * the engine then says what the result depends on instead of guessing.
 */
import { z } from 'zod';

export const TRI = ['yes', 'no', 'unknown'] as const;
export const HUKOU = ['tianjin', 'other', 'unknown'] as const;
export const CERTIFICATE = ['valid', 'none', 'unknown'] as const;
export const CATEGORIES = ['visual', 'hearing', 'speech', 'physical', 'mental', 'intellectual', 'multiple'] as const;
export const CATEGORY = [...CATEGORIES, 'unknown'] as const;
export const GRADES = [1, 2, 3, 4] as const;
export const HOUSEHOLD = ['dibao', 'dibaoEdge', 'neither', 'unknown'] as const;
export const NOTICE_FORMS = ['systemPrompt', 'plainSheet', 'letter', 'phone', 'homeVisit'] as const;

const tri = z.enum(TRI);
const isoDate = z.iso.date();

/** Monthly amounts in whole yuan of other allowances of one type; 'unknown' = not known whether any. */
export const allowances = z.union([
  z.literal('unknown'),
  z.array(z.union([z.number().int().min(1).max(1_000_000), z.literal('unknown')])).max(20),
]);

export const factsShape = {
  /** A name or reference for the person; no clause reads it. */
  ref: z.string().max(200).optional(),
  /** 户籍 */
  hukou: z.enum(HUKOU),
  /** 有效的残疾人证 */
  certificate: z.enum(CERTIFICATE),
  /** 残疾类别 */
  category: z.enum(CATEGORY),
  /** 残疾等级 1–4 */
  grade: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal('unknown')]),
  /** 低保 / 低保边缘 / neither */
  household: z.enum(HOUSEHOLD),
  /** 特困人员供养 */
  tekun: tri,
  /** 工伤保险生活护理费 */
  workInjuryCareFee: tri,
  /** 在监狱服刑 (sentenced to fixed-term imprisonment or more) */
  inPrison: tri,
  /** 孤儿基本生活保障 */
  orphanGuarantee: tri,
  /** 机构集中养育 */
  orphanInInstitution: tri,
  /** the child-welfare institution is already funded for care-type subsidies */
  institutionCareFunded: tri,
  /** 福利性生活补贴（津贴）/伤残抚恤 of the living type, 元/月 */
  welfareLivingAllowances: allowances,
  /** 福利性护理补贴（津贴） of the care type, 元/月 */
  welfareCareAllowances: allowances,
  /** 居家养老护理补贴, 元/月 */
  homeCareNursingSubsidy: allowances,
  /** 居家养老服务补贴 */
  homeElderlyServiceSubsidy: tri,
  /** 高龄津贴 */
  advancedAgeAllowance: tri,
  /** date the household was newly admitted to 低保 */
  dibaoSince: isoDate.optional(),
  /** date the household was newly admitted to 低保边缘 */
  dibaoEdgeSince: isoDate.optional(),
  /** date the disability certificate was newly issued */
  certifiedOn: isoDate.optional(),
  /** date proactive notice was given */
  noticeGivenOn: isoDate.optional(),
  /** which form of notice (TJ-NOTIFY-3M) */
  noticeForm: z.enum(NOTICE_FORMS).optional(),
  /** date the person applied */
  appliedOn: isoDate.optional(),
  /** free notes; no clause reads them */
  notes: z.string().max(5000).optional(),
};

export const factsSchema = z.strictObject(factsShape);
export type Facts = z.infer<typeof factsSchema>;
export type FactField = keyof Facts;
export type Allowances = z.infer<typeof allowances>;
export type Tri = (typeof TRI)[number];
export type Category = (typeof CATEGORIES)[number];
export type NoticeForm = (typeof NOTICE_FORMS)[number];

export const FACT_FIELDS = Object.keys(factsShape) as FactField[];

/** Fields that no clause reads: they are carried through but never change a result. */
export const UNREAD_FIELDS: readonly FactField[] = ['ref', 'notes'];

/** Facts for someone about whom nothing is known yet: every answer 'unknown'. */
export function unknownFacts(): Facts {
  return {
    hukou: 'unknown',
    certificate: 'unknown',
    category: 'unknown',
    grade: 'unknown',
    household: 'unknown',
    tekun: 'unknown',
    workInjuryCareFee: 'unknown',
    inPrison: 'unknown',
    orphanGuarantee: 'unknown',
    orphanInInstitution: 'unknown',
    institutionCareFunded: 'unknown',
    welfareLivingAllowances: 'unknown',
    welfareCareAllowances: 'unknown',
    homeCareNursingSubsidy: 'unknown',
    homeElderlyServiceSubsidy: 'unknown',
    advancedAgeAllowance: 'unknown',
  };
}
