import { useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayLocal } from '../../machine/answers';
import type { CaseRecord } from '../../storage/model';
import { displayName, hrefView, statusText } from './util';

function nextDeadline(c: CaseRecord): string | null {
  const open = (c.check.notice?.triggers ?? []).filter((t) => !(c.facts.noticeGivenOn && c.facts.noticeGivenOn >= t.date) && t.required !== 'no');
  return open.length ? open.map((t) => t.lastOnTimeDay).sort()[0]! : null;
}

/** Rows rendered at a time: a caseload of 10,000 stays quick to show. */
const PAGE = 200;

export function CaseList({ cases }: { cases: readonly CaseRecord[] }) {
  const { t } = useTranslation('caseload');
  const today = todayLocal();
  const [limit, setLimit] = useState(PAGE);
  const [q, setQ] = useState('');
  const query = useDeferredValue(q.trim().toLowerCase());
  const shown = useMemo(() => {
    const sorted = [...cases].sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1));
    if (!query) return sorted;
    return sorted.filter((c) => `${c.facts.ref ?? ''}\n${c.label ?? ''}\n${c.notes}\n${c.id}`.toLowerCase().includes(query));
  }, [cases, query]);
  return (
    <section aria-labelledby="cl-list-title">
      <h2 id="cl-list-title" tabIndex={-1}>{t('list.title')}</h2>
      {cases.length === 0 ? (
        <p>{t('list.empty')}</p>
      ) : (
        <>
          <div className="cl-field">
            <label htmlFor="cl-search">{t('list.search')}</label>
            <input id="cl-search" type="search" value={q} onChange={(e) => setQ(e.target.value)} autoComplete="off" />
          </div>
          <p role="status">{t('list.count', { total: cases.length, shown: shown.length })}</p>
          {shown.length === 0 ? (
            <p>{t('list.noMatch', { q })}</p>
          ) : (
            <div className="cl-table-wrap">
              <table className="cl-table">
                <caption className="visually-hidden">{t('list.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('list.name')}</th>
                    <th scope="col">{t('list.checked')}</th>
                    <th scope="col">{t('list.living')}</th>
                    <th scope="col">{t('list.care')}</th>
                    <th scope="col">{t('list.deadline')}</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.slice(0, limit).map((c) => {
                    const due = nextDeadline(c);
                    const overdue = due !== null && due < today;
                    return (
                      <tr key={c.id} className={overdue ? 'cl-overdue' : undefined}>
                        <th scope="row">
                          <a href={hrefView({ view: 'case', id: c.id })} aria-label={t('list.open', { name: displayName(t, c.facts) })}>
                            {displayName(t, c.facts)}
                          </a>
                          {c.label && <span className="cl-muted"> （{c.label}）</span>}
                        </th>
                        <td>{c.check.checkedOn}</td>
                        <td>{statusText(t, c.check, 'living')}</td>
                        <td>{statusText(t, c.check, 'care')}</td>
                        <td>
                          {due ?? t('list.none')}
                          {overdue && <strong className="cl-overdue-mark"> ⚠ {t('list.overdue')}</strong>}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
              {shown.length > limit && (
                <button type="button" className="secondary" onClick={() => setLimit((n) => n + PAGE)}>
                  {t('list.more', { count: Math.min(PAGE, shown.length - limit) })}
                </button>
              )}
            </div>
          )}
        </>
      )}
    </section>
  );
}
