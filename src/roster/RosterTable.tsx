import type { TFunction } from 'i18next';
import { memo, useDeferredValue, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldName, formatIssue } from '../screening/messages';
import { ROW_KINDS, type Lang, type NoticeBrief, type RowKind, type RowSummary, type SubsidyState } from './protocol';
import type { RowStore } from './store';

export const PAGE_SIZE = 50;

type T = TFunction<'roster'>;

export function subsidyText(t: T, status: SubsidyState | undefined, paid: number | undefined, likely = false): string {
  if (!status) return '—';
  if (status === 'paid') return t('subsidy.paid', { amount: paid ?? 0 });
  // a likely row: what this subsidy pays if every check comes out "no"
  if (likely && status === 'depends' && paid) return t('subsidy.likely', { amount: paid });
  return t(`subsidy.${status}`);
}

export function whyText(t: T, r: RowSummary, lang: Lang): string[] {
  const sep = t('listSep');
  switch (r.kind) {
    case 'error':
      return (r.errors ?? []).map((e) => t('why.error', { column: e.column, text: formatIssue(e, lang) }));
    case 'likely':
      return [t('why.likely', { fields: (r.checklist ?? []).map((f) => fieldName(f, lang)).join(sep) })];
    case 'depends':
      return [t('why.depends', { fields: (r.dependsOn ?? []).map((f) => fieldName(f, lang)).join(sep) })];
    case 'excluded':
      return [t('why.excluded', { clauses: (r.clauses ?? []).join(sep) })];
    case 'notEligible':
      return r.clauses ? [t('why.reasons', { clauses: r.clauses.join(sep) })] : [];
    default:
      return [];
  }
}

export function noticeText(t: T, n: NoticeBrief | undefined): string[] {
  if (!n) return [t('notice.none')];
  const out: string[] = [
    t('notice.line', { trigger: t(`notice.trigger.${n.trigger}`), date: n.date, last: n.lastOnTimeDay }),
    n.required === 'no' ? t('notice.notRequired') : t(`notice.status.${n.status}`),
  ];
  if (n.required === 'unknown') out.push(t('notice.requiredUnknown'));
  if (!n.holidayAdjusted) out.push(t('notice.notAdjusted'));
  return out;
}

interface Props {
  store: RowStore;
  /** the rows to list (indexes into the store), in order */
  indexes: Int32Array;
  page: number;
  label: string;
  onPage: (p: number) => void;
  /** opens a row's detail (with the row's warnings, which the detail lists) */
  onDetail: (row: number, warnings?: readonly string[]) => void;
  /** row numbers chosen to add to the caseload, and those added while this page was open */
  chosen: ReadonlySet<number>;
  added: ReadonlySet<number>;
  onChoose: (row: number, on: boolean) => void;
}

/** Words the same on every row (column names, each kind's icon and name), made once per language rather than once per cell. */
function wordsOf(t: T) {
  return {
    col: {
      choose: t('choose.col'),
      row: t('col.row'),
      ref: t('col.ref'),
      kind: t('col.kind'),
      total: t('col.total'),
      why: t('col.why'),
      living: t('col.living'),
      care: t('col.care'),
      notice: t('col.notice'),
      detail: t('col.detail'),
    },
    chooseError: t('choose.error'),
    added: t('choose.added'),
    kindIcon: Object.fromEntries(ROW_KINDS.map((k) => [k, t(`kindIcon.${k}`)])) as Record<RowKind, string>,
    kindOne: Object.fromEntries(ROW_KINDS.map((k) => [k, t(`kindOne.${k}`)])) as Record<RowKind, string>,
  };
}

interface RowProps {
  r: RowSummary;
  t: T;
  lang: Lang;
  words: ReturnType<typeof wordsOf>;
  chosen: boolean;
  added: boolean;
  onChoose: (row: number, on: boolean) => void;
  onDetail: (row: number, warnings?: readonly string[]) => void;
}

/**
 * One screened row. A component of its own, so that React can yield to the browser between rows
 * while it renders a page in the background, and re-renders only the row whose choice changed.
 */
const RosterRow = memo(function RosterRow({ r, t, lang, words, chosen, added, onChoose, onDetail }: RowProps) {
  const { col } = words;
  return (
    <tr className={`roster-kind-${r.kind}`}>
      <td className="roster-choose-cell" data-label={col.choose}>
        {r.kind === 'error' ? (
          <span className="roster-hint">{words.chooseError}</span>
        ) : (
          <>
            <label className="roster-choose">
              <input type="checkbox" checked={chosen} onChange={(e) => onChoose(r.row, e.target.checked)} />
              <span className="visually-hidden">{r.ref ? t('choose.row', { row: r.row, ref: r.ref }) : t('choose.rowNoRef', { row: r.row })}</span>
            </label>
            {added && (
              <span className="roster-added">
                <span aria-hidden="true">✓ </span>
                {words.added}
              </span>
            )}
          </>
        )}
      </td>
      <th scope="row" data-label={col.row}>
        {r.row}
      </th>
      <td className="roster-ref" data-label={col.ref}>
        {r.ref}
      </td>
      <td className="roster-kind" data-label={col.kind}>
        <span>
          <span aria-hidden="true" className="roster-icon">
            {words.kindIcon[r.kind]}
          </span>{' '}
          {words.kindOne[r.kind]}
        </span>
      </td>
      <td className="roster-total" data-label={col.total}>
        {r.kind === 'error' ? '—' : t('yuan', { amount: r.total })}
      </td>
      <td className="roster-why" data-label={col.why}>
        <div>
          {whyText(t, r, lang).map((line, i) => (
            <div key={i}>{line}</div>
          ))}
          {/* a warning on the row (an ID number's typo, a certificate number that disagrees): a sign and a word, not colour alone */}
          {r.warnings?.map((w, i) => (
            <div key={`w${i}`} className="roster-warning">
              <span aria-hidden="true">⚠ </span>
              {t('why.warning', { text: w })}
            </div>
          ))}
        </div>
      </td>
      <td className="roster-amount" data-label={col.living}>{subsidyText(t, r.living, r.livingPaid, r.kind === 'likely')}</td>
      <td className="roster-amount" data-label={col.care}>{subsidyText(t, r.care, r.carePaid, r.kind === 'likely')}</td>
      <td className="roster-notice" data-label={col.notice}>
        <div>
          {noticeText(t, r.notice).map((line, i) => (
            <div key={i} className={i === 1 && r.notice?.status === 'overdue' && r.notice.required !== 'no' ? 'roster-overdue' : undefined}>
              {line}
            </div>
          ))}
        </div>
      </td>
      <td data-label={col.detail}>
        <button type="button" className="secondary roster-detail-button" data-row={r.row} onClick={() => onDetail(r.row, r.warnings)} aria-label={t('detail.button', { row: r.row })}>
          {col.detail}
        </button>
      </td>
    </tr>
  );
});

/**
 * One page of screened rows as a real table; pages of PAGE_SIZE rows keep 100,000 rows light.
 *
 * The rows are rendered in the background (useDeferredValue: React yields to the browser every few
 * milliseconds): when the results arrive the heading, counts and focus come first, and the table
 * follows a moment later instead of holding the page in one long task; a new filter or page keeps
 * the rows shown until the next ones are ready.
 */
export function RosterTable(props: Props) {
  const view = useMemo(() => ({ indexes: props.indexes, page: props.page, label: props.label }), [props.indexes, props.page, props.label]);
  const shown = useDeferredValue(view, null);
  if (!shown) return null;
  return <RowsTable {...props} {...shown} />;
}

function RowsTable({ store, indexes, page, label, onPage, onDetail, chosen, added, onChoose }: Props) {
  const { t, i18n } = useTranslation('roster');
  const lang = (i18n.language === 'en' ? 'en' : 'zh-CN') as Lang;
  const words = useMemo(() => wordsOf(t), [t]);
  const pages = Math.max(1, Math.ceil(indexes.length / PAGE_SIZE));
  const p = Math.min(page, pages - 1);
  // a new page is read from its top: focus (and the view) moves from the page buttons to the table
  const wrap = useRef<HTMLDivElement>(null);
  const shownPage = useRef(p);
  useEffect(() => {
    if (shownPage.current === p) return;
    shownPage.current = p;
    wrap.current?.focus();
  }, [p]);
  const shown = Array.from(indexes.subarray(p * PAGE_SIZE, (p + 1) * PAGE_SIZE), (i) => store.get(i));
  if (indexes.length === 0) return <p>{t('results.none')}</p>;
  const { col } = words;
  return (
    <>
      <div className="roster-table-wrap" role="region" aria-labelledby="roster-caption" tabIndex={0} ref={wrap}>
        <table className="roster-table">
          <caption id="roster-caption">{t('results.caption', { label, page: p + 1, pages, count: indexes.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{col.choose}</th>
              <th scope="col">{col.row}</th>
              <th scope="col">{col.ref}</th>
              <th scope="col">{col.kind}</th>
              <th scope="col">{col.total}</th>
              <th scope="col">{col.why}</th>
              <th scope="col">{col.living}</th>
              <th scope="col">{col.care}</th>
              <th scope="col">{col.notice}</th>
              <th scope="col">{col.detail}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <RosterRow key={r.row} r={r} t={t} lang={lang} words={words} chosen={chosen.has(r.row)} added={added.has(r.row)} onChoose={onChoose} onDetail={onDetail} />
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 && (
        <nav className="roster-pages" aria-label={t('results.pagination')}>
          <button type="button" className="secondary" disabled={p === 0} onClick={() => onPage(p - 1)}>
            {t('results.prev')}
          </button>
          <span>{t('results.pageOf', { page: p + 1, pages })}</span>
          <button type="button" className="secondary" disabled={p >= pages - 1} onClick={() => onPage(p + 1)}>
            {t('results.next')}
          </button>
        </nav>
      )}
    </>
  );
}
