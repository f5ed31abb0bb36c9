/**
 * What a caseload write or a backup read did, in words. Shared by the caseload screens and the
 * passphrase forms in src/caseview, so the forms do not import the caseload screens.
 */
import type { TFunction } from 'i18next';
import type { ImportError } from '../storage/backup';
import type { WriteOutcome } from '../storage/vault';

type T = TFunction<'caseload'>;

/**
 * What a write did, in words: null when it simply saved; else a message saying what was and was not
 * saved (a failed write, or a case another tab also changed).
 */
export function writeText(t: T, r: WriteOutcome): { kind: 'ok' | 'error'; text: string } | null {
  if (!r.ok) {
    const e = r.error;
    return { kind: 'error', text: `${t('write.title')}：${e.code === 'failed' ? t('write.failed', { detail: e.detail }) : t(`write.${e.code}`)}` };
  }
  if (r.report.keptStored.length) return { kind: 'error', text: t('write.keptStored') };
  if (r.report.overrodeOther.length) return { kind: 'ok', text: t('write.overrodeOther') };
  return null;
}

/** The words for a backup that could not be read (nothing was changed). */
export function importErrorText(t: T, e: ImportError): string {
  switch (e.code) {
    case 'newerVersion':
      return t('backup.err.newerVersion', { found: e.found });
    case 'iterations':
      return t('backup.err.iterations', { found: e.found });
    case 'invalid':
      return t('backup.err.invalid', { detail: e.detail });
    default:
      return t(`backup.err.${e.code}`);
  }
}
