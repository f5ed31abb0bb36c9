/**
 * Field mode for social workers (#/caseload): an encrypted caseload on the device, the notice
 * tracker, backups and printables. A citizen checking alone never comes here and never needs a
 * passphrase.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { onBeforeUpdate } from '../pwa/state';
import { session, useCaseload, type CaseloadState } from '../storage/session';
import { clearWizard } from '../wizard/store';
import { usePageTitle } from '../i18n/usePageTitle';
import { BackupPanel } from './caseload/BackupPanel';
import { CaseDetail } from './caseload/CaseDetail';
import { CaseList } from './caseload/CaseList';
import { NoticeTracker } from './caseload/NoticeTracker';
import { DestroyAll, RestoreBackup, SetupForm, UnlockForm } from '../caseview/PassForms';
import { Settings } from './caseload/Settings';
import { hrefView, parseView, useHash, writeText, type CaseloadView } from './caseload/util';
import '../caseview/caseload.css';

const TABS = ['cases', 'notices', 'backup', 'settings'] as const;

// before an update reloads the page, text typed but not saved is sealed into the caseload
onBeforeUpdate(() => session.saveDrafts());

/** What happened to storage, said where the worker is: failed writes, other tabs, damaged cases, the idle lock. */
export function CaseloadAlerts({ state }: { state: CaseloadState }) {
  const { t } = useTranslation('caseload');
  const err = state.writeError ? writeText(t, { ok: false, error: state.writeError }) : null;
  return (
    <>
      {err && (
        <div className="cl-error-summary" role="alert">
          <p>{err.text}</p>
          <button type="button" className="secondary" onClick={() => session.dismissWriteError()}>
            {t('write.dismiss')}
          </button>
        </div>
      )}
      {state.restored !== null && (
        <p role="status" className="cl-ok">
          {t('unlock.restoreDone', { count: state.restored })}
        </p>
      )}
      {state.fromOtherTab > 0 && (
        <p role="status" className="cl-ok">
          {t('otherTab', { count: state.fromOtherTab })}
        </p>
      )}
      {state.damaged.length > 0 && (
        <p role="alert" className="cl-error">
          {t('damagedCases', { count: state.damaged.length })}
        </p>
      )}
      {state.progress && (
        <p role="status">
          <label>
            {t(`progress.${state.progress.what}`, { done: state.progress.done, total: state.progress.total })}{' '}
            <progress max={state.progress.total} value={state.progress.done} />
          </label>
        </p>
      )}
    </>
  );
}

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
  const root = useRef<HTMLDivElement>(null);
  // Where focus goes when what held it is gone (the lock or unlock button, a deleted case's page, a
  // link to another view): after locking, the unlock form's heading; after unlocking, the page heading;
  // after moving to another view, that view's heading. Focus still on something is left alone. A lock
  // remounts the page (nothing personal stays on screen), so "just locked" is also read from lockedBy.
  const place = `${state.phase}|${view.view}|${view.view === 'case' ? view.id : ''}`;
  const lastPlace = useRef<string | null>(null);
  const lockedBy = state.lockedBy;
  useEffect(() => {
    const before = lastPlace.current;
    lastPlace.current = place;
    if (before === place) return;
    const a = document.activeElement;
    if (a && a !== document.body) return;
    const el = root.current;
    const target =
      state.phase === 'locked' && (before !== null || lockedBy)
        ? el?.querySelector<HTMLElement>('.cl-unlock h2')
        : state.phase === 'unlocked' && before !== null && !before.startsWith('unlocked|')
          ? el?.querySelector<HTMLElement>('h1')
          : state.phase === 'unlocked' && before !== null
            ? el?.querySelector<HTMLElement>('.cl-view h2')
            : null;
    target?.focus();
  }, [place, state.phase, lockedBy]);
  const phaseTitle = state.phase === 'none' ? t('setup.title') : state.phase === 'locked' ? t('unlock.title') : state.phase === 'unlocked' ? t(`tabs.${current}`) : null;
  usePageTitle(phaseTitle ? `${phaseTitle} - ${t('title')}` : t('title'));
  return (
    <div className="caseload" ref={root}>
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
              {state.lockedBy === 'idle' ? t('lockedIdle') : state.lockedBy === 'elsewhere' ? t('lockedElsewhere') : t('lockedUser')}
            </p>
          )}
          {state.draftsLost && (
            <p role="alert" className="cl-error">
              {t('draftsLost')}
            </p>
          )}
          <CaseloadAlerts state={state} />
          <div className="cl-unlock">
            <UnlockForm />
          </div>
          <details className="cl-box">
            <summary>{t('unlock.forgotTitle')}</summary>
            <p>{t('unlock.forgot')}</p>
            <RestoreBackup />
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
          <CaseloadAlerts state={state} />
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
          <div className="cl-view">
            {view.view === 'cases' && <CaseList cases={state.caseload.cases} />}
            {view.view === 'case' &&
              (() => {
                const c = session.getCase(view.id);
                return c ? <CaseDetail key={c.id} c={c} /> : <p role="alert">{t('detail.notFound')}</p>;
              })()}
            {view.view === 'notices' && <NoticeTracker cases={state.caseload.cases} />}
            {view.view === 'backup' && <BackupPanel caseload={state.caseload} progress={state.progress} />}
            {view.view === 'settings' && <Settings />}
          </div>
        </>
      )}
    </div>
  );
}
