import { Component, lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import i18n from 'i18next';
import { LOCK_EVENT } from './storage/presence';
import { StorageAlert } from './pwa/StorageAlert';
import { setLang } from './i18n';
import { hrefFor, NAV_ROUTES, useRoute } from './route';
import { WizardScreen } from './screens/WizardScreen';
import { UpdateBanner } from './pwa/UpdateBanner';
import { setCareMode, useCareMode } from './careMode';

const RosterScreen = lazy(() => import('./screens/RosterScreen'));
const CaseloadScreen = lazy(() => import('./screens/CaseloadScreen'));
const GlossaryScreen = lazy(() => import('./screens/GlossaryScreen'));
const ColumnsScreen = lazy(() => import('./screens/ColumnsScreen'));

/**
 * A page that throws (e.g. a crafted address) shows a message and a way back instead of a blank app.
 * Saved answers and cases live outside the tree and are not touched.
 */
class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  render() {
    if (!this.state.failed) return this.props.children;
    const t = i18n.getFixedT(null, 'caseload');
    return (
      <section role="alert" className="crash">
        <h1>{t('crash.title')}</h1>
        <p>{t('crash.body')}</p>
        <p>
          <a href="#/" onClick={() => this.setState({ failed: false })}>
            {t('crash.back')}
          </a>
        </p>
      </section>
    );
  }
}

/** Counts caseload locks: the pages remount, so no roster result or visit stays on screen. */
function useLockCount(): number {
  const [n, setN] = useState(0);
  useEffect(() => {
    const on = () => setN((x) => x + 1);
    window.addEventListener(LOCK_EVENT, on);
    return () => window.removeEventListener(LOCK_EVENT, on);
  }, []);
  return n;
}

export function App() {
  const locks = useLockCount();
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
      <StorageAlert />
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
        <ErrorBoundary key={`${route}-${locks}`}>
          <Suspense fallback={<p role="status">{t('loading')}</p>}>
            {route === 'check' && <WizardScreen />}
            {route === 'caseload' && <CaseloadScreen />}
            {route === 'roster' && <RosterScreen />}
            {route === 'glossary' && <GlossaryScreen />}
            {route === 'columns' && <ColumnsScreen />}
          </Suspense>
        </ErrorBoundary>
      </main>
      <footer className="app-footer">
        <p>{t('estimate')}</p>
        <p>{t('privacy')}</p>
      </footer>
    </>
  );
}
