/** Small helpers shared by the caseload screens: how values, statuses and names are shown. */
import { useSyncExternalStore } from 'react';
import type { TFunction } from 'i18next';
import type { Facts, FactField, Tri } from '../../facts/schema';
import { fieldName } from '../../screening/messages';
import { SHOWN_FIELDS as REGISTRY_SHOWN } from '../../facts/fields';
import type { CheckSummary } from '../../storage/model';

type T = TFunction<'caseload'>;

export const displayName = (t: T, facts: Facts): string => facts.ref?.trim() || t('noName');

/**
 * What a case says about applying: the date, else what the person answered in the wizard ("not
 * yet", "not sure"), else that nothing is recorded (a case from a roster or saved before the
 * wizard's answers were kept) — never "not yet" when nobody said so.
 */
export function appliedText(t: T, appliedOn: string | null | undefined, answer: Tri | null | undefined): string {
  if (appliedOn) return t('detail.applied', { date: appliedOn });
  if (answer === 'no') return t('detail.notApplied');
  if (answer === 'unknown') return t('detail.appliedUnknown');
  return t('detail.appliedNotRecorded');
}

export function statusText(t: T, s: CheckSummary, which: 'living' | 'care'): string {
  if (!s.covered || !s[which]) return `${t('statusIcon.notCovered')} ${t('status.notCovered')}`;
  const v = s[which]!;
  const base = `${t(`statusIcon.${v.status}`)} ${t(`status.${v.status}`)}`;
  return v.status === 'paid' ? `${base}，${t('amount', { amount: v.paid })}` : base;
}

/** The fields shown on a case page and on the visit summary, in the wizard's order. */
export const SHOWN_FIELDS: readonly FactField[] = REGISTRY_SHOWN;

const VALUE_KEYS = new Set(['yes', 'no', 'unknown', 'tianjin', 'other', 'valid', 'none', 'dibao', 'dibaoEdge', 'neither', 'visual', 'hearing', 'speech', 'physical', 'mental', 'intellectual', 'multiple']);

export function valueText(t: T, field: FactField, facts: Facts): string {
  const v = facts[field];
  if (v === undefined || v === '') return '—';
  if (field === 'grade' && typeof v === 'number') return t('value.grade', { grade: v });
  if (field === 'noticeForm' && typeof v === 'string') return t(`form.${v as 'letter'}`);
  if (Array.isArray(v)) return v.length ? v.map((a) => (a === 'unknown' ? t('value.unknown') : t('value.yuan', { amount: a }))).join(t('value.listSep')) : t('value.none');
  if (typeof v === 'string' && VALUE_KEYS.has(v)) return t(`value.${v as 'yes'}`);
  return String(v);
}

export const fieldLabel = (field: FactField, lang: string): string => fieldName(field, lang === 'en' ? 'en' : 'zh-CN');

/** Saves text as a file on the device (no network: a blob URL). */
export function download(filename: string, text: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

// sub-routes under #/caseload live in src/caseview/routes (the roster page links to them too)
export { hrefView, parseView, type CaseloadView } from '../../caseview/routes';

const subscribeHash = (cb: () => void) => {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
};
export const useHash = (): string => useSyncExternalStore(subscribeHash, () => location.hash, () => '');
