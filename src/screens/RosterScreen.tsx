/**
 * Roster screening ("the policy finds the person"): staff bring a CSV list, map its columns, and a
 * Web Worker screens every row; the page lists the results by group with notice deadlines and
 * exports the screened list as CSV. Nothing leaves the device.
 */
import { usePageTitle } from '../i18n/usePageTitle';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldName } from '../facts/parse';
import { isSelfDescribing, loadMapping, mappingProblems, proposeMapping, saveMapping, type ColumnMapping } from '../roster/mapping';
import { MappingStep } from '../roster/MappingStep';
import { emptyCounts, ROW_KINDS, type CaseRow, type Counts, type Encoding, type FromWorker, type Lang, type ToWorker } from '../roster/protocol';
import { RosterPool } from '../roster/pool';
import { RowStore, type RowFilter } from '../roster/store';
import { RosterTable } from '../roster/RosterTable';
import { AddToCaseload } from '../roster/AddToCaseload';
import type { Result } from '../engine/types';
import '../roster/roster.css';

const MAX_WORKERS = 2;

type Phase = 'pick' | 'loading' | 'mapping' | 'screening' | 'results';
type Filter = RowFilter;

interface Loaded {
  name: string;
  headers: string[];
  sample: string[];
  encoding: Encoding;
  bom: boolean;
}

interface Detail {
  row: number;
  input?: Record<string, string>;
  result?: Result;
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


export default function RosterScreen() {
  const { t, i18n } = useTranslation('roster');
  const lang = (i18n.language === 'en' ? 'en' : 'zh-CN') as Lang;
  const base = useId();

  const [phase, setPhase] = useState<Phase>('pick');
  const [asOf, setAsOf] = useState(today);
  const [pasted, setPasted] = useState('');
  const [pickError, setPickError] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>([]);
  const [fromStorage, setFromStorage] = useState(false);
  const [showMappingErrors, setShowMappingErrors] = useState(false);
  const [progress, setProgress] = useState({ fraction: 0, rows: 0 });
  const [announce, setAnnounce] = useState('');
  const [cancelling, setCancelling] = useState(false);
  const [done, setDone] = useState<{ counts: Counts; ms: number; cancelled: boolean; store: RowStore } | null>(null);
  const [filter, setFilter] = useState<Filter>('all');
  const [page, setPage] = useState(0);
  const [exported, setExported] = useState<{ name: string; rows: number } | null>(null);
  const [detail, setDetail] = useState<Detail | null>(null);

  const worker = useRef<RosterPool | null>(null);
  const job = useRef(0);
  const rows = useRef(new RowStore());
  const lastBucket = useRef(-1);
  const fileName = useRef('roster');
  const downloadUrl = useRef<string | null>(null);
  // rows chosen to add to the caseload, by row number (a Set, not their results: a file may have 100,000 rows)
  const [choice, setChoice] = useState<{ chosen: ReadonlySet<number>; added: ReadonlySet<number> }>(() => ({ chosen: new Set(), added: new Set() }));
  const caseRowRequests = useRef(new Map<number, { resolve: (rows: CaseRow[]) => void; reject: (e: Error) => void }>());
  const nextRequest = useRef(0);

  const forgetChoice = useCallback(() => {
    setChoice({ chosen: new Set(), added: new Set() });
    for (const r of caseRowRequests.current.values()) r.reject(new Error('screened again'));
    caseRowRequests.current.clear();
  }, []);

  const send = useCallback((msg: ToWorker, transfer: Transferable[] = []) => worker.current?.send(msg, transfer), []);

  const startScreening = useCallback(
    (m: ColumnMapping, headers: string[]) => {
      saveMapping(storage(), headers, m);
      rows.current = new RowStore();
      lastBucket.current = -1;
      setDone(null);
      setProgress({ fraction: 0, rows: 0 });
      setAnnounce('');
      setCancelling(false);
      setFilter('all');
      setPage(0);
      setExported(null);
      setDetail(null);
      forgetChoice();
      setPhase('screening');
      send({ type: 'screen', job: job.current, mapping: m, asOf });
    },
    [asOf, send, forgetChoice],
  );

  const onMessage = useCallback(
    (msg: FromWorker) => {
      if (msg.job !== job.current) return;
      switch (msg.type) {
        case 'loaded': {
          const info: Loaded = { name: fileName.current, headers: msg.headers, sample: msg.sample, encoding: msg.encoding, bom: msg.bom };
          setLoaded(info);
          const stored = loadMapping(storage(), msg.headers);
          const m = stored ?? proposeMapping(msg.headers);
          setMapping(m);
          setFromStorage(!!stored);
          setShowMappingErrors(false);
          setAnnounce(t('announce.loaded', { columns: msg.headers.length }));
          if (isSelfDescribing(msg.headers, m)) startScreening(m, msg.headers);
          else setPhase('mapping');
          break;
        }
        case 'loadFailed':
          setLoadError(t(`loadFailed.${msg.reason}`));
          setPhase('pick');
          break;
        case 'failed':
          for (const r of caseRowRequests.current.values()) r.reject(new Error(msg.message));
          caseRowRequests.current.clear();
          setLoadError(t('loadFailed.failed', { message: msg.message }));
          setPhase((p) => (p === 'screening' || p === 'loading' ? 'pick' : p));
          break;
        case 'rows':
          rows.current.add(msg.batch);
          break;
        case 'progress': {
          setProgress({ fraction: msg.fraction, rows: msg.rows });
          const bucket = Math.floor(msg.fraction * 4);
          if (bucket > lastBucket.current && bucket < 4) {
            lastBucket.current = bucket;
            if (bucket > 0) setAnnounce(t('announce.progress', { percent: bucket * 25 }));
          }
          break;
        }
        case 'done':
          setDone({ counts: msg.counts, ms: msg.ms, cancelled: msg.cancelled, store: rows.current });
          setAnnounce(
            msg.cancelled
              ? t('announce.cancelled', { rows: msg.counts.rows })
              : t('announce.done', { rows: msg.counts.rows, eligible: msg.counts.eligible, depends: msg.counts.depends, error: msg.counts.error }),
          );
          setCancelling(false);
          setPhase('results');
          break;
        case 'detail':
          setDetail({ row: msg.row, input: msg.input, result: msg.result });
          break;
        case 'caseRows': {
          const r = caseRowRequests.current.get(msg.req);
          caseRowRequests.current.delete(msg.req);
          r?.resolve(msg.rows);
          break;
        }
        case 'exported': {
          if (downloadUrl.current) URL.revokeObjectURL(downloadUrl.current);
          const url = URL.createObjectURL(msg.csv);
          downloadUrl.current = url;
          const name = `${fileName.current.replace(/\.(csv|txt)$/i, '')}-${t('results.title')}.csv`;
          const a = document.createElement('a');
          a.href = url;
          a.download = name;
          document.body.appendChild(a);
          a.click();
          a.remove();
          setExported({ name, rows: msg.rows });
          break;
        }
      }
    },
    [startScreening, t],
  );

  const onMessageRef = useRef(onMessage);
  useEffect(() => {
    onMessageRef.current = onMessage;
  }, [onMessage]);

  useEffect(
    () => () => {
      worker.current?.terminate();
      worker.current = null;
      if (downloadUrl.current) URL.revokeObjectURL(downloadUrl.current);
    },
    [],
  );

  const ensureWorker = () => {
    if (!worker.current) {
      // one worker per core, up to two: the page itself has little to do while they screen
      const n = Math.max(1, Math.min(MAX_WORKERS, navigator.hardwareConcurrency || 1));
      const workers = Array.from({ length: n }, () => {
        const w = new Worker(new URL('../roster/screen.worker.ts', import.meta.url), { type: 'module' });
        // a worker that cannot start (its script missing offline, say) must not leave the page waiting
        w.onerror = (e) => onMessageRef.current({ type: 'failed', job: job.current, message: e.message || 'worker' });
        return w;
      });
      const pool = new RosterPool(workers);
      pool.onmessage = (msg) => onMessageRef.current(msg);
      worker.current = pool;
    }
    return worker.current;
  };

  const validAsOf = /^\d{4}-\d{2}-\d{2}$/.test(asOf);

  const load = (source: { bytes: ArrayBuffer } | { text: string }, name: string) => {
    ensureWorker();
    job.current++;
    forgetChoice();
    fileName.current = name;
    setLoadError(null);
    setLoaded(null);
    setPhase('loading');
    if ('bytes' in source) send({ type: 'load', job: job.current, bytes: source.bytes }, [source.bytes]);
    else send({ type: 'load', job: job.current, text: source.text });
  };

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    if (!validAsOf) {
      setPickError(t('pick.asOfInvalid'));
      return;
    }
    setPickError(null);
    load({ bytes: await file.arrayBuffer() }, file.name);
  };

  const onPaste = () => {
    if (!validAsOf) return setPickError(t('pick.asOfInvalid'));
    if (pasted.trim() === '') return setPickError(t('pick.pasteEmpty'));
    setPickError(null);
    load({ text: pasted }, 'roster');
  };

  const restart = () => {
    job.current++;
    rows.current = new RowStore();
    setLoaded(null);
    setDone(null);
    setDetail(null);
    forgetChoice();
    setPhase('pick');
  };

  // Move focus to the heading of each new step, so keyboard and screen-reader users follow along.
  const stepRoot = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (phase === 'pick' && !loadError) return;
    const target = stepRoot.current?.querySelector<HTMLElement>('[data-autofocus]');
    target?.focus();
  }, [phase, loadError]);

  const counts = done?.counts ?? emptyCounts();
  const filtered = useMemo(() => (done ? done.store.select(filter) : new Int32Array(0)), [done, filter]);
  const filterLabel = filter === 'all' ? t('results.all') : filter === 'overdue' ? t('results.overdue') : t(`kind.${filter}`);

  // how many rows the current filter shows that can be chosen (rows with errors cannot)
  const shown = useMemo(() => {
    let errors = 0;
    if (done) for (const i of filtered) if (done.store.kindAt(i) === 'error') errors++;
    return { choosable: filtered.length - errors, errors };
  }, [done, filtered]);

  const fetchCaseRows = (wanted: number[]) =>
    new Promise<CaseRow[]>((resolve, reject) => {
      const req = ++nextRequest.current;
      caseRowRequests.current.set(req, { resolve, reject });
      send({ type: 'caseRows', job: job.current, req, rows: wanted });
    });

  const chooseShown = () => {
    if (!done) return;
    const store = done.store;
    setChoice((c) => {
      const chosen = new Set(c.chosen);
      for (const i of filtered) if (store.kindAt(i) !== 'error') chosen.add(store.rowAt(i));
      return { ...c, chosen };
    });
  };

  const requestExport = (only?: number[]) => send({ type: 'export', job: job.current, lang, rows: only });

  usePageTitle(t('title'));
  const detailRef = useRef<HTMLElement>(null);
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
          <p className="roster-hint">{t('columnsHint')}</p>
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
              onChange={(e) => setAsOf(e.target.value)}
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
                void onFile(e.target.files?.[0]);
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
            <button type="button" onClick={onPaste} disabled={phase === 'loading'}>
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
          onChange={setMapping}
          onRestart={restart}
          onStart={() => {
            if (mappingProblems(mapping).length) {
              setShowMappingErrors(true);
              requestAnimationFrame(() => stepRoot.current?.querySelector<HTMLElement>('.roster-error-summary')?.focus());
              return;
            }
            startScreening(mapping, loaded.headers);
          }}
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
            onClick={() => {
              setCancelling(true);
              send({ type: 'cancel', job: job.current });
            }}
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
                onChange={(e) => {
                  setFilter(e.target.value as Filter);
                  setPage(0);
                }}
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
                <button type="button" className="secondary" onClick={() => requestExport(Array.from(filtered, (i) => done.store.rowAt(i)))}>
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
            store={done.store}
            indexes={filtered}
            page={page}
            label={filterLabel}
            onPage={setPage}
            onDetail={(row) => {
              setDetail({ row });
              send({ type: 'detail', job: job.current, row });
            }}
            chosen={choice.chosen}
            added={choice.added}
            onChoose={(row, on) =>
              setChoice((c) => {
                const chosen = new Set(c.chosen);
                if (on) chosen.add(row);
                else chosen.delete(row);
                return { ...c, chosen };
              })
            }
          />

          {detail && <DetailPanel detail={detail} lang={lang} panelRef={detailRef} onClose={() => setDetail(null)} />}

          <p className="roster-hint">{t('results.leaveNote')}</p>
          <div className="roster-actions">
            <button type="button" className="secondary" onClick={() => setPhase('mapping')}>
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
