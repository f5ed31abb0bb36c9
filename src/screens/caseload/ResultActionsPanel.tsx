/**
 * Bottom of the wizard's result page: print the plain-language sheet for this person (anyone, no
 * passphrase), and — for social workers — save the check as a case, or update the case it was
 * opened from, showing old and new result side by side when they differ.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
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
import { displayName, hrefView, writeText } from './util';
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
  const printButton = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const [notes, setNotes] = useState('');
  const [refInput, setRef] = useState<string | null>(null);
  const [savedId, setSavedId] = useState<string | null>(null);
  const [msg, setMsg] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [label, setLabel] = useState('');
  const [askNew, setAskNew] = useState(false);
  const caseId = useMemo(() => loadSaved()?.caseId, []);
  const known = state.phase === 'unlocked' ? session.getCase(caseId) : undefined;
  // the name typed here, else the one the wizard or the opened case already has
  const ref = refInput ?? facts.ref ?? known?.facts.ref ?? '';

  useEffect(() => {
    if (open) void session.start();
  }, [open]);
  // unlocked here: the unlock button is gone, so focus goes to the first field of the save form
  const lastPhase = useRef(state.phase);
  useEffect(() => {
    const before = lastPhase.current;
    lastPhase.current = state.phase;
    const lost = !document.activeElement || document.activeElement === document.body;
    if (open && lost && before !== 'unlocked' && state.phase === 'unlocked') document.getElementById(`${id}-ref`)?.focus();
  }, [state.phase, open, id]);

  const existing = state.phase === 'unlocked' ? session.getCase(savedId ?? caseId) : undefined;
  const after = summarize(result);
  const changed = existing ? summariesDiffer(existing.check, after) : false;

  const saveNew = async () => {
    // the wizard's own answers go with the facts, so that the case opens again with every answer shown
    const l = label.trim();
    const c = { ...makeCase(withRef(facts, ref), result, notes), wizard: keptAnswers(answers), ...(l ? { label: l } : {}) };
    const r = await session.upsertCase(c);
    const m = writeText(t, r);
    setFailure(m?.kind === 'error' ? m.text : null);
    if (!r.ok) return;
    setSavedId(c.id);
    setMsg(t('actions.saved'));
  };
  const saveExisting = async () => {
    if (!existing) return;
    const l = label.trim();
    const next = { ...recheck(existing, withRef(facts, ref), result), wizard: keptAnswers(answers), ...(l ? { label: l } : {}) };
    const r = await session.upsertCase(notes ? { ...next, notes: existing.notes ? `${existing.notes}\n${notes}` : notes } : next, existing.updatedAt);
    const m = writeText(t, r);
    setFailure(m?.kind === 'error' ? m.text : null);
    if (!r.ok) return;
    setNotes('');
    setSavedId(existing.id);
    setMsg(t('actions.updated'));
  };

  return (
    <div className="result-actions no-print-children">
      <div className="cl-row no-print">
        <button type="button" className="secondary" ref={printButton} onClick={() => setPrinting(true)}>
          {t('actions.print')}
        </button>
      </div>
      {printing && <PrintPreview kind="letter" facts={facts} result={result} onClose={() => setPrinting(false)} opener={printButton} />}
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
            {failure && (
              <p role="alert" className="cl-error">
                {failure}
              </p>
            )}
            {existing && changed && <Compare before={existing.check} after={after} />}
            <div className="cl-field">
              <label htmlFor={`${id}-ref`}>{t('actions.ref')}</label>
              <input id={`${id}-ref`} type="text" value={ref} maxLength={200} autoComplete="off" onChange={(e) => setRef(e.target.value)} />
            </div>
            <div className="cl-field">
              <label htmlFor={`${id}-label`}>{t('actions.label')}</label>
              <input id={`${id}-label`} type="text" value={label} maxLength={40} autoComplete="off" onChange={(e) => setLabel(e.target.value)} />
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
