import type { Allowances, FactField } from '../facts/schema';
import { QUESTION_STEPS, relevantSteps, STEP_FIELDS, type QuestionStep } from '../machine/steps';
import { BackLink, roleOf, type StepProps } from './ui/parts';
import { useT, type TFn } from '../i18n/useT';

/** The answer to one step, in words. */
export function answerText(t: TFn, step: QuestionStep, p: StepProps): string {
  const a = p.answers;
  const f = a.facts;
  const ctx = { context: roleOf(a) };
  if (!a.done.includes(step)) return t('wizard:check.notAnswered');
  switch (step) {
    case 'exclusions':
    case 'elderly':
      return STEP_FIELDS[step].map((field) => `${t(`wizard:${step}.${field}.q`, ctx)} ${t(`wizard:${step}.options.${String(f[field] ?? 'unknown')}`)}`).join('\n');
    case 'welfareLiving':
    case 'welfareCare':
    case 'homeCareNursing': {
      const v = f[STEP_FIELDS[step][0] as FactField] as Allowances | undefined;
      const tri = v === undefined || v === 'unknown' ? 'unknown' : v.length ? 'yes' : 'no';
      return t(`wizard:${step}.options.${tri}`);
    }
    case 'welfareLivingAmount':
    case 'welfareCareAmount':
    case 'homeCareNursingAmount': {
      const v = f[STEP_FIELDS[step][0] as FactField] as Allowances | undefined;
      const n = Array.isArray(v) ? v.find((x) => typeof x === 'number') : undefined;
      return n === undefined ? t('wizard:amount.notSure') : t('wizard:check.perMonth', { amount: n });
    }
    case 'dibaoSince':
    case 'dibaoEdgeSince':
    case 'certifiedOn':
      return f[step] ?? t('wizard:check.dateNotSure');
    case 'notice': {
      const given = t(`wizard:notice.options.${a.noticeGiven ?? 'unknown'}`);
      if (a.noticeGiven !== 'yes') return given;
      return [given, f.noticeGivenOn, f.noticeForm ? t(`wizard:notice.forms.${f.noticeForm}`) : null].filter(Boolean).join(t('wizard:check.sep'));
    }
    case 'applied': {
      const v = t(`wizard:applied.options.${a.applied ?? 'no'}`);
      return a.applied === 'yes' && f.appliedOn ? `${v}${t('wizard:check.sep')}${f.appliedOn}` : v;
    }
    default: {
      const v = f[STEP_FIELDS[step][0] as FactField];
      return t(`wizard:${step}.options.${String(v ?? 'unknown')}`);
    }
  }
}

export default function CheckStep(p: StepProps) {
  const { t } = useT();
  // every question answered, and any that matter now but are not answered yet
  const relevant = new Set(relevantSteps(p.answers, p.asOf));
  const steps = QUESTION_STEPS.filter((s) => relevant.has(s) || p.answers.done.includes(s));
  const row = (key: string, label: string, value: string, to: QuestionStep | 'start') => (
    <div className="summary-row" key={key}>
      <dt>{label}</dt>
      <dd className="summary-value">{value}</dd>
      <dd className="summary-action">
        <button type="button" className="link" onClick={() => p.send({ type: 'CHANGE', step: to })}>
          {t('wizard:check.change')}
          <span className="visually-hidden"> {label}</span>
        </button>
      </dd>
    </div>
  );
  return (
    <>
      <BackLink send={p.send} />
      <h1 tabIndex={-1}>{t('wizard:check.h1')}</h1>
      <p>{t('wizard:check.intro')}</p>
      <dl className="summary-list">
        {row('role', t('wizard:check.role'), p.answers.role ? t(`wizard:start.role.${p.answers.role}`) : '—', 'start')}
        {steps.map((s) => row(s, t(`wizard:${s}.short`), answerText(t, s, p) + (relevant.has(s) ? '' : `\n${t('wizard:check.notAsked')}`), s))}
      </dl>
      <button type="button" onClick={() => p.send({ type: 'SUBMIT' })}>
        {t('wizard:check.submit')}
      </button>
    </>
  );
}
