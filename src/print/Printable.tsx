/**
 * Printables, one A4 page each, made on the device with no network: the notification letter /
 * plain-language sheet (告知书 / 明白纸) and the visit summary. While a preview is open, the body
 * gets `has-printable` and the print style sheet shows only the preview.
 */
import { useEffect, useId, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Result } from '../engine/types';
import type { Facts, Tri } from '../facts/schema';
import { todayLocal } from '../machine/answers';
import { summarize } from '../storage/model';
import { appliedText, displayName, fieldLabel, SHOWN_FIELDS, statusText, valueText } from '../caseview/format';
import { decisionSentence } from '../result/sentences';
import { mainDecision } from '../result/plain';
import { useT } from '../i18n/useT';
import './print.css';

export type PrintKind = 'letter' | 'visit';

export function PrintPreview({
  kind,
  facts,
  applied,
  result,
  notes,
  onClose,
  opener,
}: {
  kind: PrintKind;
  facts: Facts;
  /** what the person answered about applying, when the case kept it */
  applied?: Tri;
  result: Result;
  notes?: string;
  onClose: () => void;
  /** the button that opened the preview: focus goes back to it on closing */
  opener?: RefObject<HTMLElement | null>;
}) {
  const { t } = useTranslation('caseload');
  const id = useId();
  useEffect(() => {
    document.body.classList.add('has-printable');
    document.getElementById(`${id}-title`)?.focus();
    return () => document.body.classList.remove('has-printable');
  }, [id]);
  return (
    <section className="print-preview" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} tabIndex={-1} className="no-print">
        {t('print.preview')}
      </h3>
      <div className="print-toolbar no-print">
        <button type="button" onClick={() => window.print()}>
          {t('print.print')}
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => {
            onClose();
            opener?.current?.focus();
          }}
        >
          {t('print.close')}
        </button>
      </div>
      {kind === 'letter' ? <Letter facts={facts} result={result} /> : <Visit facts={facts} applied={applied} result={result} notes={notes ?? ''} />}
    </section>
  );
}

/** Where one of two allowances must be chosen: both amounts, which to keep, what is given up, the difference. */
function Choices({ result }: { result: Result }) {
  const { t } = useT();
  if (!result.covered) return null;
  const lines = [result.living, result.care].flatMap((s) => {
    const d = mainDecision(s);
    return d && (s.status === 'paid' || s.status === 'otherWins') ? [decisionSentence(t, s, d)] : [];
  });
  if (!lines.length) return null;
  return (
    <>
      {lines.map((l) => (
        <p key={l} className="print-choice">
          {l}
        </p>
      ))}
    </>
  );
}

function Letter({ facts, result }: { facts: Facts; result: Result }) {
  const { t } = useTranslation('caseload');
  const s = summarize(result);
  const name = facts.ref?.trim() || t('print.blank');
  const line = (which: 'living' | 'care') => t('print.yourLine', { subsidy: t(`subsidy.${which}`), status: statusText(t, s, which) });
  const triggers = result.covered ? result.notice.triggers : [];
  return (
    <article className="printable" data-kind="letter">
      <h2>{t('print.letterTitle')}</h2>
      <div className="print-meta">
        <p>{t('print.to', { name })}</p>
        <p>{t('print.date', { date: todayLocal() })}</p>
      </div>
      <h3>{t('print.whatTitle')}</h3>
      <ul>
        <li>{t('print.whatLiving')}</li>
        <li>{t('print.whatCare')}</li>
        <li>{t('print.whatBoth')}</li>
      </ul>
      <h3>{t('print.yourTitle')}</h3>
      <ul>
        <li>{line('living')}</li>
        <li>{line('care')}</li>
      </ul>
      <Choices result={result} />
      {s.covered && s.total > 0 && <p>{t('print.yourTotal', { amount: s.total })}</p>}
      <p className="print-small">{t('print.estimate', { date: result.asOf })}</p>
      <h3>{t('print.howTitle')}</h3>
      <ol>
        <li>{t('print.how1')}</li>
        <li>{t('print.how2')}</li>
        <li>{t('print.how3')}</li>
      </ol>
      <h3>{t('print.deadlineTitle')}</h3>
      {triggers.length ? (
        triggers.map((x) => (
          <p key={x.trigger}>{t('print.deadlineLine', { trigger: t(`trigger.${x.trigger}`), date: x.date, last: x.lastOnTimeDay })}</p>
        ))
      ) : (
        <p>{t('print.noDeadline')}</p>
      )}
      <p className="print-small">{t('print.waiver')}</p>
      <div className="print-lines">
        <p>{t('print.contact')}</p>
        <p>{t('print.givenBy')}</p>
        <p>{t('print.signature')}</p>
      </div>
      <p className="print-small">{t('print.footer')}</p>
    </article>
  );
}

function Visit({ facts, applied, result, notes }: { facts: Facts; applied?: Tri; result: Result; notes: string }) {
  const { t, i18n } = useTranslation('caseload');
  const s = summarize(result);
  const shown = SHOWN_FIELDS.filter((f) => facts[f] !== undefined);
  return (
    <article className="printable" data-kind="visit">
      <h2>{t('print.visitTitle')}</h2>
      <div className="print-meta">
        <p>{t('print.person', { name: displayName(t, facts) })}</p>
        <p>{t('print.visitDate', { date: todayLocal() })}</p>
      </div>
      <h3>{t('print.answersTitle')}</h3>
      <dl className="print-facts">
        {shown.map((f) => (
          <div key={f} className="print-fact">
            <dt>{fieldLabel(f, i18n.language)}</dt>
            <dd>{valueText(t, f, facts)}</dd>
          </div>
        ))}
      </dl>
      <h3>{t('print.resultTitle', { date: s.checkedOn, version: s.rulesVersion })}</h3>
      <ul>
        <li>{t('print.yourLine', { subsidy: t('subsidy.living'), status: statusText(t, s, 'living') })}</li>
        <li>{t('print.yourLine', { subsidy: t('subsidy.care'), status: statusText(t, s, 'care') })}</li>
      </ul>
      <Choices result={result} />
      <h3>{t('print.noticeTitle')}</h3>
      {(s.notice?.triggers ?? []).map((x) => (
        <p key={x.trigger}>{t('detail.triggerLine', { trigger: t(`trigger.${x.trigger}`), date: x.date, last: x.lastOnTimeDay })}</p>
      ))}
      <p>{facts.noticeGivenOn && facts.noticeForm ? t('detail.given', { date: facts.noticeGivenOn, form: t(`form.${facts.noticeForm}`) }) : t('list.none')}</p>
      <p>{appliedText(t, facts.appliedOn, applied)}</p>
      {notes && (
        <>
          <h3>{t('print.notesTitle')}</h3>
          <p className="print-notes">{notes}</p>
        </>
      )}
      <div className="print-lines">
        <p>{t('print.worker')}</p>
      </div>
      <p className="print-small">{t('print.footer')}</p>
    </article>
  );
}
