import { useTranslation } from 'react-i18next';
import { applyUpdate, dismissUpdate, usePwaState } from './state';
import './pwa.css';

/** Shown when a new version is waiting. Nothing reloads until the user says so. */
export function UpdateBanner() {
  const { t } = useTranslation('caseload');
  const { needRefresh } = usePwaState();
  if (!needRefresh) return null;
  return (
    <section className="update-banner no-print" role="region" aria-labelledby="update-banner-title">
      <p id="update-banner-title" role="status">
        <strong>{t('update.title')}</strong> {t('update.body')}
      </p>
      <div className="update-banner-actions">
        <button type="button" onClick={() => void applyUpdate()}>
          {t('update.reload')}
        </button>
        <button type="button" className="secondary" onClick={dismissUpdate}>
          {t('update.later')}
        </button>
      </div>
    </section>
  );
}
