import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IDLE_CHOICES, session, storedIdleMinutes } from '../../storage/session';
import { ChangePassphrase, DestroyAll } from '../../caseview/PassForms';

const size = (bytes: number, lang: string) => {
  const units = ['B', 'KB', 'MB', 'GB'];
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v.toLocaleString(lang, { maximumFractionDigits: v < 10 ? 1 : 0 })} ${units[u]}`;
};

/** How much this origin stores and may store (navigator.storage.estimate), when the browser tells. */
function StorageUse() {
  const { t, i18n } = useTranslation('caseload');
  const [est, setEst] = useState<{ usage?: number; quota?: number } | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    const s = typeof navigator !== 'undefined' ? navigator.storage : undefined;
    (s?.estimate ? s.estimate() : Promise.reject(new Error('no estimate'))).then(
      (e) => live && setEst(e),
      () => live && setEst(null),
    );
    return () => {
      live = false;
    };
  }, []);
  if (est === undefined) return null;
  return (
    <section className="cl-box" aria-labelledby="cl-storage-h">
      <h3 id="cl-storage-h">{t('settings.storageTitle')}</h3>
      {est && est.usage !== undefined && est.quota ? (
        <p>
          {t('settings.storageUse', { used: size(est.usage, i18n.language), quota: size(est.quota, i18n.language) })}{' '}
          <meter min={0} max={est.quota} value={est.usage} aria-hidden="true" />
        </p>
      ) : (
        <p>{t('settings.storageUnknown')}</p>
      )}
    </section>
  );
}

export function Settings() {
  const { t } = useTranslation('caseload');
  const id = useId();
  const [minutes, setMinutes] = useState(storedIdleMinutes());
  const [saved, setSaved] = useState(false);
  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} tabIndex={-1}>{t('settings.title')}</h2>
      <div className="cl-field">
        <label htmlFor={`${id}-idle`}>{t('settings.idle')}</label>
        <select
          id={`${id}-idle`}
          value={minutes}
          aria-describedby={`${id}-idle-note`}
          onChange={(e) => {
            const m = Number(e.target.value);
            setMinutes(m);
            session.setIdleMinutes(m);
            setSaved(true);
          }}
        >
          {IDLE_CHOICES.map((m) => (
            <option key={m} value={m}>
              {m === 0 ? t('settings.never') : m >= 60 ? t('settings.hours', { count: m / 60 }) : t('settings.minutes', { count: m })}
            </option>
          ))}
        </select>
        <p id={`${id}-idle-note`} className="cl-muted">
          {t('settings.warnNote')}
        </p>
      </div>
      {minutes === 0 && (
        <p className="cl-warning" role="note">
          <strong aria-hidden="true">⚠ </strong>
          {t('settings.neverWarning')}
        </p>
      )}
      {saved && <p role="status">{t('settings.saved')}</p>}
      <StorageUse />
      <ChangePassphrase />
      <DestroyAll />
    </section>
  );
}
