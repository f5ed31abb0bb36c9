/**
 * The result: the answer first, one plain sentence per subsidy (the amount, or the range while answers
 * are unknown); then one card per subsidy with the reasons in words, the choice of the higher spelled
 * out, what each unknown answer would mean and how to find it out; the clause ids and their text sit
 * behind one 依据 disclosure per card. Next steps only where something may be paid.
 */
import clausesData from '../../../rules/tianjin/clauses.json';
import { evaluate, outcomesByAnswer, payableIf, type OutcomeIf } from '../../engine';
import type { AmountInfo, CoveredResult, Decision, NoticeTrigger, Subsidy, SubsidyResult } from '../../engine/types';
import type { Facts, FactField } from '../../facts/schema';
import { Mixed } from '../../i18n/Mixed';
import { toFacts } from '../../machine/answers';
import { stepForField, type QuestionStep } from '../../machine/steps';
import { ResultActions } from '../ResultActions';
import { BackLink, roleOf, type StepProps } from '../../steps/ui/parts';
import { useT, type TFn } from '../../i18n/useT';
import { totalRange } from '../../engine/what-if';
import { basisClauses, mayBePaid, reasonKey } from '../../result/plain';
import { sentence } from '../../result/sentences';
import './result.css';

const CLAUSE_ZH: Record<string, string> = Object.fromEntries((clausesData as { id: string; zh: string }[]).map((c) => [c.id, c.zh]));

const yuan = (t: TFn, n: number) => t('result:yuanPerMonth', { amount: n });
const subsidyName = (t: TFn, s: Subsidy) => t(`result:subsidy.${s}`);
const questionName = (t: TFn, f: FactField) => t(`wizard:${stepForField(f) ?? f}.short`);

/** "if 'household' is 'dibaoEdge'", in words, from the question's short name and its option label. */
function condition(t: TFn, field: FactField, values: unknown): string {
  const step = stepForField(field) ?? field;
  const list = Array.isArray(values) ? values : [values];
  const answer = list.map((v) => t('result:quoted', { text: t(`wizard:${step}.options.${String(v)}`) })).join(t('result:or'));
  return t('result:ifAnswer', { question: t(`wizard:${step}.short`), answer });
}

/** Each clause id with its text, behind one disclosure. */
function Basis({ clauses, id }: { clauses: string[]; id: string }) {
  const { t } = useT();
  if (!clauses.length) return null;
  return (
    <details className="basis" id={id}>
      <summary>{t('result:plain.basis')}</summary>
      <p>{t('result:plain.basisIntro')}</p>
      <ul data-label={`${t('result:plain.basis')}${t('result:colon')}`}>
        {clauses.map((c) => (
          <li key={c}>
            <span className="clause-id">{c}</span> <span lang="zh-CN">{CLAUSE_ZH[c] ?? ''}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}

function PayeeUnknown({ s, send, linked }: { s: SubsidyResult; send: StepProps['send']; linked: ReadonlySet<QuestionStep> }) {
  const { t } = useT();
  const fields = s.payeeDependsOn;
  const list = fields
    .map((f) => t('result:answerIs', { question: questionName(t, f), answer: t('result:quoted', { text: t(`wizard:${stepForField(f) ?? f}.options.yes`) }) }))
    .join(t('result:and'));
  const steps = [...new Set(fields.map(stepForField).filter((x) => x !== null))].filter((x) => !linked.has(x));
  return (
    <>
      {fields.length ? t('result:payeeIf', { condition: t('result:ifAll', { list }) }) : t('result:payee.unknown')}
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

/** Where a standard comes from. `sameAs`: the other card states the same source; paper says so in one line. */
function Amount({ a, sameAs }: { a: AmountInfo; sameAs?: Subsidy }) {
  const { t, lang } = useT();
  const full = (
    <>
      {t('result:source', { source: lang === 'en' ? a.sourceEn : a.source, published: a.publishedIn })}
      {a.fromIsAssumption ? ` ${t('result:fromAssumption', { from: a.from })}` : ''}
    </>
  );
  if (!sameAs) return <p className="source">{full}</p>;
  return (
    <>
      <p className="source screen-only">{full}</p>
      <p className="source print-only">
        <Mixed text={t('result:sourceSameAs', { subsidy: subsidyName(t, sameAs) })} />
      </p>
    </>
  );
}

/** The same source, publication and start date: one statement of it is enough on paper. */
const sameSource = (a: AmountInfo | undefined, b: AmountInfo | undefined) =>
  !!a && !!b && a.source === b.source && a.sourceEn === b.sourceEn && a.publishedIn === b.publishedIn && a.from === b.from && a.fromIsAssumption === b.fromIsAssumption;

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
    .map((w) => t('result:whatIf', { condition: condition(t, w.field, w.values), subsidy: subsidyName(t, s.subsidy), amount: w.monthly }));
}

function Decisions({ s, ds }: { s: Subsidy; ds: Decision[] }) {
  const { t } = useT();
  if (!ds.length) return null;
  return (
    <div className="decisions">
      <h3>{t('result:decisionsTitle')}</h3>
      {ds.map((d) => {
        const other = t(`result:decision.other.${d.field}`);
        const sub = subsidyName(t, s);
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
                  <th scope="row">
                    <Mixed text={sub} />
                  </th>
                  <td>{d.subsidyMonthly === null ? t('result:decision.unknownAmount') : yuan(t, d.subsidyMonthly)}</td>
                </tr>
                <tr>
                  <th scope="row">{other}</th>
                  <td>{d.otherMonthly === null ? t('result:decision.unknownAmount') : yuan(t, d.otherMonthly)}</td>
                </tr>
              </tbody>
            </table>
            <p>
              <strong>
                <Mixed text={t(`result:decision.winner.${d.winner}`, { subsidy: sub, other })} />
              </strong>{' '}
              {t('result:decision.meaning')}
            </p>
          </div>
        );
      })}
    </div>
  );
}

/** `repeated`: the answer box above already says `text` (paper leaves the card's copy off). */
/** The standard a card states its source for (only where it may be paid). */
const shownAmount = (s: SubsidyResult) => (mayBePaid(s) ? (s.amount ?? s.possibleAmounts[0]) : undefined);

function Card({ s, facts, asOf, send, text, repeated, sourceSameAs }: { s: SubsidyResult; facts: Facts; asOf: string; send: StepProps['send']; text: string; repeated: boolean; sourceSameAs?: Subsidy }) {
  const { t } = useT();
  // one link per question on the card: the first field a question asks about carries it
  const linked = new Set<QuestionStep>();
  const unknowns =
    s.status === 'depends'
      ? s.dependsOn
          .map((f) => {
            const step = stepForField(f);
            const link = step !== null && !linked.has(step) ? step : null;
            if (link) linked.add(link);
            return { f, lines: dependsLines(t, outcomesByAnswer(facts, s.subsidy, f, { asOf })), link };
          })
          .filter((d) => d.lines.length > 0 || d.link !== null)
      : [];
  const whatIf = s.status === 'notEligible' ? whatIfLines(t, facts, asOf, s) : [];
  const noCert = s.criteria.some((c) => c.fields.includes('certificate') && c.outcome !== 'met');
  const possible = mayBePaid(s);
  const amount = shownAmount(s);
  return (
    <section className={`card status-${s.status}`} aria-labelledby={`card-${s.subsidy}`}>
      <h2 id={`card-${s.subsidy}`}>
        <Mixed text={subsidyName(t, s.subsidy)} />
      </h2>
      <p className={repeated ? 'status repeats-answer' : 'status'}>
        <span className="icon" aria-hidden="true">
          {t(`result:statusIcon.${s.status}`)}
        </span>{' '}
        <Mixed text={text} />
      </p>
      {possible && (
        <dl className="facts-list">
          {s.amount || s.possibleAmounts.length ? (
            <div>
              <dt>{t('result:amountLabel')}</dt>
              <dd>{s.amount ? yuan(t, s.amount.monthly) : t('result:possibleAmounts', { list: s.possibleAmounts.map((a) => yuan(t, a.monthly)).join(' / ') })}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t('result:payeeLabel')}</dt>
            <dd>{s.payee === 'unknown' ? <PayeeUnknown s={s} send={send} linked={linked} /> : t(`result:payee.${s.payee}`)}</dd>
          </div>
        </dl>
      )}
      {possible && <Decisions s={s.subsidy} ds={s.decisions} />}
      {unknowns.length > 0 && (
        <div className="depends">
          <h3>{t('result:plain.unknownTitle')}</h3>
          {unknowns.map(({ f, lines, link }) => {
            const how = t(`result:plain.howToFind.${f}`, { defaultValue: '' });
            return (
              <div key={f} className="unknown">
                <h4>{questionName(t, f)}</h4>
                {lines.length > 0 && (
                  <ul>
                    {lines.map((l) => (
                      <li key={l}>
                        <Mixed text={l} />
                      </li>
                    ))}
                  </ul>
                )}
                {how && (
                  <p>
                    <Mixed text={how} />
                  </p>
                )}
                {link && (
                  <button type="button" className="link no-print" onClick={() => send({ type: 'CHANGE', step: link })}>
                    {t('result:settle', { question: t(`wizard:${link}.short`) })}
                  </button>
                )}
              </div>
            );
          })}
        </div>
      )}
      {(whatIf.length > 0 || (s.status === 'notEligible' && noCert)) && (
        <div className="what-if">
          <h3>{t('result:whatIfTitle')}</h3>
          {noCert && <p>{t('result:getCertificate')}</p>}
          {whatIf.length > 0 && (
            <ul>
              {whatIf.map((l) => (
                <li key={l}>
                  <Mixed text={l} />
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <details className="criteria">
        <summary>{t('result:plain.whyTitle')}</summary>
        <ul className="criteria-list">
          {s.criteria.map((c, i) => (
            <li key={i} className={`crit-${c.outcome}`}>
              <span className="icon" aria-hidden="true">
                {t(`result:outcomeIcon.${c.outcome}`)}
              </span>{' '}
              <strong>{t(`result:outcome.${c.outcome}`)}</strong>
              {t('result:colon')}
              <Mixed text={t(`result:crit.${reasonKey(c)}`)} />
            </li>
          ))}
        </ul>
      </details>
      {amount && <Amount a={amount} sameAs={sourceSameAs} />}
      <Basis clauses={basisClauses(s)} id={`basis-${s.subsidy}`} />
    </section>
  );
}

function Notice({ r, answers, send }: { r: CoveredResult; answers: StepProps['answers']; send: StepProps['send'] }) {
  const { t } = useT();
  const n = r.notice;
  const appliedUnknown = answers.applied === 'unknown' && n.payFrom.basis === 'ifAppliedNow';
  const missed = n.triggers.filter((x) => x.required !== 'no' && (x.status === 'overdue' || x.status === 'givenLate'));
  const clauses = [...new Set([...(n.periodClause ? [n.periodClause] : []), ...n.triggers.flatMap((x) => x.clauses), ...n.waiverClauses, ...n.payFrom.clauses])];
  const trig = (x: NoticeTrigger) => (
    <li key={x.trigger}>
      <strong>
        <Mixed text={t(`result:trigger.${x.trigger}`, { date: x.date })} />
      </strong>{' '}
      — <Mixed text={t(`result:office.${x.office}`)} />
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
      {n.periodClause && (
        <p>
          <Mixed text={t('result:noticeIntro')} />
        </p>
      )}
      {n.triggers.length ? <ul>{n.triggers.map(trig)}</ul> : <p>{t('result:noTriggers')}</p>}
      {missed.length > 0 && (
        <div className="missed">
          <h3>{t('result:plain.missedTitle')}</h3>
          <p>{t('result:plain.missed', { office: t(`result:plain.missedOffice.${missed[0]!.office}`), who: t(`result:plain.who.${roleOf(answers)}`) })}</p>
        </div>
      )}
      {n.waiver === 'treatedAsWaived' && <p>{t(appliedUnknown ? 'result:waiver.treatedAsWaivedIfNotApplied' : 'result:waiver.treatedAsWaived')}</p>}
      {n.waiver === 'applied' && <p>{t('result:waiver.applied')}</p>}
      {appliedUnknown ? (
        <div className="depends">
          <p>{t('result:payFrom.appliedUnknown', { month: n.payFrom.month })}</p>
          <button type="button" className="link no-print" onClick={() => send({ type: 'CHANGE', step: 'applied' })}>
            {t('result:settle', { question: t('wizard:applied.short') })}
          </button>
        </div>
      ) : (
        <p>{t(`result:payFrom.${n.payFrom.basis}`, { month: n.payFrom.month })}</p>
      )}
      <Basis clauses={clauses} id="basis-notice" />
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
  const subsidies = [r.living, r.care];
  const text = { living: sentence(t, facts, asOf, r.living), care: sentence(t, facts, asOf, r.care) };
  const order = (s: SubsidyResult) => (s.status === 'paid' || s.status === 'otherWins' ? 0 : s.status === 'depends' ? 1 : 2);
  const sorted = [...subsidies].sort((a, b) => order(a) - order(b));
  const elsewhere = facts.hukou === 'other';
  const anyPossible = subsidies.some(mayBePaid);
  const anyDepends = subsidies.some((s) => s.status === 'depends');
  const range = anyDepends ? totalRange(facts, r, { asOf }) : null;
  const bothMay = subsidies.every(mayBePaid);
  return (
    <div className="result">
      <BackLink send={send} />
      <h1 tabIndex={-1}>{t('result:h1')}</h1>
      <div className="answers">
        {elsewhere ? (
          <>
            <p className="answer">{t('result:plain.hukouElsewhere', { who: t(`result:plain.who.${roleOf(answers)}`) })}</p>
            <p>
              <Mixed text={t('result:plain.crossProvince')} />
            </p>
          </>
        ) : (
          sorted.map((s) => (
            <p key={s.subsidy} className="answer">
              <Mixed text={text[s.subsidy]} />
            </p>
          ))
        )}
        {!elsewhere && bothMay && (range && range.max !== range.min ? (
          <p className="total">{t('result:plain.totalRange', range)}</p>
        ) : (
          r.total > 0 && <p className="total">{t('result:plain.total', { amount: r.total })}</p>
        ))}
      </div>
      <p className="estimate">{t('result:estimate')}</p>
      <p className="small">{t('result:asOf', { date: r.asOf, instrument: r.instrument })}</p>
      <div className="cards">
        <Card s={r.living} facts={facts} asOf={asOf} send={send} text={text.living} repeated={!elsewhere} />
        <Card s={r.care} facts={facts} asOf={asOf} send={send} text={text.care} repeated={!elsewhere} sourceSameAs={sameSource(shownAmount(r.living), shownAmount(r.care)) ? 'living' : undefined} />
      </div>
      <div className="after-cards">
        {anyPossible && r.notes.length > 0 && (
          <section aria-labelledby="notes-title">
            <h2 id="notes-title">{t('result:notesTitle')}</h2>
            <ul>
              {r.notes.map((n) => (
                <li key={n.clause}>
                  <Mixed text={t(`result:note.${n.kind}`)} />
                </li>
              ))}
            </ul>
            <Basis clauses={r.notes.map((n) => n.clause)} id="basis-notes" />
          </section>
        )}
        {anyPossible && <Notice r={r} answers={answers} send={send} />}
        {r.apply && (
          <section aria-labelledby="next-title">
            <h2 id="next-title">{t('result:nextTitle')}</h2>
            <p>
              <Mixed text={t('result:next.where')} />
            </p>
            <p>
              <Mixed text={t('result:next.channels')} />
            </p>
            <p>{t('result:next.bringTitle')}</p>
            <ul className="bring">
              {(['bring1', 'bring2', 'bring3', 'bring4'] as const).map((k) => (
                <li key={k}>
                  <Mixed text={t(`result:next.${k}`)} />
                </li>
              ))}
            </ul>
            <p>
              <Mixed text={t('result:next.process')} />
            </p>
            <Basis clauses={r.apply.clauses} id="basis-next" />
          </section>
        )}
        <section aria-labelledby="ask-title">
          <h2 id="ask-title">{t('result:plain.askTitle')}</h2>
          <p>{t('result:plain.ask')}</p>
        </section>
      </div>
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
