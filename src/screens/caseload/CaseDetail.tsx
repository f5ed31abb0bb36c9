import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { evaluate } from '../../engine/evaluate';
import { NOTICE_FORMS, type NoticeForm } from '../../facts/schema';
import { todayLocal } from '../../machine/answers';
import { PrintPreview, type PrintKind } from '../../print/Printable';
import { recheck, summariesDiffer, type CaseRecord } from '../../storage/model';
import { session } from '../../storage/session';
import { registerDraft, takeDraft } from '../../storage/presence';
import { loadIntoWizard } from '../../wizard/store';
import { Compare } from './Compare';
import { appliedText, displayName, fieldLabel, hrefView, SHOWN_FIELDS, statusText, valueText, writeText } from './util';
import { MessageLine, type Msg } from '../../caseview/MessageLine';
import { DateField, readDate } from '../../steps/ui/date';
import { useT } from '../../i18n/useT';

/** Text typed into a field but not saved: sealed into the caseload on lock or update, given back after. */
function useDraft(key: string, saved: string): [string, (v: string) => void, boolean] {
  const [restored] = useState(() => takeDraft(key));
  const [text, setText] = useState(restored ?? saved);
  const ref = useRef({ text, saved });
  useEffect(() => {
    ref.current = { text, saved };
  });
  useEffect(() => registerDraft(key, () => (ref.current.text !== ref.current.saved ? ref.current.text : null)), [key]);
  return [text, setText, restored !== undefined && restored !== saved];
}

export function CaseDetail({ c }: { c: CaseRecord }) {
  const { t, i18n } = useTranslation('caseload');
  const id = useId();
  const [notes, setNotes, notesRestored] = useDraft(`notes:${c.id}`, c.notes);
  const [label, setLabel] = useState(c.label ?? '');
  // the version an edit started from: another tab may save this case meanwhile (then the write says so)
  const [base, setBase] = useState<string | null>(null);
  const edit = <V,>(set: (v: V) => void) => (v: V) => {
    if (base === null) setBase(c.updatedAt);
    set(v);
  };
  const [msg, setMsgState] = useState<Msg | null>(notesRestored ? { kind: 'ok', text: t('draftRestored') } : null);
  const [printing, setPrinting] = useState<PrintKind | null>(null);
  const letterButton = useRef<HTMLButtonElement>(null);
  const visitButton = useRef<HTMLButtonElement>(null);
  const [asking, setAsking] = useState(false);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const deleteAsk = useRef<HTMLParagraphElement>(null);
  // the question replaces the button that asked it: focus goes to the question, and back to the button on cancelling
  const askMoved = useRef(false);
  const ask = (on: boolean) => {
    setAsking(on);
    askMoved.current = true;
  };
  useEffect(() => {
    if (!askMoved.current) return;
    askMoved.current = false;
    (asking ? deleteAsk : deleteButton).current?.focus();
  }, [asking]);
  const name = displayName(t, c.facts);
  const today = todayLocal();
  const current = useMemo(() => evaluate(c.facts, { asOf: today }), [c.facts, today]);

  /** Saves; says what happened. The typed text stays on the page whatever happens. */
  const save = async (next: CaseRecord, ok: string): Promise<boolean> => {
    const r = await session.upsertCase(next, base ?? c.updatedAt);
    setMsgState(writeText(t, r) ?? { kind: 'ok', text: ok });
    if (r.ok) setBase(null);
    return r.ok;
  };
  const saveNotes = () => save({ ...c, notes, updatedAt: new Date().toISOString() }, t('detail.saved'));
  const saveLabel = () => {
    const l = label.trim();
    const { label: _old, ...rest } = c;
    return save({ ...rest, ...(l ? { label: l } : {}), updatedAt: new Date().toISOString() }, t('detail.saved'));
  };
  const recheckToday = async () => {
    const next = recheck(c, c.facts, evaluate(c.facts, { asOf: today }));
    await save(next, summariesDiffer(c.check, next.check) ? t('detail.recheckChanged') : t('detail.recheckSame'));
  };
  const openInWizard = () => {
    loadIntoWizard(c.facts, { caseId: c.id, goTo: 'check', kept: c.wizard });
    location.hash = '#/';
  };
  const remove = async () => {
    const r = await session.deleteCase(c.id);
    const m = writeText(t, r);
    if (m) setMsgState(m);
    if (r.ok) location.hash = hrefView({ view: 'cases' });
  };

  return (
    <article aria-labelledby={`${id}-h`}>
      <p>
        <a href={hrefView({ view: 'cases' })}>{t('detail.back')}</a>
      </p>
      <h2 id={`${id}-h`} tabIndex={-1}>
        {name}
      </h2>
      <MessageLine msg={msg} />
      <section aria-labelledby={`${id}-res`}>
        <h3 id={`${id}-res`}>{t('detail.result')}</h3>
        <p>{t('detail.checkedOn', { date: c.check.checkedOn, version: c.check.rulesVersion })}</p>
        <ul>
          <li>
            {t('subsidy.living')}：{statusText(t, c.check, 'living')}
          </li>
          <li>
            {t('subsidy.care')}：{statusText(t, c.check, 'care')}
          </li>
        </ul>
        {c.check.covered && <p>{t('detail.total', { amount: c.check.total })}</p>}
        {c.check.screening?.status === 'likely' && (
          <div className="cl-likely">
            <p>
              <strong>{t('detail.likely', { amount: c.check.screening.total })}</strong>
            </p>
            <p>{t('detail.checklist')}</p>
            <ul>
              {c.check.screening.checklist.map((f) => (
                <li key={f}>{fieldLabel(f, i18n.language)}</li>
              ))}
            </ul>
          </div>
        )}
        {c.contact && (
          <dl className="cl-facts">
            {c.contact.phone && (
              <div>
                <dt>{t('detail.phone')}</dt>
                <dd>{c.contact.phone}</dd>
              </div>
            )}
            {c.contact.address && (
              <div>
                <dt>{t('detail.address')}</dt>
                <dd>{c.contact.address}</dd>
              </div>
            )}
          </dl>
        )}
        <div className="cl-row">
          <button type="button" onClick={openInWizard}>
            {t('detail.openInWizard')}
          </button>
          <button type="button" className="secondary" onClick={() => void recheckToday()}>
            {t('detail.recheckToday')}
          </button>
        </div>
      </section>
      {c.previous && summariesDiffer(c.previous, c.check) && <Compare before={c.previous} after={c.check} />}

      <section aria-labelledby={`${id}-notice`}>
        <h3 id={`${id}-notice`}>{t('detail.notice')}</h3>
        {c.check.notice?.triggers.length ? (
          <ul>
            {c.check.notice.triggers.map((x) => (
              <li key={x.trigger}>
                {t('detail.triggerLine', { trigger: t(`trigger.${x.trigger}`), date: x.date, last: x.lastOnTimeDay })}
                {!x.holidayAdjusted && t('detail.notAdjusted')}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('detail.noTrigger')}</p>
        )}
        <p>{c.facts.noticeGivenOn && c.facts.noticeForm ? t('detail.given', { date: c.facts.noticeGivenOn, form: t(`form.${c.facts.noticeForm}`) }) : null}</p>
        <p>{appliedText(t, c.facts.appliedOn, c.wizard?.applied)}</p>
        <RecordNotice c={c} onDone={setMsgState} />
      </section>

      <section aria-labelledby={`${id}-notes`}>
        <h3 id={`${id}-notes`}>{t('detail.notes')}</h3>
        <div className="cl-field">
          <label htmlFor={`${id}-notes-text`}>{t('detail.notes')}</label>
          <textarea id={`${id}-notes-text`} rows={4} value={notes} maxLength={20_000} onChange={(e) => edit(setNotes)(e.target.value)} />
        </div>
        <button type="button" onClick={() => void saveNotes()}>
          {t('detail.saveNotes')}
        </button>
        <div className="cl-field">
          <label htmlFor={`${id}-label`}>{t('detail.label')}</label>
          <input id={`${id}-label`} type="text" value={label} maxLength={40} autoComplete="off" onChange={(e) => edit(setLabel)(e.target.value)} />
        </div>
        <button type="button" className="secondary" onClick={() => void saveLabel()}>
          {t('detail.saveLabel')}
        </button>
      </section>

      <section aria-labelledby={`${id}-ans`}>
        <h3 id={`${id}-ans`}>{t('detail.answers')}</h3>
        <dl className="cl-facts">
          {SHOWN_FIELDS.filter((f) => c.facts[f] !== undefined).map((f) => (
            <div key={f}>
              <dt>{fieldLabel(f, i18n.language)}</dt>
              <dd>{valueText(t, f, c.facts)}</dd>
            </div>
          ))}
        </dl>
      </section>

      <div className="cl-row no-print">
        <button type="button" className="secondary" ref={letterButton} onClick={() => setPrinting('letter')}>
          {t('detail.printLetter')}
        </button>
        <button type="button" className="secondary" ref={visitButton} onClick={() => setPrinting('visit')}>
          {t('detail.printVisit')}
        </button>
      </div>
      {printing && <PrintPreview kind={printing} facts={c.facts} applied={c.wizard?.applied} result={current} notes={c.notes} onClose={() => setPrinting(null)} opener={printing === 'letter' ? letterButton : visitButton} />}

      <section className="cl-danger no-print" aria-labelledby={`${id}-del`}>
        <h3 id={`${id}-del`}>{t('detail.delete')}</h3>
        {asking ? (
          <>
            <p ref={deleteAsk} tabIndex={-1}>
              {t('detail.deleteAsk', { name })}
            </p>
            <div className="cl-row">
              <button type="button" className="cl-btn-danger" onClick={() => void remove()}>
                {t('detail.deleteConfirm')}
              </button>
              <button type="button" className="secondary" onClick={() => ask(false)}>
                {t('detail.cancel')}
              </button>
            </div>
          </>
        ) : (
          <button type="button" className="secondary" ref={deleteButton} onClick={() => ask(true)}>
            {t('detail.delete')}
          </button>
        )}
      </section>
    </article>
  );
}

/** Notice given (date + one of the five forms of TJ-NOTIFY-3M) and application date: facts fields, so the case is re-evaluated. */
export function RecordNotice({ c, onDone }: { c: CaseRecord; onDone: (msg: Msg) => void }) {
  const { t } = useTranslation('caseload');
  const { t: tt } = useT();
  const id = useId();
  const today = todayLocal();
  const [given, setGiven] = useState(c.facts.noticeGivenOn ?? today);
  const [form, setForm] = useState<NoticeForm | ''>(c.facts.noticeForm ?? '');
  const [applied, setApplied] = useState(c.facts.appliedOn ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const f = { given: `${id}-given`, form: `${id}-form`, applied: `${id}-applied` };

  const save = async (facts: CaseRecord['facts']) => {
    const next = recheck(c, facts, evaluate(facts, { asOf: today }));
    onDone(writeText(t, await session.upsertCase(next, c.updatedAt)) ?? { kind: 'ok', text: t('detail.saved') });
  };
  /** Shows the errors, announces them (role="alert") and moves focus to the first field in error. */
  const showErrors = (errs: Record<string, string>): boolean => {
    setErrors(errs);
    const first = Object.keys(errs)[0];
    if (first) window.setTimeout(() => document.getElementById(first)?.focus(), 0);
    return first !== undefined;
  };
  /** The typed date as ISO, or its error (what is wrong with it, in words) put into `errs`. */
  const readInto = (errs: Record<string, string>, key: string, text: string): string | null => {
    const r = readDate(tt, text, today, t('detail.recordErrors.dateEmpty'));
    if ('iso' in r) return r.iso;
    errs[key] = r.error;
    return null;
  };
  const submitNotice = async (e: FormEvent) => {
    e.preventDefault();
    const errs: Record<string, string> = {};
    const iso = readInto(errs, f.given, given);
    if (!form) errs[f.form] = t('detail.recordErrors.form');
    if (showErrors(errs) || !iso) return;
    setGiven(iso);
    await save({ ...c.facts, noticeGivenOn: iso, noticeForm: form as NoticeForm });
  };
  const submitApplied = async (e: FormEvent) => {
    e.preventDefault();
    const errs: Record<string, string> = {};
    const iso = readInto(errs, f.applied, applied);
    if (showErrors(errs) || !iso) return;
    setApplied(iso);
    await save({ ...c.facts, appliedOn: iso });
  };
  const err = (k: string) =>
    errors[k] ? (
      <p id={`${k}-err`} className="cl-error">
        {errors[k]}
      </p>
    ) : null;
  const a11y = (k: string) => ({ 'aria-invalid': !!errors[k], 'aria-describedby': errors[k] ? `${k}-err` : undefined });
  return (
    <div className="cl-record">
      <h4>{t('detail.recordTitle')}</h4>
      <p role="alert" className="visually-hidden">
        {Object.values(errors).join(' ')}
      </p>
      <form onSubmit={(e) => void submitNotice(e)} noValidate className="cl-inline-form">
        <DateField id={f.given} group="cl-field" label={t('detail.noticeDate')} value={given} onChange={setGiven} error={errors[f.given]} />
        <div className="cl-field">
          <label htmlFor={f.form}>{t('detail.noticeForm')}</label>
          {err(f.form)}
          <select id={f.form} value={form} onChange={(e) => setForm(e.target.value as NoticeForm | '')} {...a11y(f.form)}>
            <option value="">{t('detail.chooseForm')}</option>
            {NOTICE_FORMS.map((k) => (
              <option key={k} value={k}>
                {t(`form.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t('detail.recordNotice')}</button>
      </form>
      <form onSubmit={(e) => void submitApplied(e)} noValidate className="cl-inline-form">
        <DateField id={f.applied} group="cl-field" label={t('detail.appliedOn')} value={applied} onChange={setApplied} error={errors[f.applied]} />
        <button type="submit">{t('detail.recordApplied')}</button>
      </form>
    </div>
  );
}
