/** The result: one card per subsidy with its reasons, choices, what it depends on, deadlines and next steps. */
import clausesData from '../../../rules/tianjin/clauses.json';
import { evaluate, outcomesByAnswer, payableIf, type OutcomeIf } from '../../engine';
import type { AmountInfo, CoveredResult, Criterion, Decision, NoticeTrigger, Subsidy, SubsidyResult } from '../../engine/types';
import type { Facts, FactField } from '../../facts/schema';
import { toFacts } from '../../machine/answers';
import { stepForField, type QuestionStep } from '../../machine/steps';
import { ResultActions } from '../ResultActions';
import { BackLink, type StepProps } from '../../steps/ui/parts';
import { useT, type TFn } from '../../steps/ui/useT';
import './result.css';

const CLAUSE_ZH: Record<string, string> = Object.fromEntries((clausesData as { id: string; zh: string }[]).map((c) => [c.id, c.zh]));

const yuan = (t: TFn, n: number) => t('result:yuanPerMonth', { amount: n });

/** "if 'household' is 'dibaoEdge'", in words, from the question's short name and its option label. */
function condition(t: TFn, field: FactField, values: unknown): string {
  const step = stepForField(field) ?? field;
  const list = Array.isArray(values) ? values : [values];
  const answer = list.map((v) => t('result:quoted', { text: t(`wizard:${step}.options.${String(v)}`) })).join(t('result:or'));
  return t('result:ifAnswer', { question: t(`wizard:${step}.short`), answer });
}

/**
 * Who is paid when the answers leave it open: the person, or the other payee if the fields that settle it
 * are all 'yes'. Links to the questions that settle it, except those the card links already (`linked`).
 */
function PayeeUnknown({ s, send, linked }: { s: SubsidyResult; send: StepProps['send']; linked: ReadonlySet<QuestionStep> }) {
  const { t } = useT();
  const fields = s.payeeDependsOn;
  const list = fields
    .map((f) => {
      const step = stepForField(f) ?? f;
      return t('result:answerIs', { question: t(`wizard:${step}.short`), answer: t('result:quoted', { text: t(`wizard:${step}.options.yes`) }) });
    })
    .join(t('result:and'));
  const steps = [...new Set(fields.map(stepForField).filter((x) => x !== null))].filter((x) => !linked.has(x));
  return (
    <>
      {fields.length ? t('result:payeeIf', { condition: t('result:ifAll', { list }) }) : t('result:payee.unknown')}
      {s.payeeClause ? ` (${s.payeeClause})` : ''}
      {steps.map((step) => (
        <span key={step} className="no-print">
          {' '}
          <button type="button" className="link" onClick={() => send({ type: 'CHANGE', step })}>
            {t('result:settle', { question: t(`wizard:${step}.short`) })}
          </button>
        </span>
      ))}
    </>
  );
}

/**
 * A criterion is named by the condition its clause adds: its last field (a scope criterion has one;
 * an exclusion lists the conditions it builds on first, e.g. the institution's funding after the
 * orphan guarantee and the institution).
 */
function critLabel(t: TFn, c: Criterion): string {
  return t(`result:crit.${c.fields[c.fields.length - 1]}`);
}

function Clause({ id }: { id: string }) {
  const { t } = useT();
  return (
    <details className="clause">
      <summary>{t('result:clauseText', { clause: id })}</summary>
      <p lang="zh-CN">{CLAUSE_ZH[id] ?? id}</p>
    </details>
  );
}

function Amount({ a }: { a: AmountInfo }) {
  const { t, lang } = useT();
  return (
    <p className="source">
      {t('result:source', { source: lang === 'en' ? a.sourceEn : a.source, published: a.publishedIn })}
      {a.fromIsAssumption ? ` ${t('result:fromAssumption', { from: a.from })}` : ''}
    </p>
  );
}

/** Outcomes for each answer to one open question, in words: "300 元/月 if …". */
function dependsLines(t: TFn, groups: OutcomeIf[]): string[] {
  return groups.map(({ field, values, outcome }) =>
    t('result:outcomeIf', {
      condition: condition(t, field, values),
      outcome: outcome.kind === 'paid' ? yuan(t, outcome.monthly) : outcome.kind === 'depends' ? t('result:status.depends') : t('result:notPaid'),
    }),
  );
}

/**
 * For a subsidy not paid: each single unmet answer that, changed, would make it payable, and the standard
 * it would pay. Registration and the certificate get their own advice on the card instead.
 */
function whatIfLines(t: TFn, facts: Facts, asOf: string, s: SubsidyResult): string[] {
  return payableIf(facts, s, { asOf })
    .filter((w) => w.field !== 'hukou' && w.field !== 'certificate')
    .map((w) => t('result:whatIf', { condition: condition(t, w.field, w.values), subsidy: t(`result:subsidy.${s.subsidy}`), amount: w.monthly }));
}

function Decisions({ s, ds }: { s: Subsidy; ds: Decision[] }) {
  const { t } = useT();
  if (!ds.length) return null;
  return (
    <div className="decisions">
      <h3>{t('result:decisionsTitle')}</h3>
      {ds.map((d) => {
        const other = t(`result:decision.other.${d.field}`);
        const sub = t(`result:subsidy.${s}`);
        return (
          <div key={d.clause + d.field} className="decision">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('result:decision.option')}</th>
                  <th scope="col">{t('result:decision.monthly')}</th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row">{sub}</th>
                  <td>{d.subsidyMonthly === null ? t('result:decision.unknownAmount') : yuan(t, d.subsidyMonthly)}</td>
                </tr>
                <tr>
                  <th scope="row">{other}</th>
                  <td>{d.otherMonthly === null ? t('result:decision.unknownAmount') : yuan(t, d.otherMonthly)}</td>
                </tr>
              </tbody>
            </table>
            <p>
              <strong>{t(`result:decision.winner.${d.winner}`, { subsidy: sub, other })}</strong> {t('result:decision.meaning')} ({d.clause})
            </p>
            <Clause id={d.clause} />
          </div>
        );
      })}
    </div>
  );
}

function Card({ s, facts, asOf, send }: { s: SubsidyResult; facts: Facts; asOf: string; send: StepProps['send'] }) {
  const { t } = useT();
  // one link per question on the card: the first field a question asks about carries it (a question may
  // ask about several fields), and the payee line links only the questions not linked here
  const linked = new Set<QuestionStep>();
  const depends =
    s.status === 'depends'
      ? s.dependsOn.map((f) => {
          const step = stepForField(f);
          const link = step !== null && !linked.has(step) ? step : null;
          if (link) linked.add(link);
          return { f, lines: dependsLines(t, outcomesByAnswer(facts, s.subsidy, f, { asOf })), link };
        }).filter((d) => d.lines.length > 0 || d.link !== null)
      : [];
  const whatIf = s.status === 'notEligible' ? whatIfLines(t, facts, asOf, s) : [];
  const noCert = s.criteria.some((c) => c.fields.includes('certificate') && c.outcome !== 'met');
  const notTianjin = s.criteria.some((c) => c.fields.includes('hukou') && c.outcome === 'notMet');
  return (
    <section className={`card status-${s.status}`} aria-labelledby={`card-${s.subsidy}`}>
      <h2 id={`card-${s.subsidy}`}>{t(`result:subsidy.${s.subsidy}`)}</h2>
      <p className="status">
        <span className="icon" aria-hidden="true">
          {t(`result:statusIcon.${s.status}`)}
        </span>{' '}
        <strong>{t(`result:status.${s.status}`)}</strong>
        {s.status === 'paid' && <span className="paid"> {t('result:paidLine', { amount: s.paid })}</span>}
      </p>
      <dl className="facts-list">
        <div>
          <dt>{t('result:amountLabel')}</dt>
          <dd>
            {s.amount
              ? yuan(t, s.amount.monthly)
              : t('result:possibleAmounts', { list: s.possibleAmounts.map((a) => yuan(t, a.monthly)).join(' / ') })}
          </dd>
        </div>
        <div>
          <dt>{t('result:tierLabel')}</dt>
          <dd>
            {t(`result:tier.${s.tier}`)} <span className="small tier-note">{t('result:tierNote')}</span>
          </dd>
        </div>
        {s.status !== 'notEligible' && s.status !== 'excluded' && (
          <div>
            <dt>{t('result:payeeLabel')}</dt>
            <dd>
              {s.payee === 'unknown' ? (
                <PayeeUnknown s={s} send={send} linked={linked} />
              ) : (
                <>
                  {t(`result:payee.${s.payee}`)}
                  {s.payeeClause ? ` (${s.payeeClause})` : ''}
                </>
              )}
            </dd>
          </div>
        )}
      </dl>
      {(s.amount ?? s.possibleAmounts[0]) && <Amount a={(s.amount ?? s.possibleAmounts[0])!} />}
      {s.status === 'excluded' && <p>{t('result:excludedWhy', { clause: s.reasons.join(', ') })}</p>}
      {s.status !== 'notEligible' && s.status !== 'excluded' && <Decisions s={s.subsidy} ds={s.decisions} />}
      {depends.length > 0 && (
        <div className="depends">
          <h3>{t('result:dependsTitle')}</h3>
          <p>{t('result:dependsIntro')}</p>
          <ul className="plain">
            {depends.map(({ f, lines, link: step }) => {
              return (
                <li key={f}>
                  {lines.length > 0 && (
                    <ul>
                      {lines.map((l) => (
                        <li key={l}>{l}</li>
                      ))}
                    </ul>
                  )}
                  {step && (
                    <button type="button" className="link no-print" onClick={() => send({ type: 'CHANGE', step })}>
                      {t('result:settle', { question: t(`wizard:${step}.short`) })}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      )}
      {(whatIf.length > 0 || (s.status === 'notEligible' && (noCert || notTianjin))) && (
        <div className="what-if">
          <h3>{t('result:whatIfTitle')}</h3>
          {noCert && <p>{t('result:getCertificate')}</p>}
          {notTianjin && <p>{t('result:hukouOnly')}</p>}
          {whatIf.length > 0 && (
            <ul>
              {whatIf.map((l) => (
                <li key={l}>{l}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div className="criteria">
        <h3>{t('result:criteriaTitle')}</h3>
        <ul className="criteria-list">
          {s.criteria.map((c, i) => (
            <li key={i} className={`crit-${c.outcome}`}>
              <span className="icon" aria-hidden="true">
                {t(`result:outcomeIcon.${c.outcome}`)}
              </span>{' '}
              <strong>{t(`result:outcome.${c.outcome}`)}</strong>
              {t('result:colon')}
              {critLabel(t, c)} <span className="clause-id">({c.clause})</span>
              <Clause id={c.clause} />
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}

function Notice({ r, answers, send }: { r: CoveredResult; answers: StepProps['answers']; send: StepProps['send'] }) {
  const { t } = useT();
  const n = r.notice;
  // "not sure" whether they applied: no date, so the engine counts from this month (as for "not yet");
  // the page says the month depends on when they applied
  const appliedUnknown = answers.applied === 'unknown' && n.payFrom.basis === 'ifAppliedNow';
  const trig = (x: NoticeTrigger) => (
    <li key={x.trigger}>
      <strong>{t(`result:trigger.${x.trigger}`, { date: x.date })}</strong> — {t(`result:office.${x.office}`)}
      <br />
      {t('result:deadline', { date: x.lastOnTimeDay })} <strong>{t(`result:noticeStatus.${x.status}`)}</strong>
      {x.required !== 'yes' && <> {t(`result:noticeRequired.${x.required}`)}</>}
      {x.movedBy > 0 && <> {t('result:holidayMoved', { end: x.periodEnd, days: x.movedBy })}</>}
      {!x.holidayAdjusted && <> {t('result:notHolidayAdjusted')}</>}
      {x.beforeRules && <> {t('result:beforeRules')}</>}
    </li>
  );
  return (
    <section aria-labelledby="notice-title" className="notice">
      <h2 id="notice-title">{t('result:noticeTitle')}</h2>
      {n.periodClause && <p>{t('result:noticeIntro', { clause: n.periodClause })}</p>}
      {n.triggers.length ? <ul>{n.triggers.map(trig)}</ul> : <p>{t('result:noTriggers')}</p>}
      {n.waiver === 'treatedAsWaived' && (
        <p>{t(appliedUnknown ? 'result:waiver.treatedAsWaivedIfNotApplied' : 'result:waiver.treatedAsWaived', { clause: n.waiverClauses[0], reapply: n.waiverClauses[1] })}</p>
      )}
      {n.waiver === 'applied' && <p>{t('result:waiver.applied')}</p>}
      {appliedUnknown ? (
        <div className="depends">
          <p>{t('result:payFrom.appliedUnknown', { month: n.payFrom.month, clause: n.payFrom.clauses.join(', ') })}</p>
          <button type="button" className="link no-print" onClick={() => send({ type: 'CHANGE', step: 'applied' })}>
            {t('result:settle', { question: t('wizard:applied.short') })}
          </button>
        </div>
      ) : (
        <p>{t(`result:payFrom.${n.payFrom.basis}`, { month: n.payFrom.month })}</p>
      )}
    </section>
  );
}

export function ResultPage({ answers, send, asOf }: StepProps) {
  const { t } = useT();
  const facts = toFacts(answers);
  const r = evaluate(facts, { asOf });
  if (!r.covered)
    return (
      <>
        <h1 tabIndex={-1}>{t('result:h1')}</h1>
        <p>{t('result:notCovered', { date: r.coveredFrom })}</p>
      </>
    );
  const anyDepends = r.living.status === 'depends' || r.care.status === 'depends';
  return (
    <div className="result">
      <BackLink send={send} />
      <h1 tabIndex={-1}>{t('result:h1')}</h1>
      <p className="estimate">
        <strong>{t('result:estimate')}</strong>
      </p>
      <p className="total">{t('result:total', { amount: r.total })}</p>
      {anyDepends && <p>{t('result:totalDepends')}</p>}
      <p className="small">{t('result:asOf', { date: r.asOf, instrument: r.instrument })}</p>
      <div className="cards">
        <Card s={r.living} facts={facts} asOf={asOf} send={send} />
        <Card s={r.care} facts={facts} asOf={asOf} send={send} />
      </div>
      <div className="after-cards">
      {r.notes.length > 0 && (
        <section aria-labelledby="notes-title">
          <h2 id="notes-title">{t('result:notesTitle')}</h2>
          <ul>
            {r.notes.map((n) => (
              <li key={n.clause}>{t(`result:note.${n.kind}`, { clause: n.clause })}</li>
            ))}
          </ul>
        </section>
      )}
      <Notice r={r} answers={answers} send={send} />
      <section aria-labelledby="next-title">
        <h2 id="next-title">{t('result:nextTitle')}</h2>
        <p>{t('result:next.where')}</p>
        {r.apply && <p>{t('result:next.channels', { clause: r.apply.clauses.join(', ') })}</p>}
        <p>{t('result:next.bringTitle')}</p>
        <ul className="bring">
          <li>{t('result:next.bring1')}</li>
          <li>{t('result:next.bring2')}</li>
          <li>{t('result:next.bring3')}</li>
          <li>{t('result:next.bring4')}</li>
        </ul>
        <p>{t('result:next.process')}</p>
      </section>
      </div>
      <p className="estimate no-print">
        <strong>{t('result:estimate')}</strong>
      </p>
      <div className="result-buttons no-print">
        <button type="button" onClick={() => window.print()}>
          {t('result:actions.print')}
        </button>
        <button type="button" className="secondary" onClick={() => send({ type: 'BACK' })}>
          {t('result:actions.change')}
        </button>
      </div>
      <ResultActions facts={facts} result={r} answers={answers} />
    </div>
  );
}
