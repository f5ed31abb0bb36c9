/** Small helpers for the caseload screens: files, sub-routes (the words for a case are in src/caseview/format.ts). */
import { useSyncExternalStore } from 'react';

export { appliedText, displayName, fieldLabel, SHOWN_FIELDS, statusText, valueText } from '../../caseview/format';
export { importErrorText, writeText } from '../../caseview/messages';

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
