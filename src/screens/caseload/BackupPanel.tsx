import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { todayLocal } from '../../machine/answers';
import { exportCsv, exportEncryptedJson, exportPlainJson, readBackup, type ImportError } from '../../storage/backup';
import type { Caseload } from '../../storage/model';
import { session } from '../../storage/session';
import { importErrorText, writeText } from '../../caseview/messages';
import { download } from './util';
import { MessageLine, type Msg } from '../../caseview/MessageLine';

export { importErrorText } from '../../caseview/messages';

export function BackupPanel({ caseload, progress }: { caseload: Caseload; progress?: { what: 'unlock' | 'import'; done: number; total: number } | null }) {
  const { t, i18n } = useTranslation('caseload');
  const id = useId();
  const [plain, setPlain] = useState(false);
  const [msg, setMsg] = useState<Msg | null>(null);
  const [busy, setBusy] = useState(false);
  const [pass, setPass] = useState('');
  const [wipeOk, setWipeOk] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);
  const today = todayLocal();

  const exportJson = async () => {
    setBusy(true);
    try {
      const kdf = session.vault.kdf;
      const key = session.vault.cryptoKey;
      const text = plain || !kdf || !key ? exportPlainJson(caseload) : await exportEncryptedJson(caseload, { key, kdf });
      download(`caseload-backup-${today}.json`, text, 'application/json');
      setMsg({ kind: 'ok', text: t('backup.exported', { count: caseload.cases.length }) });
    } finally {
      setBusy(false);
    }
  };
  const exportCsvFile = () => {
    download(`caseload-${today}.csv`, exportCsv(caseload, i18n.language === 'en' ? 'en' : 'zh-CN'), 'text/csv;charset=utf-8');
    setMsg({ kind: 'ok', text: t('backup.csvDone', { count: caseload.cases.length }) });
  };
  const errorText = (e: ImportError): string => importErrorText(t, e);
  const importFile = async (e: FormEvent) => {
    e.preventDefault();
    const file = fileRef.current?.files?.[0];
    if (!file) {
      setMsg({ kind: 'error', text: t('backup.noFile') });
      return;
    }
    setBusy(true);
    try {
      let text: string;
      try {
        text = await file.text();
      } catch {
        setMsg({ kind: 'error', text: t('backup.err.read') });
        return;
      }
      const kdf = session.vault.kdf;
      const key = session.vault.cryptoKey;
      const r = await readBackup(text, { passphrase: pass || undefined, device: kdf && key ? { key, salt: kdf.salt } : undefined });
      if (!r.ok) {
        setMsg({ kind: 'error', text: errorText(r.error) });
        return;
      }
      const w = await session.importCases(r.caseload.cases);
      if (!w.ok) {
        setMsg(writeText(t, w));
        return;
      }
      const rep = w.report;
      setPass('');
      if (fileRef.current) fileRef.current.value = '';
      setMsg({
        kind: 'ok',
        text: t('backup.importReport', { total: r.caseload.cases.length, added: rep.added.length, replaced: rep.replaced.length, kept: rep.keptStored.length, same: rep.same.length }),
      });
    } finally {
      setBusy(false);
    }
  };
  const wipe = async () => {
    if (!wipeOk) {
      setMsg({ kind: 'error', text: t('backup.wipeNeedsConfirm') });
      return;
    }
    const r = await session.deleteAll();
    if (!r.ok) {
      setMsg(writeText(t, r));
      return;
    }
    setWipeOk(false);
    setMsg({ kind: 'ok', text: t('backup.wiped') });
  };

  return (
    <section aria-labelledby={`${id}-h`} aria-busy={busy}>
      <h2 id={`${id}-h`} tabIndex={-1}>{t('backup.title')}</h2>
      <MessageLine msg={msg} />
      {busy && <p role="status">{t('working')}</p>}
      {progress && (
        <p>
          <label>
            {t(`progress.${progress.what}`, { done: progress.done, total: progress.total })}{' '}
            <progress max={progress.total} value={progress.done} />
          </label>
        </p>
      )}
      <section className="cl-box" aria-labelledby={`${id}-json`}>
        <h3 id={`${id}-json`}>{t('backup.jsonTitle')}</h3>
        <p>{t('backup.jsonIntro')}</p>
        <div className="cl-check">
          <input id={`${id}-plain`} type="checkbox" checked={plain} onChange={(e) => setPlain(e.target.checked)} />
          <label htmlFor={`${id}-plain`}>{t('backup.plain')}</label>
        </div>
        <button type="button" onClick={() => void exportJson()} disabled={busy}>
          {t('backup.exportJson')}
        </button>
      </section>
      <section className="cl-box" aria-labelledby={`${id}-csv`}>
        <h3 id={`${id}-csv`}>{t('backup.csvTitle')}</h3>
        <p>{t('backup.csvIntro')}</p>
        <button type="button" onClick={exportCsvFile}>
          {t('backup.exportCsv')}
        </button>
      </section>
      <form className="cl-box" aria-labelledby={`${id}-imp`} onSubmit={(e) => void importFile(e)} noValidate>
        <h3 id={`${id}-imp`}>{t('backup.importTitle')}</h3>
        <p>{t('backup.importIntro')}</p>
        <div className="cl-field">
          <label htmlFor={`${id}-file`}>{t('backup.file')}</label>
          <input id={`${id}-file`} ref={fileRef} type="file" accept=".json,application/json" />
        </div>
        <div className="cl-field">
          <label htmlFor={`${id}-pass`}>{t('backup.importPass')}</label>
          <input id={`${id}-pass`} type="password" autoComplete="off" value={pass} onChange={(e) => setPass(e.target.value)} />
        </div>
        <button type="submit" disabled={busy}>
          {t('backup.import')}
        </button>
      </form>
      <section className="cl-box cl-danger" aria-labelledby={`${id}-wipe`}>
        <h3 id={`${id}-wipe`}>{t('backup.wipeTitle')}</h3>
        <p>{t('backup.wipeIntro')}</p>
        <div className="cl-check">
          <input id={`${id}-wipeok`} type="checkbox" checked={wipeOk} onChange={(e) => setWipeOk(e.target.checked)} />
          <label htmlFor={`${id}-wipeok`}>{t('backup.wipeConfirm')}</label>
        </div>
        <button type="button" className="cl-btn-danger" onClick={() => void wipe()}>
          {t('backup.wipe')}
        </button>
      </section>
    </section>
  );
}
