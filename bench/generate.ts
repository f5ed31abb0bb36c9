/** Varied, reproducible facts for the benchmark: every field's values, 'unknown' included, some notice dates. */
import { CATEGORY, CERTIFICATE, HOUSEHOLD, HUKOU, NOTICE_FORMS, TRI, type Facts } from '../src/facts/schema';

/** A small deterministic generator (mulberry32), so every run screens the same people. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

/** Mostly settled answers, as a real roster has, with some 'unknown'. */
function weighted<T>(r: () => number, likely: T, others: readonly T[], pLikely = 0.7): T {
  return r() < pLikely ? likely : pick(r, others);
}

function date(r: () => number): string {
  const y = 2023 + Math.floor(r() * 3);
  const m = 1 + Math.floor(r() * 12);
  const d = 1 + Math.floor(r() * 28);
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function allowances(r: () => number): Facts['welfareLivingAllowances'] {
  const x = r();
  if (x < 0.75) return [];
  if (x < 0.85) return 'unknown';
  if (x < 0.95) return [pick(r, [100, 150, 250, 400])];
  return [pick(r, [100, 300]), 'unknown'];
}

export function generateFacts(r: () => number): Facts {
  const f: Facts = {
    ref: `P${Math.floor(r() * 1e6)}`,
    hukou: weighted(r, 'tianjin', HUKOU, 0.85),
    certificate: weighted(r, 'valid', CERTIFICATE, 0.85),
    category: pick(r, CATEGORY),
    grade: pick(r, [1, 2, 3, 4, 'unknown'] as const),
    household: pick(r, HOUSEHOLD),
    tekun: weighted(r, 'no', TRI, 0.8),
    workInjuryCareFee: weighted(r, 'no', TRI, 0.8),
    inPrison: weighted(r, 'no', TRI, 0.9),
    orphanGuarantee: weighted(r, 'no', TRI, 0.85),
    orphanInInstitution: weighted(r, 'no', TRI, 0.85),
    institutionCareFunded: weighted(r, 'no', TRI, 0.85),
    welfareLivingAllowances: allowances(r),
    welfareCareAllowances: allowances(r),
    homeCareNursingSubsidy: allowances(r),
    homeElderlyServiceSubsidy: pick(r, TRI),
    advancedAgeAllowance: pick(r, TRI),
  };
  // about a third have a notice trigger; some of those were notified, some applied
  if (r() < 0.15) f.dibaoSince = date(r);
  if (r() < 0.05) f.dibaoEdgeSince = date(r);
  if (r() < 0.15) f.certifiedOn = date(r);
  if ((f.dibaoSince || f.certifiedOn) && r() < 0.4) {
    f.noticeGivenOn = date(r);
    f.noticeForm = pick(r, NOTICE_FORMS);
    if (r() < 0.5) f.appliedOn = date(r);
  }
  return f;
}

/** Spreadsheet words as staff type them: Chinese for some columns, the schema's words for others. */
const ZH: Record<string, Record<string, string>> = {
  hukou: { tianjin: '天津', other: '外地', unknown: '不清楚' },
  certificate: { valid: '有', none: '无', unknown: '' },
  category: { visual: '视力', hearing: '听力', speech: '言语', physical: '肢体', mental: '精神', intellectual: '智力', multiple: '多重', unknown: '' },
  grade: { 1: '一级', 2: '二级', 3: '三级', 4: '四级', unknown: '不清楚' },
  household: { dibao: '低保', dibaoEdge: '低保边缘', neither: '无', unknown: '' },
  tri: { yes: '是', no: '否', unknown: '' },
};

export function factsToRow(f: Facts, columns: readonly string[], r: () => number): string[] {
  const zh = r() < 0.5;
  return columns.map((c) => {
    const v = (f as Record<string, unknown>)[c];
    if (v === undefined) return '';
    if (Array.isArray(v)) return v.length ? v.join(';') : zh ? '无' : 'none';
    const s = String(v);
    if (!zh) return s;
    const group = ZH[c] ?? (['yes', 'no', 'unknown'].includes(s) ? ZH.tri : undefined);
    return group?.[s] ?? s;
  });
}
