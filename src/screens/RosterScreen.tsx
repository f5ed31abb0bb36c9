/**
 * Roster screening ("the policy finds the person"): staff bring a CSV list, map its columns, and a
 * Web Worker screens every row; the page lists the results by group with notice deadlines and
 * exports the screened list as CSV. Nothing leaves the device.
 */
import { hrefFor } from '../route';
import { usePageTitle } from '../i18n/usePageTitle';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useActorRef, useSelector } from '@xstate/react';
import type { SnapshotFrom } from 'xstate';
import { fieldName } from '../screening/messages';
import { exampleHeaders } from '../screening/template';
import { MappingStep } from '../roster/MappingStep';
import { emptyCounts, ROW_KINDS, type CaseRow, type Encoding, type Lang } from '../roster/protocol';
import { RosterPool } from '../roster/pool';
import { rosterMachine, validAsOf as isValidAsOf, type PoolLike } from '../roster/roster.machine';
import type { RowFilter } from '../roster/store';
import { RosterTable } from '../roster/RosterTable';
import { AddToCaseload } from '../roster/AddToCaseload';
import type { Result } from '../engine/types';
import '../roster/roster.css';

const MAX_WORKERS = 2;

interface Detail {
  row: number;
  input?: Record<string, string>;
  result?: Result;
  /** the row's warnings, as its table row shows them */
  warnings?: readonly string[];
}

const today = (): string => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

const storage = (): Storage | undefined => {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
};


/** The page's step, from the machine's state. */
type Phase = 'pick' | 'loading' | 'mapping' | 'screening' | 'results';
const phaseOf = (s: SnapshotFrom<typeof rosterMachine>): Phase =>
  s.matches('pick') ? 'pick' : s.matches({ open: 'mapping' }) ? 'mapping' : s.matches({ open: 'screening' }) ? 'screening' : s.matches({ open: 'results' }) ? 'results' : 'loading';

/** One worker per core, up to two: the page itself has little to do while they screen. */
function createPool(): PoolLike {
  const n = Math.max(1, Math.min(MAX_WORKERS, navigator.hardwareConcurrency || 1));
  const workers = Array.from({ length: n }, () => {
    const w = new Worker(new URL('../roster/screen.worker.ts', import.meta.url), { type: 'module' });
    // a worker that cannot start (its script missing offline, say) must not leave the page waiting
    w.onerror = (e) => pool.onmessage({ type: 'failed', job: -1, message: e.message || 'worker' });
    return w;
  });
  const pool = new RosterPool(workers);
  return pool;
}

export default function RosterScreen() {
  const { t, i18n } = useTranslation('roster');
  const lang = (i18n.language === 'en' ? 'en' : 'zh-CN') as Lang;
  const base = useId();

  const actor = useActorRef(rosterMachine, { input: { asOf: today(), createPool, storage: storage(), lang } });
  useEffect(() => actor.send({ type: 'SET_LANG', lang }), [actor, lang]);
  const phase = useSelector(actor, phaseOf);
  const ctx = useSelector(actor, (s) => s.context);
  const { asOf, loaded, mapping, fromStorage, showMappingErrors, progress, cancelling, done, filter, page } = ctx;
  const send = actor.send;

  const [pasted, setPasted] = useState('');
  const [exported, setExported] = useState<{ name: string; rows: number } | null>(null);
  const [detail, setDetail] = useState<Detail | null>(null);
  // rows chosen to add to the caseload, by row number (a Set, not their results: a file may have 100,000 rows)
  const [choice, setChoice] = useState<{ chosen: ReadonlySet<number>; added: ReadonlySet<number> }>(() => ({ chosen: new Set(), added: new Set() }));
  const caseRowRequests = useRef(new Map<number, { resolve: (rows: CaseRow[]) => void; reject: (e: Error) => void }>());
  const nextRequest = useRef(0);
  const downloadUrl = useRef<string | null>(null);

  const rejectRequests = useCallback((why: string) => {
    for (const r of caseRowRequests.current.values()) r.reject(new Error(why));
    caseRowRequests.current.clear();
  }, []);

  // a new screening (or a new file) drops the previous choice, detail and export note
  const store = ctx.store;
  const [seenStore, setSeenStore] = useState(store);
  if (seenStore !== store) {
    setSeenStore(store);
    setChoice({ chosen: new Set(), added: new Set() });
    setDetail(null);
    setExported(null);
  }
  useEffect(() => () => rejectRequests('screened again'), [store, rejectRequests]);

  // answers the page asked the workers for
  useEffect(() => {
    const subs = [
      actor.on('detail', (msg) => setDetail((d) => ({ row: msg.row, input: msg.input, result: msg.result, warnings: d?.row === msg.row ? d.warnings : undefined }))),
      actor.on('caseRows', (msg) => {
        const r = caseRowRequests.current.get(msg.req);
        caseRowRequests.current.delete(msg.req);
        r?.resolve(msg.rows);
      }),
      actor.on('failed', (msg) => rejectRequests(msg.message)),
      actor.on('exported', (msg) => {
        if (downloadUrl.current) URL.revokeObjectURL(downloadUrl.current);
        const url = URL.createObjectURL(msg.csv);
        downloadUrl.current = url;
        const name = `${(actor.getSnapshot().context.loaded?.name ?? 'roster').replace(/\.(csv|txt)$/i, '')}-${t('results.title')}.csv`;
        const a = document.createElement('a');
        a.href = url;
        a.download = name;
        document.body.appendChild(a);
        a.click();
        a.remove();
        setExported({ name, rows: msg.rows });
      }),
    ];
    return () => subs.forEach((s) => s.unsubscribe());
  }, [actor, t, rejectRequests]);

  useEffect(
    () => () => {
      if (downloadUrl.current) URL.revokeObjectURL(downloadUrl.current);
    },
    [],
  );

  const validAsOf = isValidAsOf(asOf);
  const pickError = ctx.pickError ? t(`pick.${ctx.pickError}`) : null;
  const loadError = ctx.loadError ? (ctx.loadError.reason === 'failed' ? t('loadFailed.failed', { message: ctx.loadError.message }) : t(`loadFailed.${ctx.loadError.reason}`)) : null;
  const announce = ctx.announce ? (t as unknown as (key: string, values: object) => string)(ctx.announce.key, ctx.announce.values) : '';

  // the workers read the file (a File is a Blob: only a handle crosses to them), not the page
  const onFile = (file: File | undefined) => {
    if (!file) return;
    send({ type: 'LOAD', name: file.name, file });
  };

  const restart = () => send({ type: 'RESTART' });

  // Move focus to the heading of each new step, so keyboard and screen-reader users follow along.
  const stepRoot = useRef<HTMLDivElement>(null);
  // Focusing lays the page out at once: it is done in the next frame, which lays the page out anyway,
  // not in the task that rendered the step (one long task instead of two shorter ones).
  useEffect(() => {
    if (phase === 'pick' && !loadError) return;
    const frame = requestAnimationFrame(() => stepRoot.current?.querySelector<HTMLElement>('[data-autofocus]')?.focus());
    return () => cancelAnimationFrame(frame);
  }, [phase, loadError]);
  useEffect(() => {
    if (showMappingErrors) requestAnimationFrame(() => stepRoot.current?.querySelector<HTMLElement>('.roster-error-summary')?.focus());
  }, [showMappingErrors, mapping]);

  const counts = done?.counts ?? emptyCounts();
  const filtered = useMemo(() => (done ? store.select(filter) : new Int32Array(0)), [done, store, filter]);
  const filterLabel = filter === 'all' ? t('results.all') : filter === 'overdue' ? t('results.overdue') : t(`kind.${filter}`);

  // how many rows the current filter shows that can be chosen (rows with errors cannot)
  const shown = useMemo(() => {
    const errors = done ? store.countOf(filter, 'error') : 0;
    return { choosable: filtered.length - errors, errors };
  }, [done, store, filter, filtered]);

  const fetchCaseRows = (wanted: number[]) =>
    new Promise<CaseRow[]>((resolve, reject) => {
      const req = ++nextRequest.current;
      caseRowRequests.current.set(req, { resolve, reject });
      send({ type: 'CASE_ROWS', req, rows: wanted });
    });

  const chooseShown = () => {
    if (!done) return;
    const rows = store.rowNumbers(filter, 'error');
    setChoice((c) => {
      const chosen = new Set(c.chosen);
      for (const r of rows) chosen.add(r);
      return { ...c, chosen };
    });
  };

  // the same functions on every render: a row of the table re-renders only when its own choice changes
  const onPage = useCallback((p: number) => send({ type: 'PAGE', page: p }), [send]);
  const onDetail = useCallback(
    (row: number, warnings?: readonly string[]) => {
      setDetail({ row, warnings });
      send({ type: 'DETAIL', row });
    },
    [send],
  );
  const onChoose = useCallback(
    (row: number, on: boolean) =>
      setChoice((c) => {
        const chosen = new Set(c.chosen);
        if (on) chosen.add(row);
        else chosen.delete(row);
        return { ...c, chosen };
      }),
    [],
  );

  const requestExport = (only?: number[]) => send({ type: 'EXPORT', lang, ...(only ? { rows: only } : {}) });

  usePageTitle(t('title'));
  const detailRef = useRef<HTMLElement>(null);
  /** Closes a row's detail and gives focus back to that row's button (or the results heading when the row is no longer shown). */
  const closeDetail = () => {
    const row = detail?.row;
    setDetail(null);
    const opener = document.querySelector<HTMLElement>(`.roster-detail-button[data-row="${row}"]`) ?? document.querySelector<HTMLElement>('.roster-results [data-autofocus]');
    opener?.focus();
  };
  useEffect(() => {
    if (detail?.result || detail?.input) detailRef.current?.focus();
  }, [detail]);

  return (
    <div ref={stepRoot} className="roster">
      <h1 tabIndex={-1}>{t('title')}</h1>
      <p>{t('intro')}</p>
      <div role="status" aria-live="polite" className="visually-hidden">
        {announce}
      </div>

      {(phase === 'pick' || phase === 'loading') && (
        <>
          {loadError && (
            <div className="roster-error-summary" role="alert" tabIndex={-1} data-autofocus>
              <h2>{t('loadFailed.title')}</h2>
              <p>{loadError}</p>
            </div>
          )}
          <p className="roster-hint">{t('columnsHint', { examples: exampleHeaders().join(t('listSep')) })}</p>
          <p>
            <a className="guide-link" href={hrefFor('columns')}>
              {t('guide.title')}
            </a>
          </p>
          {pickError && (
            <p className="roster-field-error" id={`${base}-pickerr`} role="alert">
              {pickError}
            </p>
          )}
          <div className="roster-field">
            <label htmlFor={`${base}-asof`}>{t('pick.asOf')}</label>
            <span className="roster-hint" id={`${base}-asof-hint`}>
              {t('pick.asOfHint')}
            </span>
            <input
              type="date"
              id={`${base}-asof`}
              value={asOf}
              min="2023-08-01"
              aria-describedby={`${base}-asof-hint`}
              aria-invalid={!validAsOf || undefined}
              onChange={(e) => send({ type: 'SET_AS_OF', asOf: e.target.value })}
            />
          </div>
          <div className="roster-field">
            <label htmlFor={`${base}-file`}>{t('pick.file')}</label>
            <span className="roster-hint" id={`${base}-file-hint`}>
              {t('pick.fileHint')}
            </span>
            <input
              type="file"
              id={`${base}-file`}
              accept=".csv,.txt,text/csv,text/plain"
              aria-describedby={`${base}-file-hint`}
              disabled={phase === 'loading'}
              onChange={(e) => {
                onFile(e.target.files?.[0]);
                e.target.value = '';
              }}
            />
          </div>
          <p className="roster-or">{t('pick.or')}</p>
          <div className="roster-field">
            <label htmlFor={`${base}-paste`}>{t('pick.paste')}</label>
            <textarea id={`${base}-paste`} rows={6} value={pasted} onChange={(e) => setPasted(e.target.value)} spellCheck={false} />
          </div>
          <div className="roster-actions">
            <button type="button" onClick={() => send({ type: 'PASTE', text: pasted })} disabled={phase === 'loading'}>
              {t('pick.pasteButton')}
            </button>
          </div>
          {phase === 'loading' && <p role="status">{t('loading')}</p>}
        </>
      )}

      {loaded && phase !== 'pick' && phase !== 'loading' && <EncodingNote encoding={loaded.encoding} bom={loaded.bom} />}

      {phase === 'mapping' && loaded && (
        <MappingStep
          headers={loaded.headers}
          sample={loaded.sample}
          mapping={mapping}
          fromStorage={fromStorage}
          showErrors={showMappingErrors}
          onChange={(m) => send({ type: 'SET_MAPPING', mapping: m })}
          onRestart={restart}
          onStart={() => send({ type: 'START' })}
        />
      )}

      {phase === 'screening' && (
        <section aria-labelledby={`${base}-prog-h`}>
          <h2 id={`${base}-prog-h`} tabIndex={-1} data-autofocus>
            {t('progress.title')}
          </h2>
          <label htmlFor={`${base}-prog`}>{t('progress.label')}</label>
          <progress id={`${base}-prog`} max={1} value={progress.fraction} className="roster-progress" />
          <p>{t('progress.text', { rows: progress.rows, percent: Math.floor(progress.fraction * 100) })}</p>
          <button
            type="button"
            className="secondary"
            disabled={cancelling}
            onClick={() => send({ type: 'CANCEL' })}
          >
            {cancelling ? t('progress.cancelling') : t('progress.cancel')}
          </button>
        </section>
      )}

      {phase === 'results' && done && (
        <section aria-labelledby={`${base}-res-h`} className="roster-results">
          <h2 id={`${base}-res-h`} tabIndex={-1} data-autofocus>
            {t('results.title')}
          </h2>
          <p>{done.cancelled ? t('results.cancelled', { rows: counts.rows }) : t('results.finished', { rows: counts.rows, seconds: (done.ms / 1000).toFixed(1) })}</p>
          {counts.blank > 0 && <p>{t('results.blank', { count: counts.blank })}</p>}
          {done.notes.length > 0 && (
            <details className="roster-notes">
              <summary>{t('results.notes', { count: done.notes.length })}</summary>
              <ul>
                {done.notes.map((n, i) => (
                  <li key={i}>{n}</li>
                ))}
              </ul>
            </details>
          )}
          <p className="roster-hint">{t('results.asOf', { date: asOf })}</p>
          <h3>{t('results.countsTitle')}</h3>
          <ul className="roster-counts">
            {ROW_KINDS.map((k) => (
              <li key={k} className={`roster-kind-${k}`}>
                <span aria-hidden="true" className="roster-icon">
                  {t(`kindIcon.${k}`)}
                </span>{' '}
                {t(k === 'error' ? 'results.countRows' : 'results.count', { label: t(`kind.${k}`), count: counts[k] })}
              </li>
            ))}
            <li>{t('results.noticeOverdue', { count: counts.noticeOverdue })}</li>
            <li>{t('results.noticeDue', { count: counts.noticeDue })}</li>
          </ul>

          <div className="roster-toolbar">
            <div className="roster-field">
              <label htmlFor={`${base}-filter`}>{t('results.filter')}</label>
              <select
                id={`${base}-filter`}
                value={filter}
                onChange={(e) => send({ type: 'FILTER', filter: e.target.value as RowFilter })}
              >
                <option value="all">{t('results.filterOption', { label: t('results.all'), count: counts.rows })}</option>
                {ROW_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t('results.filterOption', { label: t(`kind.${k}`), count: counts[k] })}
                  </option>
                ))}
                <option value="overdue">{t('results.filterOption', { label: t('results.overdue'), count: counts.noticeOverdue })}</option>
              </select>
            </div>
            <div className="roster-actions">
              <button type="button" onClick={() => requestExport()}>
                {t('results.export')}
              </button>
              {filter !== 'all' && filtered.length > 0 && (
                <button type="button" className="secondary" onClick={() => requestExport(store.rowNumbers(filter))}>
                  {t('results.exportFiltered', { count: filtered.length })}
                </button>
              )}
            </div>
          </div>
          <p className="roster-hint">{t('results.exportHint')}</p>
          {exported && (
            <p role="status" className="roster-note">
              {t('results.exported', exported)}
            </p>
          )}

          <AddToCaseload
            file={loaded?.name ?? 'roster'}
            chosenCount={choice.chosen.size}
            shownChoosable={shown.choosable}
            shownErrors={shown.errors}
            chosenRows={() => Array.from(choice.chosen).sort((a, b) => a - b)}
            fetchRows={fetchCaseRows}
            onChooseShown={chooseShown}
            onClear={() => setChoice((c) => ({ ...c, chosen: new Set() }))}
            onAdded={(rowsNowIn) =>
              setChoice((c) => {
                const chosen = new Set(c.chosen);
                const added = new Set(c.added);
                for (const r of rowsNowIn) {
                  chosen.delete(r);
                  added.add(r);
                }
                return { chosen, added };
              })
            }
          />

          <RosterTable
            store={store}
            indexes={filtered}
            page={page}
            label={filterLabel}
            onPage={onPage}
            onDetail={onDetail}
            chosen={choice.chosen}
            added={choice.added}
            onChoose={onChoose}
          />

          {detail && <DetailPanel detail={detail} lang={lang} panelRef={detailRef} onClose={closeDetail} />}

          <p className="roster-hint">{t('results.leaveNote')}</p>
          <div className="roster-actions">
            <button type="button" className="secondary" onClick={() => send({ type: 'REMAP' })}>
              {t('results.remap')}
            </button>
            <button type="button" className="secondary" onClick={restart}>
              {t('results.again')}
            </button>
          </div>
        </section>
      )}
    </div>
  );
}

function EncodingNote({ encoding, bom }: { encoding: Encoding; bom: boolean }) {
  const { t } = useTranslation('roster');
  if (encoding === 'gbk') return <p className="roster-note roster-encoding">{t('encoding.gbk')}</p>;
  if (encoding !== 'utf-8') return <p className="roster-note roster-encoding">{t('encoding.utf16')}</p>;
  if (bom) return <p className="roster-hint roster-encoding">{t('encoding.bom')}</p>;
  return null;
}

function DetailPanel({ detail, lang, panelRef, onClose }: { detail: Detail; lang: Lang; panelRef: React.RefObject<HTMLElement | null>; onClose: () => void }) {
  const { t } = useTranslation('roster');
  const r = detail.result;
  return (
    <section className="roster-detail" ref={panelRef} tabIndex={-1} aria-labelledby="roster-detail-h">
      <h3 id="roster-detail-h">{t('detail.title', { row: detail.row })}</h3>
      {detail.warnings && detail.warnings.length > 0 && (
        <>
          <h4>{t('detail.warnings')}</h4>
          <ul className="roster-warnings">
            {detail.warnings.map((w, i) => (
              <li key={i}>
                <span aria-hidden="true">⚠ </span>
                {w}
              </li>
            ))}
          </ul>
        </>
      )}
      {!detail.input && <p role="status">{t('detail.loading')}</p>}
      {detail.input && (
        <>
          <h4>{t('detail.input')}</h4>
          <dl className="roster-dl">
            {Object.entries(detail.input).map(([k, v]) => (
              <div key={k}>
                <dt>{k}</dt>
                <dd>{v || '—'}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
      {r?.covered &&
        (['living', 'care'] as const).map((s) => (
          <div key={s}>
            <h4>{t('detail.criteria', { subsidy: t(`subsidyName.${s}`) })}</h4>
            <ul>
              {r[s].criteria.map((c, i) => (
                <li key={i}>{t('detail.criterion', { clause: c.clause, fields: c.fields.map((f) => fieldName(f, lang)).join(t('listSep')), outcome: t(`detail.outcome.${c.outcome}`) })}</li>
              ))}
            </ul>
          </div>
        ))}
      <button type="button" className="secondary" onClick={onClose}>
        {t('detail.close')}
      </button>
    </section>
  );
}
