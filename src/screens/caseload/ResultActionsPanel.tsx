/**
 * Bottom of the wizard's result page: print the plain-language sheet for this person (anyone, no
 * passphrase), and — for social workers — save the check as a case, or update the case it was
 * opened from, showing old and new result side by side when they differ.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Result } from '../../engine/types';
import type { Facts } from '../../facts/schema';
import type { Answers } from '../../machine/answers';
import { PrintPreview } from '../../print/Printable';
import { keptAnswers, makeCase, recheck, summariesDiffer, summarize } from '../../storage/model';
import { session, useCaseload } from '../../storage/session';
import { clearWizard, loadSaved } from '../../wizard/store';
import { Compare } from './Compare';
import { SetupForm, UnlockForm } from '../../caseview/PassForms';
import { displayName, hrefView } from './util';
import '../../caseview/caseload.css';

function withRef(facts: Facts, ref: string): Facts {
  const r = ref.trim();
  const { ref: _old, ...rest } = facts;
  return r ? { ...rest, ref: r } : rest;
}

export function ResultActionsPanel({ facts, result, answers }: { facts: Facts; result: Result; answers: Answers }) {
  const { t } = useTranslation('caseload');
  const id = useId();
  const state = useCaseload();
  const [printing, setPrinting] = useState(false);
  const [open, setOpen] = useState(false);
  const [notes, setNotes] = useState('');
  const [refInput, setRef] = useState<string | null>(null);
  const [savedId, setSavedId] = useState<string | null>(null);
  const [msg, setMsg] = useState<string | null>(null);
  const [askNew, setAskNew] = useState(false);
  const caseId = useMemo(() => loadSaved()?.caseId, []);
  const known = state.phase === 'unlocked' ? session.getCase(caseId) : undefined;
  // the name typed here, else the one the wizard or the opened case already has
  const ref = refInput ?? facts.ref ?? known?.facts.ref ?? '';

  useEffect(() => {
    if (open) void session.start();
  }, [open]);

  const existing = state.phase === 'unlocked' ? session.getCase(savedId ?? caseId) : undefined;
  const after = summarize(result);
  const changed = existing ? summariesDiffer(existing.check, after) : false;

  const saveNew = async () => {
    // the wizard's own answers go with the facts, so that the case opens again with every answer shown
    const c = { ...makeCase(withRef(facts, ref), result, notes), wizard: keptAnswers(answers) };
    await session.upsertCase(c);
    setSavedId(c.id);
    setMsg(t('actions.saved'));
  };
  const saveExisting = async () => {
    if (!existing) return;
    const next = { ...recheck(existing, withRef(facts, ref), result), wizard: keptAnswers(answers) };
    await session.upsertCase(notes ? { ...next, notes: existing.notes ? `${existing.notes}\n${notes}` : notes } : next);
    setNotes('');
    setSavedId(existing.id);
    setMsg(t('actions.updated'));
  };

  return (
    <div className="result-actions no-print-children">
      <div className="cl-row no-print">
        <button type="button" className="secondary" onClick={() => setPrinting(true)}>
          {t('actions.print')}
        </button>
      </div>
      {printing && <PrintPreview kind="letter" facts={facts} result={result} onClose={() => setPrinting(false)} />}
      <details className="cl-box no-print" open={open} onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
        <summary>{t('actions.title')}</summary>
        <p>{t('actions.intro')}</p>
        {open && state.phase === 'none' && (
          <>
            <p>{t('actions.setupFirst')}</p>
            <SetupForm />
          </>
        )}
        {open && state.phase === 'locked' && <UnlockForm intro={t('actions.unlockHere')} />}
        {open && state.phase === 'unavailable' && <p role="alert">{t('unavailable')}</p>}
        {open && state.phase === 'unlocked' && (
          <div>
            {msg && (
              <p role="status" className="cl-ok">
                {msg} {savedId && <a href={hrefView({ view: 'case', id: savedId })}>{t('actions.view')}</a>}
              </p>
            )}
            {existing && changed && <Compare before={existing.check} after={after} />}
            <div className="cl-field">
              <label htmlFor={`${id}-ref`}>{t('actions.ref')}</label>
              <input id={`${id}-ref`} type="text" value={ref} maxLength={200} autoComplete="off" onChange={(e) => setRef(e.target.value)} />
            </div>
            <div className="cl-field">
              <label htmlFor={`${id}-notes`}>{t('actions.notes')}</label>
              <textarea id={`${id}-notes`} rows={3} value={notes} maxLength={20_000} onChange={(e) => setNotes(e.target.value)} />
            </div>
            <div className="cl-row">
              {existing ? (
                <>
                  <button type="button" onClick={() => void saveExisting()}>
                    {t('actions.update', { name: displayName(t, existing.facts) })}
                  </button>
                  {!savedId && (
                    <button type="button" className="secondary" onClick={() => void saveNew()}>
                      {t('actions.saveAsNew')}
                    </button>
                  )}
                </>
              ) : (
                <button type="button" onClick={() => void saveNew()}>
                  {t('actions.save')}
                </button>
              )}
            </div>
            <div className="cl-row">
              {askNew ? (
                <>
                  <p>{t('actions.newVisitAsk')}</p>
                  <button
                    type="button"
                    className="cl-btn-danger"
                    onClick={() => {
                      clearWizard();
                      location.hash = '#/';
                    }}
                  >
                    {t('actions.newVisitConfirm')}
                  </button>
                  <button type="button" className="secondary" onClick={() => setAskNew(false)}>
                    {t('detail.cancel')}
                  </button>
                </>
              ) : (
                <button type="button" className="secondary" onClick={() => setAskNew(true)}>
                  {t('actions.newVisit')}
                </button>
              )}
            </div>
          </div>
        )}
      </details>
    </div>
  );
}
export default ResultActionsPanel;
