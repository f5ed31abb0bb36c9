/** Small helpers for the caseload screens: files, sub-routes (the words for a case are in src/caseview/format.ts). */
import { useSyncExternalStore } from 'react';
import type { TFunction } from 'i18next';
import type { WriteOutcome } from '../../storage/vault';

export { appliedText, displayName, fieldLabel, SHOWN_FIELDS, statusText, valueText } from '../../caseview/format';

/**
 * What a write did, in words: null when it simply saved; else a message saying what was and was not
 * saved (a failed write, or a case another tab also changed).
 */
export function writeText(t: TFunction<'caseload'>, r: WriteOutcome): { kind: 'ok' | 'error'; text: string } | null {
  if (!r.ok) {
    const e = r.error;
    return { kind: 'error', text: `${t('write.title')}：${e.code === 'failed' ? t('write.failed', { detail: e.detail }) : t(`write.${e.code}`)}` };
  }
  if (r.report.keptStored.length) return { kind: 'error', text: t('write.keptStored') };
  if (r.report.overrodeOther.length) return { kind: 'ok', text: t('write.overrodeOther') };
  return null;
}

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

// ---------------------------------------------------------------- sub-routes under #/caseload

export type CaseloadView = { view: 'cases' } | { view: 'case'; id: string } | { view: 'notices' } | { view: 'backup' } | { view: 'settings' };

export function parseView(hash: string): CaseloadView {
  let parts: string[];
  try {
    parts = hash.replace(/^#\/?/, '').split('/').slice(1).map(decodeURIComponent);
  } catch {
    // a malformed address (e.g. "%E0%A4%A"): no such case
    return { view: 'case', id: '' };
  }
  switch (parts[0]) {
    case 'case':
      return parts[1] !== undefined ? { view: 'case', id: parts[1] } : { view: 'cases' };
    case 'notices':
    case 'backup':
    case 'settings':
      return { view: parts[0] };
    default:
      return { view: 'cases' };
  }
}
export function hrefView(v: CaseloadView): string {
  return v.view === 'cases' ? '#/caseload' : v.view === 'case' ? `#/caseload/case/${encodeURIComponent(v.id)}` : `#/caseload/${v.view}`;
}
const subscribeHash = (cb: () => void) => {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
};
export const useHash = (): string => useSyncExternalStore(subscribeHash, () => location.hash, () => '');
