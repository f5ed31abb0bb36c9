/**
 * The roster page's "add the chosen rows to the caseload" block. The rows are re-read by the
 * screening worker (facts and result summary, as a row's detail is) and saved through the caseload
 * session like the wizard's "save as case". A locked or not-yet-set-up caseload is unlocked or set
 * up right here, so the screened list and the choice stay on the page; the add then goes on.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_CASES } from '../storage/model';
import { session, useCaseload } from '../storage/session';
import { SetupForm, UnlockForm } from '../caseview/PassForms';
import { hrefView } from '../caseview/routes';
import '../caseview/caseload.css';
import type { CaseRow } from './protocol';
import { planAdd, type AddPlan, type GoodRow } from './toCase';

/** rows asked of the worker per message */
const SLICE = 1000;
/** rows named in a message; the rest are counted */
const LISTED = 20;

interface Props {
  /** the screened file's name, recorded in each case */
  file: string;
  chosenCount: number;
  /** rows shown by the current filter that can be chosen, and those with errors */
  shownChoosable: number;
  shownErrors: number;
  chosenRows: () => number[];
  fetchRows: (rows: number[]) => Promise<CaseRow[]>;
  onChooseShown: () => void;
  onClear: () => void;
  /** rows now in the caseload (added now or before): the page marks them and drops them from the choice */
  onAdded: (rows: number[]) => void;
}

export function AddToCaseload({ file, chosenCount, shownChoosable, shownErrors, chosenRows, fetchRows, onChooseShown, onClear, onAdded }: Props) {
  const { t } = useTranslation('roster');
  const id = useId();
  const state = useCaseload();
  const [busy, setBusy] = useState(false);
  const [pending, setPending] = useState(false);
  const [msg, setMsg] = useState<string[]>([]);
  const [addedAny, setAddedAny] = useState(false);
  const [showForm, setShowForm] = useState(false);
  /** times "add" was pressed while the caseload was not open: each moves focus to its passphrase field */
  const [asked, setAsked] = useState(0);
  const formRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    void session.start();
  }, []);

  /** the rows named one by one, up to LISTED of them */
  const rowList = (rows: { row: number; ref?: string }[]) => {
    const named = rows.slice(0, LISTED).map((r) => (r.ref ? t('add.rowRef', { row: r.row, ref: r.ref }) : t('add.rowNoRef', { row: r.row }))).join(t('listSep'));
    return rows.length > LISTED ? t('add.andMore', { rows: named, count: rows.length - LISTED }) : named;
  };

  const report = (plan: AddPlan): string[] => {
    const out: string[] = [t('add.done', { count: plan.add.length })];
    if (plan.already.length) out.push(t('add.already', { count: plan.already.length, rows: rowList(plan.already) }));
    if (plan.failed.length) out.push(t('add.failed', { count: plan.failed.length, rows: rowList(plan.failed) }));
    if (plan.overLimit.length) out.push(t('add.overLimit', { count: plan.overLimit.length, max: MAX_CASES }));
    return out;
  };

  const add = async () => {
    const rows = chosenRows();
    if (rows.length === 0) {
      setMsg([t('add.noneChosen')]);
      return;
    }
    if (session.state.phase !== 'unlocked') {
      setPending(true);
      const p = session.state.phase;
      setMsg([p === 'locked' ? t('add.unlockFirst', { count: rows.length }) : p === 'none' ? t('add.setupFirst', { count: rows.length }) : p === 'unavailable' ? t('add.unavailable') : t('add.loading')]);
      setAsked((n) => n + 1);
      return;
    }
    setPending(false);
    setBusy(true);
    setMsg([t('add.working', { count: rows.length })]);
    try {
      const got: CaseRow[] = [];
      for (let i = 0; i < rows.length; i += SLICE) for (const r of await fetchRows(rows.slice(i, i + SLICE))) got.push(r);
      const note = (r: GoodRow) => t('add.note', { file, row: r.row, asOf: r.check.checkedOn, version: r.check.rulesVersion });
      let plan: AddPlan | null = null;
      await session.update((cl) => {
        const p = planAdd(cl.cases, got, file, note);
        plan = p;
        return p.add.length ? { ...cl, cases: [...cl.cases, ...p.add] } : cl;
      });
      const done = plan as AddPlan | null;
      if (!done) throw new Error('locked');
      setMsg(report(done));
      if (done.add.length) setAddedAny(true);
      onAdded([...done.add.map((c) => c.source!.row), ...done.already.map((a) => a.row)]);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      setMsg([message === 'locked' ? t('add.lockedDuring') : t('add.error', { message })]);
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    if (asked || showForm) formRef.current?.querySelector<HTMLInputElement>('input[type=password]')?.focus();
  }, [asked, showForm]);

  // the password form goes once the caseload opens: focus, which was in it, moves to this section's heading
  const headingRef = useRef<HTMLHeadingElement>(null);
  const phaseBefore = useRef(state.phase);
  useEffect(() => {
    const was = phaseBefore.current;
    phaseBefore.current = state.phase;
    if (was !== 'unlocked' && state.phase === 'unlocked' && (!document.activeElement || document.activeElement === document.body)) headingRef.current?.focus();
  }, [state.phase]);

  // "add" was pressed while the caseload was locked or not set up: go on once it is open
  const addRef = useRef(add);
  useEffect(() => {
    addRef.current = add;
  });
  useEffect(() => {
    if (pending && state.phase === 'unlocked') void addRef.current();
  }, [pending, state.phase]);

  return (
    <section className="roster-add" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`} ref={headingRef} tabIndex={-1}>
        {t('add.title')}
      </h3>
      <p>{t('add.intro')}</p>
      <p>
        <strong>{t('add.chosen', { count: chosenCount })}</strong>
      </p>
      {shownErrors > 0 && <p className="roster-hint">{t('add.chooseShownErrors', { count: shownErrors })}</p>}
      <div className="roster-actions">
        {shownChoosable > 0 && (
          <button type="button" className="secondary" onClick={onChooseShown}>
            {t('add.chooseShown', { count: shownChoosable })}
          </button>
        )}
        {chosenCount > 0 && (
          <button type="button" className="secondary" onClick={onClear}>
            {t('add.clear')}
          </button>
        )}
        <button type="button" disabled={busy} onClick={() => void add()}>
          {t('add.button', { count: chosenCount })}
        </button>
      </div>
      <div role="status" aria-live="polite" className="roster-add-status">
        {msg.length > 0 && (
          <div className="roster-add-result">
            {msg.map((m, i) => (
              <p key={i}>{m}</p>
            ))}
            {addedAny && (
              <p>
                <a href={hrefView({ view: 'cases' })}>{t('add.open')}</a> {t('results.leaveNote')}
              </p>
            )}
          </div>
        )}
      </div>
      {(state.phase === 'locked' || state.phase === 'none') && (
        <div ref={formRef}>
          <p>{state.phase === 'locked' ? t('add.locked') : t('add.none')}</p>
          {pending || showForm ? (
            state.phase === 'locked' ? (
              <UnlockForm />
            ) : (
              <SetupForm />
            )
          ) : (
            <button type="button" className="secondary" onClick={() => setShowForm(true)}>
              {state.phase === 'locked' ? t('add.unlockHere') : t('add.setupHere')}
            </button>
          )}
        </div>
      )}
      {state.phase === 'unavailable' && <p>{t('add.unavailable')}</p>}
    </section>
  );
}
