/**
 * Said wherever the person is: answers the device would not keep (storage full or blocked), and the
 * caseload's idle-lock warning with "继续使用". Light: no storage code is loaded for it.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { idleWarning } from '../storage/presence';
import { WIZARD_SAVE_FAILED_EVENT } from '../wizard/keys';

export function StorageAlert() {
  const { t } = useTranslation('caseload');
  const [failed, setFailed] = useState<'quota' | 'blocked' | null>(null);
  const idle = useSyncExternalStore(idleWarning.subscribe, idleWarning.get, idleWarning.get);
  useEffect(() => {
    const on = (e: Event) => setFailed((e as CustomEvent<{ reason: 'quota' | 'blocked' | null }>).detail.reason);
    window.addEventListener(WIZARD_SAVE_FAILED_EVENT, on);
    return () => window.removeEventListener(WIZARD_SAVE_FAILED_EVENT, on);
  }, []);
  return (
    <>
      {idle !== null && (
        <div className="idle-warning no-print" role="alertdialog" aria-labelledby="idle-warning-text">
          <p id="idle-warning-text">
            <strong>{t('idle.warning', { count: idle })}</strong>
          </p>
          <button type="button" onClick={() => idleWarning.keep()}>
            {t('idle.keep')}
          </button>
        </div>
      )}
      {failed && (
        <p className="storage-alert no-print" role="alert">
          {t(`wizardStore.${failed}`)}
        </p>
      )}
    </>
  );
}
