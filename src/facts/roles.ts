/** Who is answering: the wording of every question follows it (您 / 他（她）/ 该残疾人). */
export const ROLES = ['self', 'carer', 'worker'] as const;
export type Role = (typeof ROLES)[number];
