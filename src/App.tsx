import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { setLang } from './i18n';
import { hrefFor, NAV_ROUTES, useRoute } from './route';
import { WizardScreen } from './screens/WizardScreen';
import { UpdateBanner } from './pwa/UpdateBanner';
import { setCareMode, useCareMode } from './careMode';

const RosterScreen = lazy(() => import('./screens/RosterScreen'));
const CaseloadScreen = lazy(() => import('./screens/CaseloadScreen'));
const GlossaryScreen = lazy(() => import('./screens/GlossaryScreen'));
const ColumnsScreen = lazy(() => import('./screens/ColumnsScreen'));

export function App() {
  const { t, i18n } = useTranslation('common');
  const route = useRoute();
  const other = i18n.language === 'en' ? 'zh-CN' : 'en';
  const care = useCareMode();
  return (
    <>
      {/* moves focus only: the address is the page's own (it names the page shown) */}
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t('skipToContent')}
      </a>
      <UpdateBanner />
      <header className="app-header">
        <p className="app-name">{t('appName')}</p>
        <nav aria-label={t('nav.label')}>
          <ul>
            {NAV_ROUTES.map((r) => (
              <li key={r}>
                <a href={hrefFor(r)} aria-current={route === r ? 'page' : undefined}>
                  {t(`nav.${r}`)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <button type="button" className="care-switch" aria-pressed={care} onClick={() => setCareMode(!care)}>
          {t('careMode')}
        </button>
        <button type="button" className="lang-switch" lang={other} aria-label={t('switchToLabel')} onClick={() => setLang(other)}>
          {t('switchTo')}
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<p role="status">{t('loading')}</p>}>
          {route === 'check' && <WizardScreen />}
          {route === 'caseload' && <CaseloadScreen />}
          {route === 'roster' && <RosterScreen />}
          {route === 'glossary' && <GlossaryScreen />}
          {route === 'columns' && <ColumnsScreen />}
        </Suspense>
      </main>
      <footer className="app-footer">
        <p>{t('estimate')}</p>
        <p>{t('privacy')}</p>
      </footer>
    </>
  );
}
