/** Shared pieces of the question pages (GOV.UK patterns): error summary, radios in a fieldset, page frame. */
import { useEffect, useRef, type FormEvent, type ReactNode } from 'react';
import type { Answers } from '../../machine/answers';
import type { WizardEvent } from '../../machine/wizard.machine';
import { useT } from '../../i18n/useT';
import { useProgress } from './progress';
import { WhatIs, type Term } from './terms';

export interface StepProps {
  answers: Answers;
  send: (e: WizardEvent) => void;
  asOf: string;
}

export interface FieldError {
  /** id of the control the summary links to */
  id: string;
  message: string;
}

export const roleOf = (a: Answers) => a.role ?? 'self';

export function ErrorSummary({ errors }: { errors: FieldError[] }) {
  const { t } = useT();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.length) ref.current?.focus();
  }, [errors]);
  if (!errors.length) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} ref={ref}>
      <h2 id="error-summary-title">{t('wizard:errors.summaryTitle')}</h2>
      <ul>
        {errors.map((e) => (
          <li key={e.id}>
            <a
              href={`#${e.id}`}
              onClick={(ev) => {
                ev.preventDefault();
                document.getElementById(e.id)?.focus();
              }}
            >
              {e.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function ErrorMessage({ id, message }: { id: string; message?: string }) {
  const { t } = useT();
  if (!message) return null;
  return (
    <p className="error-message" id={id}>
      <span className="visually-hidden">{t('wizard:errors.summaryTitle')}: </span>
      {message}
    </p>
  );
}

export interface Option {
  value: string;
  label: string;
}

/** Radios in a fieldset whose legend is the question (an h1 when the page asks one thing). */
export function Radios(props: {
  name: string;
  legend: string;
  legendIsH1?: boolean;
  hint?: string;
  options: Option[];
  value: string | undefined;
  onChange: (v: string) => void;
  error?: string;
  /** revealed under an option while it is chosen */
  reveal?: Partial<Record<string, ReactNode>>;
}) {
  const { name, legend, legendIsH1, hint, options, value, onChange, error, reveal } = props;
  const hintId = `${name}-hint`;
  const errId = `${name}-error`;
  return (
    <div className={`form-group${error ? ' has-error' : ''}`}>
      <fieldset aria-describedby={[hint ? hintId : '', error ? errId : ''].filter(Boolean).join(' ') || undefined}>
        <legend className={legendIsH1 ? 'legend-h1' : 'legend-q'}>
          {legendIsH1 ? <h1 tabIndex={-1}>{legend}</h1> : legend}
        </legend>
        {hint && (
          <p className="hint" id={hintId}>
            {hint}
          </p>
        )}
        <ErrorMessage id={errId} message={error} />
        <div className="radios">
          {options.map((o) => (
            <div key={o.value} className="radio-item">
              <div className="radio">
                <input type="radio" id={`${name}-${o.value}`} name={name} value={o.value} checked={value === o.value} onChange={() => onChange(o.value)} />
                <label htmlFor={`${name}-${o.value}`}>{o.label}</label>
              </div>
              {value === o.value && reveal?.[o.value] ? <div className="reveal">{reveal[o.value]}</div> : null}
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

/** The frame of a question page: back link, error summary, the form and its Continue button. */
export function QuestionPage(props: { send: StepProps['send']; errors: FieldError[]; onSubmit: () => void; children: ReactNode; why?: string; terms?: readonly Term[] }) {
  const { t } = useT();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    props.onSubmit();
  };
  const progress = useProgress();
  return (
    <>
      <BackLink send={props.send} />
      {progress && <p className="progress">{t('wizard:progress', { n: progress.n, m: progress.m })}</p>}
      <ErrorSummary errors={props.errors} />
      <form onSubmit={submit} noValidate>
        {props.children}
        {props.terms && <WhatIs terms={props.terms} />}
        {props.why && (
          <p className="why">
            <strong>{t('wizard:whyPrefix')}</strong>
            {props.why}
          </p>
        )}
        <button type="submit">{t('wizard:continue')}</button>
      </form>
    </>
  );
}

export function BackLink({ send }: { send: StepProps['send'] }) {
  const { t } = useT();
  return (
    <p className="back-row no-print">
      <button type="button" className="link back-link" onClick={() => send({ type: 'BACK' })}>
        <span aria-hidden="true">‹ </span>
        {t('wizard:back')}
      </button>
    </p>
  );
}
