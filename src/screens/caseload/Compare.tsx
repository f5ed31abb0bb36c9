import { useTranslation } from 'react-i18next';
import type { CheckSummary } from '../../storage/model';
import { statusText } from './util';

function noticeText(s: CheckSummary, t: ReturnType<typeof useTranslation<'caseload'>>['t']): string {
  const tr = s.notice?.triggers ?? [];
  if (!tr.length) return t('list.none');
  return tr.map((x) => `${t(`trigger.${x.trigger}`)} → ${x.lastOnTimeDay}`).join('；');
}

/** Old and new result side by side: each subsidy's status and amount, the total and the notice deadlines. */
export function Compare({ before, after }: { before: CheckSummary; after: CheckSummary }) {
  const { t } = useTranslation('caseload');
  const rows: [string, string, string][] = [
    [t('subsidy.living'), statusText(t, before, 'living'), statusText(t, after, 'living')],
    [t('subsidy.care'), statusText(t, before, 'care'), statusText(t, after, 'care')],
    [t('detail.totalLabel'), t('amount', { amount: before.total }), t('amount', { amount: after.total })],
    [t('detail.noticeRow'), noticeText(before, t), noticeText(after, t)],
  ];
  return (
    <section className="cl-compare" aria-labelledby="cl-compare-title">
      <h3 id="cl-compare-title">{t('detail.compareTitle')}</h3>
      <div className="cl-table-wrap">
        <table className="cl-table">
          <caption className="visually-hidden">{t('detail.compareCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('detail.item')}</th>
              <th scope="col">{t('detail.before', { date: before.checkedOn })}</th>
              <th scope="col">{t('detail.after', { date: after.checkedOn })}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([name, a, b]) => (
              <tr key={name} className={a !== b ? 'cl-changed' : undefined}>
                <th scope="row">
                  {name}
                  {a !== b && <span className="cl-changed-mark" aria-hidden="true"> ●</span>}
                </th>
                <td>{a}</td>
                <td>{b}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
