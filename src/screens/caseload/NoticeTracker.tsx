import { differenceInCalendarDays } from 'date-fns';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toDate } from '../../engine/deadlines';
import { todayLocal } from '../../machine/answers';
import type { CaseRecord } from '../../storage/model';
import { buildIcs } from './ics';
import { GROUPS, groupNotices, noticeItems, type NoticeItem } from './notice';
import { appliedText, download, hrefView } from './util';

export function NoticeTracker({ cases }: { cases: readonly CaseRecord[] }) {
  const { t } = useTranslation('caseload');
  const id = useId();
  const today = todayLocal();
  const groups = useMemo(() => groupNotices(cases, today), [cases, today]);
  const [names, setNames] = useState(false);
  const [alarm, setAlarm] = useState(7);
  const [msg, setMsg] = useState<string | null>(null);
  const total = GROUPS.reduce((n, g) => n + groups[g].length, 0);
  const nameOf = (i: NoticeItem) => i.ref || t('noName');

  const exportIcs = () => {
    const items = noticeItems(cases, today);
    const labels = new Map(cases.map((c) => [c.id, c.label]));
    // the label the worker chose; the name only when they ask for it; never an id shown nowhere
    const label = (i: NoticeItem) => labels.get(i.caseId) || (names && i.ref ? i.ref : t('notices.icsUnlabelled'));
    const ics = buildIcs(
      items,
      {
        calName: t('notices.icsCalName'),
        summary: (i) => t('notices.icsSummary', { name: label(i), trigger: t(`trigger.${i.trigger}`) }),
        description: (i) => t('notices.icsDescription', { trigger: t(`trigger.${i.trigger}`), date: i.triggerDate, last: i.lastOnTimeDay }),
        alarm: (i) => t('notices.icsAlarm', { name: label(i), last: i.lastOnTimeDay }),
      },
      new Date(),
      alarm > 0 ? { alarmDays: alarm } : {},
    );
    download(`notice-deadlines-${today}.ics`, ics, 'text/calendar;charset=utf-8');
    setMsg(t('notices.icsDone', { count: items.filter((i) => i.group !== 'done').length }));
  };

  const when = (i: NoticeItem) => {
    const d = differenceInCalendarDays(toDate(i.lastOnTimeDay), toDate(today));
    return d === 0 ? t('notices.today') : d > 0 ? t('notices.daysLeft', { count: d }) : t('notices.daysOver', { count: -d });
  };

  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} tabIndex={-1}>{t('notices.title')}</h2>
      <p>{t('notices.intro')}</p>
      {total === 0 && <p>{t('notices.empty')}</p>}
      {GROUPS.map((g) =>
        groups[g].length ? (
          <section key={g} className={`cl-group cl-group-${g}`} aria-labelledby={`${id}-${g}`}>
            <h3 id={`${id}-${g}`}>
              {t(`group.${g}`)}（{groups[g].length}）
            </h3>
            <ul className="cl-notices">
              {groups[g].map((i) => (
                <li key={`${i.caseId}-${i.trigger}`} data-group={g}>
                  <p className="cl-notice-head">
                    <a href={hrefView({ view: 'case', id: i.caseId })} aria-label={t('notices.record', { name: nameOf(i) })}>
                      {nameOf(i)}
                    </a>
                    <span>
                      {' '}
                      · {t(`trigger.${i.trigger}`)} {i.triggerDate}
                    </span>
                  </p>
                  <p>
                    <strong>{t('notices.last', { date: i.lastOnTimeDay })}</strong>
                    {g !== 'done' && <> · {when(i)}</>}
                    {!i.holidayAdjusted && t('detail.notAdjusted')}
                  </p>
                  {i.done && <p>{i.done === 'noDuty' ? t('done.noDuty') : `${t(`done.${i.done}`)}：${t('detail.given', { date: i.noticeGivenOn ?? '', form: i.noticeForm ? t(`form.${i.noticeForm as 'letter'}`) : '—' })}`}</p>}
                  <p>{appliedText(t, i.appliedOn, i.appliedAnswer)}</p>
                </li>
              ))}
            </ul>
          </section>
        ) : null,
      )}
      <section aria-labelledby={`${id}-ics`} className="cl-box">
        <h3 id={`${id}-ics`}>{t('notices.icsTitle')}</h3>
        <p className="cl-muted">{t('notices.icsLabelNote')}</p>
        <div className="cl-field">
          <label htmlFor={`${id}-alarm`}>{t('notices.alarm')}</label>
          <select id={`${id}-alarm`} value={alarm} onChange={(e) => setAlarm(Number(e.target.value))}>
            <option value={0}>{t('notices.alarmNone')}</option>
            {[1, 3, 7, 14, 30].map((d) => (
              <option key={d} value={d}>
                {t('notices.alarmDays', { count: d })}
              </option>
            ))}
          </select>
        </div>
        <div className="cl-check">
          <input id={`${id}-names`} type="checkbox" checked={names} onChange={(e) => setNames(e.target.checked)} />
          <label htmlFor={`${id}-names`}>{t('notices.icsNames')}</label>
        </div>
        <button type="button" onClick={exportIcs}>
          {t('notices.icsExport')}
        </button>
        {msg && <p role="status">{msg}</p>}
      </section>
    </section>
  );
}
