/** The kinds of question page; each step file picks one and names its fields. */
import { useState } from 'react';
import type { Allowances, Facts, FactField, Tri } from '../../facts/schema';
import { NOTICE_FORMS, TRI } from '../../facts/schema';
import type { QuestionStep } from '../../machine/steps';
import { ErrorMessage, QuestionPage, Radios, roleOf, type FieldError, type StepProps } from './parts';
import { useT, type TFn } from '../../i18n/useT';
import { STEP_TERMS } from './terms';
import { DateField, dateError, isoOf } from './date';

export { readDate, dateError } from './date';

const q = (t: TFn, key: string, p: StepProps) => t(`wizard:${key}.q`, { context: roleOf(p.answers) });
const opts = (t: TFn, step: string, values: readonly (string | number)[]) => values.map((v) => ({ value: String(v), label: t(`wizard:${step}.options.${v}`) }));

/** One question, one set of radios, one fact field. */
export function ChoiceStep(p: StepProps & { step: QuestionStep; field: FactField; values: readonly (string | number)[]; hint?: boolean }) {
  const { t } = useT();
  const current = p.answers.facts[p.field];
  const [value, setValue] = useState<string | undefined>(current === undefined ? undefined : String(current));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const firstId = `${p.field}-${p.values[0]}`;
  const submit = () => {
    if (value === undefined) return setErrors([{ id: firstId, message: t('wizard:errors.choose') }]);
    const typed = p.values.find((v) => String(v) === value);
    p.send({ type: 'NEXT', patch: { facts: { [p.field]: typed } as Partial<Facts> } });
  };
  return (
    <QuestionPage send={p.send} errors={errors} onSubmit={submit} why={t(`wizard:${p.step}.why`)} terms={STEP_TERMS[p.step]}>
      <Radios name={p.field} legend={q(t, p.step, p)} legendIsH1 hint={p.hint ? t(`wizard:${p.step}.hint`) : undefined} options={opts(t, p.step, p.values)} value={value} onChange={setValue} error={errors[0]?.message} />
    </QuestionPage>
  );
}

/** Several yes / no / not sure questions on one page (the three exclusions; the two older-people allowances). */
export function TriGroupStep(p: StepProps & { step: QuestionStep; fields: readonly FactField[] }) {
  const { t } = useT();
  const [values, setValues] = useState<Partial<Record<FactField, string>>>(() =>
    Object.fromEntries(p.fields.map((f) => [f, p.answers.facts[f] as string | undefined]).filter(([, v]) => v !== undefined)),
  );
  const [errors, setErrors] = useState<FieldError[]>([]);
  const submit = () => {
    const missing = p.fields.filter((f) => !values[f]);
    if (missing.length) return setErrors(missing.map((f) => ({ id: `${f}-yes`, message: `${t(`wizard:${p.step}.${f}.q`, { context: roleOf(p.answers) })} ${t('wizard:errors.choose')}` })));
    p.send({ type: 'NEXT', patch: { facts: values as Partial<Facts> } });
  };
  return (
    <QuestionPage send={p.send} errors={errors} onSubmit={submit} why={t(`wizard:${p.step}.why`)} terms={STEP_TERMS[p.step]}>
      <h1 tabIndex={-1}>{t(`wizard:${p.step}.h1`)}</h1>
      {p.fields.map((f) => (
        <Radios
          key={f}
          name={f}
          legend={t(`wizard:${p.step}.${f}.q`, { context: roleOf(p.answers) })}
          options={opts(t, p.step, TRI)}
          value={values[f]}
          onChange={(v) => setValues((s) => ({ ...s, [f]: v }))}
          error={errors.find((e) => e.id === `${f}-yes`) ? t('wizard:errors.choose') : undefined}
        />
      ))}
    </QuestionPage>
  );
}

/** "Do you receive X?" — no gives [], not sure gives 'unknown', yes asks the amount on the next page. */
export function ReceivesStep(p: StepProps & { step: QuestionStep; field: 'welfareLivingAllowances' | 'welfareCareAllowances' | 'homeCareNursingSubsidy' }) {
  const { t } = useT();
  const cur = p.answers.facts[p.field] as Allowances | undefined;
  const initial: Tri | undefined = cur === undefined ? undefined : cur === 'unknown' ? 'unknown' : cur.length ? 'yes' : 'no';
  const [value, setValue] = useState<string | undefined>(initial);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const submit = () => {
    if (!value) return setErrors([{ id: `${p.field}-yes`, message: t('wizard:errors.choose') }]);
    const next: Allowances = value === 'no' ? [] : value === 'unknown' ? 'unknown' : Array.isArray(cur) && cur.length ? cur : ['unknown'];
    p.send({ type: 'NEXT', patch: { facts: { [p.field]: next } } });
  };
  return (
    <QuestionPage send={p.send} errors={errors} onSubmit={submit} why={t(`wizard:${p.step}.why`)} terms={STEP_TERMS[p.step]}>
      <Radios name={p.field} legend={q(t, p.step, p)} legendIsH1 options={opts(t, p.step, TRI)} value={value} onChange={setValue} error={errors[0]?.message} />
    </QuestionPage>
  );
}

/** "How much a month?" in whole yuan, or not sure. */
export function AmountStep(p: StepProps & { step: QuestionStep; field: 'welfareLivingAllowances' | 'welfareCareAllowances' | 'homeCareNursingSubsidy' }) {
  const { t } = useT();
  const cur = p.answers.facts[p.field];
  const first = Array.isArray(cur) ? cur[0] : undefined;
  const [text, setText] = useState(typeof first === 'number' ? String(first) : '');
  const [notSure, setNotSure] = useState(first === 'unknown' && p.answers.done.includes(p.step));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const id = `${p.field}-amount`;
  const submit = () => {
    if (notSure) return p.send({ type: 'NEXT', patch: { facts: { [p.field]: ['unknown'] } } });
    const clean = text.trim().replace(/[,，\s]/g, '').replace(/元$/, '');
    const n = Number(clean);
    if (!/^\d+$/.test(clean) || n < 1 || n > 1_000_000) return setErrors([{ id, message: t('wizard:errors.amount') }]);
    p.send({ type: 'NEXT', patch: { facts: { [p.field]: [n] } } });
  };
  const err = errors[0]?.message;
  return (
    <QuestionPage send={p.send} errors={errors} onSubmit={submit} why={t(`wizard:${p.step}.why`)} terms={STEP_TERMS[p.step]}>
      <div className={`form-group${err ? ' has-error' : ''}`}>
        <h1 tabIndex={-1}>
          <label htmlFor={id}>{q(t, p.step, p)}</label>
        </h1>
        <p className="hint" id={`${id}-hint`}>
          {t('wizard:amount.label')}. {t('wizard:amount.hint')}
        </p>
        <ErrorMessage id={`${id}-error`} message={err} />
        <div className="amount-row">
          <input
            id={id}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            className="input-amount"
            value={text}
            disabled={notSure}
            aria-invalid={err ? true : undefined}
            aria-describedby={`${id}-hint${err ? ` ${id}-error` : ''}`}
            onChange={(e) => setText(e.target.value)}
          />
          <span className="unit">{t('wizard:amount.unit')}</span>
        </div>
        <div className="checkbox">
          <input type="checkbox" id={`${id}-unknown`} checked={notSure} onChange={(e) => setNotSure(e.target.checked)} />
          <label htmlFor={`${id}-unknown`}>{t('wizard:amount.notSure')}</label>
        </div>
      </div>
    </QuestionPage>
  );
}

/** A date question (when did the household enter 低保, when was the certificate issued), or not sure. */
export function DateStep(p: StepProps & { step: QuestionStep; field: 'dibaoSince' | 'dibaoEdgeSince' | 'certifiedOn' }) {
  const { t } = useT();
  const [value, setValue] = useState(p.answers.facts[p.field] ?? '');
  const [notSure, setNotSure] = useState(!p.answers.facts[p.field] && p.answers.done.includes(p.step));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const id = p.field;
  const submit = () => {
    if (notSure) return p.send({ type: 'NEXT', patch: { unset: [p.field] } });
    const e = dateError(t, value, p.asOf);
    if (e) return setErrors([{ id, message: e }]);
    p.send({ type: 'NEXT', patch: { facts: { [p.field]: isoOf(t, value, p.asOf) } } });
  };
  return (
    <QuestionPage send={p.send} errors={errors} onSubmit={submit} why={t(`wizard:${p.step}.why`)} terms={STEP_TERMS[p.step]}>
      <DateField id={id} label={q(t, p.step, p)} labelIsH1 value={value} onChange={setValue} error={errors[0]?.message} disabled={notSure} />
      <div className="checkbox">
        <input type="checkbox" id={`${id}-unknown`} checked={notSure} onChange={(e) => setNotSure(e.target.checked)} />
        <label htmlFor={`${id}-unknown`}>{t('wizard:date.notSure')}</label>
      </div>
    </QuestionPage>
  );
}

/** Was proactive notice given? Yes reveals its date and (optionally) its form. */
export function NoticeStep(p: StepProps) {
  const { t } = useT();
  const [given, setGiven] = useState<string | undefined>(p.answers.noticeGiven);
  const [date, setDate] = useState(p.answers.facts.noticeGivenOn ?? '');
  const [form, setForm] = useState<string | undefined>(p.answers.facts.noticeForm);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const submit = () => {
    if (!given) return setErrors([{ id: 'noticeGiven-yes', message: t('wizard:errors.choose') }]);
    if (given !== 'yes') return p.send({ type: 'NEXT', patch: { noticeGiven: given as Tri, unset: ['noticeGivenOn', 'noticeForm'] } });
    const e = dateError(t, date, p.asOf);
    if (e) return setErrors([{ id: 'noticeGivenOn', message: e }]);
    p.send({
      type: 'NEXT',
      patch: { noticeGiven: 'yes', facts: { noticeGivenOn: isoOf(t, date, p.asOf), ...(form ? { noticeForm: form as Facts['noticeForm'] } : {}) }, unset: form ? [] : ['noticeForm'] },
    });
  };
  const dateErr = errors.find((e) => e.id === 'noticeGivenOn')?.message;
  return (
    <QuestionPage send={p.send} errors={errors} onSubmit={submit} why={t('wizard:notice.why')} terms={STEP_TERMS.notice}>
      <Radios
        name="noticeGiven"
        legend={q(t, 'notice', p)}
        legendIsH1
        options={opts(t, 'notice', TRI)}
        value={given}
        onChange={setGiven}
        error={errors.find((e) => e.id === 'noticeGiven-yes')?.message}
        reveal={{
          yes: (
            <>
              <DateField id="noticeGivenOn" label={t('wizard:notice.dateLabel')} value={date} onChange={setDate} error={dateErr} />
              <Radios
                name="noticeForm"
                legend={t('wizard:notice.formLegend')}
                options={NOTICE_FORMS.map((f) => ({ value: f, label: t(`wizard:notice.forms.${f}`) }))}
                value={form}
                onChange={setForm}
              />
            </>
          ),
        }}
      />
    </QuestionPage>
  );
}

/** Has the person applied? Yes reveals the date of application; no and not sure leave it out (the engine then counts from this month). */
export function AppliedStep(p: StepProps) {
  const { t } = useT();
  const [applied, setApplied] = useState<string | undefined>(p.answers.applied);
  const [date, setDate] = useState(p.answers.facts.appliedOn ?? '');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const submit = () => {
    if (!applied) return setErrors([{ id: 'applied-yes', message: t('wizard:errors.choose') }]);
    if (applied !== 'yes') return p.send({ type: 'NEXT', patch: { applied: applied as Tri, unset: ['appliedOn'] } });
    const e = dateError(t, date, p.asOf);
    if (e) return setErrors([{ id: 'appliedOn', message: e }]);
    p.send({ type: 'NEXT', patch: { applied: 'yes', facts: { appliedOn: isoOf(t, date, p.asOf) } } });
  };
  return (
    <QuestionPage send={p.send} errors={errors} onSubmit={submit} why={t('wizard:applied.why')}>
      <Radios
        name="applied"
        legend={q(t, 'applied', p)}
        legendIsH1
        options={opts(t, 'applied', TRI)}
        value={applied}
        onChange={setApplied}
        error={errors.find((e) => e.id === 'applied-yes')?.message}
        reveal={{
          yes: (
            <DateField id="appliedOn" label={t('wizard:applied.dateLabel')} value={date} onChange={setDate} error={errors.find((e) => e.id === 'appliedOn')?.message} />
          ),
        }}
      />
    </QuestionPage>
  );
}

export { ErrorMessage };
