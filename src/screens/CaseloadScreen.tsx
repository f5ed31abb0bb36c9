/**
 * Field mode for social workers (#/caseload): an encrypted caseload on the device, the notice
 * tracker, backups and printables. A citizen checking alone never comes here and never needs a
 * passphrase.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { session, useCaseload } from '../storage/session';
import { clearWizard } from '../wizard/store';
import { BackupPanel } from './caseload/BackupPanel';
import { CaseDetail } from './caseload/CaseDetail';
import { CaseList } from './caseload/CaseList';
import { NoticeTracker } from './caseload/NoticeTracker';
import { DestroyAll, SetupForm, UnlockForm } from '../caseview/PassForms';
import { Settings } from './caseload/Settings';
import { hrefView, parseView, useHash, type CaseloadView } from './caseload/util';
import '../caseview/caseload.css';

const TABS = ['cases', 'notices', 'backup', 'settings'] as const;

export default function CaseloadScreen() {
  const { t } = useTranslation('caseload');
  const state = useCaseload();
  const view = parseView(useHash());
  const [note, setNote] = useState<string | null>(null);

  useEffect(() => {
    void session.start();
  }, []);

  const newVisit = () => {
    clearWizard();
    setNote(t('newVisitDone'));
  };

  const current: CaseloadView['view'] = view.view === 'case' ? 'cases' : view.view;
  return (
    <div className="caseload">
      <h1 tabIndex={-1}>{t('title')}</h1>
      <p>{t('intro')}</p>
      <p className="cl-muted">{t('citizenNote')}</p>
      {state.phase === 'loading' && <p role="status">{t('working')}</p>}
      {state.phase === 'unavailable' && <p role="alert">{t('unavailable')}</p>}
      {state.phase === 'none' && <SetupForm />}
      {state.phase === 'locked' && (
        <>
          {state.lockedBy && (
            <p role="status" className="cl-ok">
              {state.lockedBy === 'idle' ? t('lockedIdle') : t('lockedUser')}
            </p>
          )}
          <UnlockForm />
          <details className="cl-box">
            <summary>{t('unlock.forgotTitle')}</summary>
            <p>{t('unlock.forgot')}</p>
            <DestroyAll />
          </details>
        </>
      )}
      {state.phase === 'unlocked' && state.caseload && (
        <>
          <div className="cl-toolbar">
            <button type="button" onClick={() => session.lock('user')}>
              {t('lockNow')}
            </button>
            <button type="button" className="secondary" onClick={newVisit}>
              {t('newVisit')}
            </button>
          </div>
          {note && (
            <p role="status" className="cl-ok">
              {note}
            </p>
          )}
          <nav aria-label={t('tabsLabel')} className="cl-tabs">
            <ul>
              {TABS.map((tab) => (
                <li key={tab}>
                  <a href={hrefView({ view: tab } as CaseloadView)} aria-current={current === tab ? 'page' : undefined}>
                    {t(`tabs.${tab}`)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          {view.view === 'cases' && <CaseList cases={state.caseload.cases} />}
          {view.view === 'case' &&
            (() => {
              const c = state.caseload.cases.find((x) => x.id === view.id);
              return c ? <CaseDetail key={c.id} c={c} /> : <p role="alert">{t('detail.notFound')}</p>;
            })()}
          {view.view === 'notices' && <NoticeTracker cases={state.caseload.cases} />}
          {view.view === 'backup' && <BackupPanel caseload={state.caseload} />}
          {view.view === 'settings' && <Settings />}
        </>
      )}
    </div>
  );
}
