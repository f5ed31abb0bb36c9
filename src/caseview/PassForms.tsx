/** Creating the caseload passphrase, unlocking, and deleting everything when it is forgotten. */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { readBackup } from '../storage/backup';
import { session } from '../storage/session';
import { MIN_PASSPHRASE_LENGTH } from '../storage/vault';
import { importErrorText, writeText } from './messages';

/** Passphrases seen first in every list of leaked ones: refused outright. */
const COMMON = new Set(['12345678', '123456789', '1234567890', '87654321', '11111111', '00000000', '88888888', '66666666', 'password', 'password1', 'passw0rd', 'qwertyui', 'qwerty123', 'abcdefgh', 'abc12345', 'iloveyou', 'a1234567', '1qaz2wsx', 'woaini1314', '5201314520', '147258369', '123123123', '12344321', '11223344']);

/** A rough strength: length, kinds of characters, and no long runs of one character or a sequence. */
export function passStrength(p: string): 'common' | 'weak' | 'fair' | 'strong' {
  const lower = p.toLowerCase();
  if (COMMON.has(lower) || /^(.)\1+$/.test(p) || /^(0123456789|1234567890|9876543210)/.test(p)) return 'common';
  const kinds = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(p)).length + ([...p].some((ch) => ch.charCodeAt(0) > 0x7f) ? 1 : 0);
  const n = [...p].length;
  if (n < MIN_PASSPHRASE_LENGTH || (n < 10 && kinds < 2)) return 'weak';
  if (n >= 12 && kinds >= 2) return 'strong';
  if (n >= 16) return 'strong';
  return 'fair';
}

export function ErrorSummary({ errors }: { errors: { field: string; text: string }[] }) {
  const { t } = useTranslation('caseload');
  // each submission with problems takes focus to the list of them (their links lead to the fields)
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.length) box.current?.focus();
  }, [errors]);
  if (!errors.length) return null;
  return (
    <div className="cl-error-summary" role="alert" tabIndex={-1} ref={box}>
      <h3>{t('errorTitle')}</h3>
      <ul>
        {errors.map((e) => (
          <li key={e.field + e.text}>
            <a
              href={`#${e.field}`}
              onClick={(ev) => {
                ev.preventDefault();
                document.getElementById(e.field)?.focus();
              }}
            >
              {e.text}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function SetupForm() {
  const { t } = useTranslation('caseload');
  const id = useId();
  const [pass, setPass] = useState('');
  const [again, setAgain] = useState('');
  const [ok, setOk] = useState(false);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<{ field: string; text: string }[]>([]);
  const f = { pass: `${id}-pass`, again: `${id}-again`, ok: `${id}-ok` };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const errs: { field: string; text: string }[] = [];
    if (pass.length < MIN_PASSPHRASE_LENGTH) errs.push({ field: f.pass, text: t('setup.errors.short') });
    else if (passStrength(pass) === 'common') errs.push({ field: f.pass, text: t('setup.errors.common') });
    else if (pass !== again) errs.push({ field: f.again, text: t('setup.errors.mismatch') });
    if (!ok) errs.push({ field: f.ok, text: t('setup.errors.understand') });
    setErrors(errs);
    if (errs.length) return;
    setBusy(true);
    try {
      const r = await session.create(pass);
      const m = writeText(t, r);
      if (m) setErrors([{ field: f.pass, text: m.text }]);
    } finally {
      setBusy(false);
    }
  };
  const err = (field: string) => errors.find((e) => e.field === field);
  const strength = pass ? passStrength(pass) : null;
  return (
    <form className="cl-form" onSubmit={(e) => void submit(e)} noValidate aria-busy={busy}>
      <h2>{t('setup.title')}</h2>
      <p>{t('setup.intro')}</p>
      <p className="cl-warning" role="note">
        <strong aria-hidden="true">⚠ </strong>
        {t('setup.warning')}
      </p>
      <ErrorSummary errors={errors} />
      <div className="cl-field">
        <label htmlFor={f.pass}>{t('setup.passphrase')}</label>
        {err(f.pass) && <p id={`${f.pass}-err`} className="cl-error">{err(f.pass)!.text}</p>}
        <input
          id={f.pass}
          type="password"
          autoComplete="new-password"
          value={pass}
          onChange={(e) => setPass(e.target.value)}
          aria-invalid={!!err(f.pass)}
          aria-describedby={[err(f.pass) ? `${f.pass}-err` : '', `${f.pass}-strength`].join(' ').trim()}
        />
        <p id={`${f.pass}-strength`} className="cl-muted" aria-live="polite">
          {strength && (
            <>
              {t('setup.strength.label')}
              {t(`setup.strength.${strength === 'common' ? 'weak' : strength}`)}
            </>
          )}
        </p>
      </div>
      <div className="cl-field">
        <label htmlFor={f.again}>{t('setup.confirm')}</label>
        {err(f.again) && <p id={`${f.again}-err`} className="cl-error">{err(f.again)!.text}</p>}
        <input id={f.again} type="password" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} aria-invalid={!!err(f.again)} aria-describedby={err(f.again) ? `${f.again}-err` : undefined} />
      </div>
      <div className="cl-check">
        <input id={f.ok} type="checkbox" checked={ok} onChange={(e) => setOk(e.target.checked)} aria-invalid={!!err(f.ok)} />
        <label htmlFor={f.ok}>{t('setup.understand')}</label>
      </div>
      <button type="submit" disabled={busy}>
        {t('setup.submit')}
      </button>
      {busy && <p role="status">{t('working')}</p>}
    </form>
  );
}

export function UnlockForm({ intro }: { intro?: string }) {
  const { t } = useTranslation('caseload');
  const id = useId();
  const [pass, setPass] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [wait, setWait] = useState(() => session.waitSeconds());
  const field = `${id}-pass`;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!pass) {
      setError(t('unlock.empty'));
      return;
    }
    if (session.waitSeconds() > 0) {
      setWait(session.waitSeconds());
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const r = await session.unlock(pass);
      if (!r.ok) {
        if (r.reason === 'wait') setWait(r.seconds);
        else setWait(session.waitSeconds());
        setError(
          r.reason === 'wait'
            ? t('unlock.wait', { count: r.seconds })
            : r.reason === 'wrongPassphrase'
              ? t('unlock.wrong')
              : r.reason === 'migration'
                ? t('unlock.migration')
                : r.reason === 'iterations'
                  ? t('unlock.iterations')
                  : t('unlock.damaged'),
        );
        setPass('');
        document.getElementById(field)?.focus();
      }
    } finally {
      setBusy(false);
    }
  };
  // a growing wait after wrong passphrases: count it down on screen
  useEffect(() => {
    if (wait <= 0) return;
    const timer = setTimeout(() => setWait(session.waitSeconds()), 1000);
    return () => clearTimeout(timer);
  }, [wait]);
  return (
    <form className="cl-form" onSubmit={(e) => void submit(e)} noValidate aria-busy={busy}>
      <h2 tabIndex={-1}>{t('unlock.title')}</h2>
      {intro && <p>{intro}</p>}
      <div className="cl-field">
        <label htmlFor={field}>{t('unlock.passphrase')}</label>
        {error && (
          <p id={`${field}-err`} className="cl-error" role="alert">
            {error}
          </p>
        )}
        <input id={field} type="password" autoComplete="current-password" value={pass} onChange={(e) => setPass(e.target.value)} aria-invalid={!!error} aria-describedby={error ? `${field}-err` : undefined} />
      </div>
      {wait > 0 && <p className="cl-muted">{t('unlock.wait', { count: wait })}</p>}
      <button type="submit" disabled={busy || wait > 0}>
        {t('unlock.submit')}
      </button>
      {busy && <p role="status">{t('working')}</p>}
    </form>
  );
}

/**
 * Restoring a backup on a device whose caseload cannot be opened (forgotten passphrase, damaged data):
 * the file is read and opened first; only then is the old caseload deleted and the cases stored under
 * a new passphrase.
 */
export function RestoreBackup() {
  const { t } = useTranslation('caseload');
  const id = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [pass, setPass] = useState('');
  const [next, setNext] = useState('');
  const [busy, setBusy] = useState(false);
  const [msg, setMsg] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const file = fileRef.current?.files?.[0];
    if (!file) return setMsg({ kind: 'error', text: t('backup.noFile') });
    if (next.length < MIN_PASSPHRASE_LENGTH) return setMsg({ kind: 'error', text: t('unlock.restoreShort') });
    setBusy(true);
    try {
      const r = await readBackup(await file.text(), { passphrase: pass || undefined });
      if (!r.ok) return setMsg({ kind: 'error', text: importErrorText(t, r.error) });
      const m = writeText(t, await session.restore(r.caseload.cases, next));
      setMsg(m ?? { kind: 'ok', text: t('unlock.restoreDone', { count: r.caseload.cases.length }) });
    } catch {
      setMsg({ kind: 'error', text: t('backup.err.read') });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="cl-box" aria-labelledby={`${id}-h`} onSubmit={(e) => void submit(e)} noValidate aria-busy={busy}>
      <h3 id={`${id}-h`}>{t('unlock.restoreTitle')}</h3>
      <p>{t('unlock.restoreIntro')}</p>
      {msg && (
        <p role={msg.kind === 'ok' ? 'status' : 'alert'} className={msg.kind === 'ok' ? 'cl-ok' : 'cl-error'}>
          {msg.text}
        </p>
      )}
      <div className="cl-field">
        <label htmlFor={`${id}-file`}>{t('unlock.restoreFile')}</label>
        <input id={`${id}-file`} ref={fileRef} type="file" accept=".json,application/json" />
      </div>
      <div className="cl-field">
        <label htmlFor={`${id}-pass`}>{t('unlock.restorePass')}</label>
        <input id={`${id}-pass`} type="password" autoComplete="off" value={pass} onChange={(e) => setPass(e.target.value)} />
      </div>
      <div className="cl-field">
        <label htmlFor={`${id}-new`}>{t('unlock.restoreNew')}</label>
        <input id={`${id}-new`} type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} />
      </div>
      <button type="submit" disabled={busy}>
        {t('unlock.restoreSubmit')}
      </button>
    </form>
  );
}

/** A new passphrase for the caseload (every case sealed again). */
export function ChangePassphrase() {
  const { t } = useTranslation('caseload');
  const id = useId();
  const [cur, setCur] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [busy, setBusy] = useState(false);
  const [msg, setMsg] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (next.length < MIN_PASSPHRASE_LENGTH) return setMsg({ kind: 'error', text: t('setup.errors.short') });
    if (passStrength(next) === 'common') return setMsg({ kind: 'error', text: t('setup.errors.common') });
    if (next !== again) return setMsg({ kind: 'error', text: t('settings.pass.mismatch') });
    setBusy(true);
    try {
      const r = await session.changePassphrase(cur, next);
      if (r.ok) {
        setCur('');
        setNext('');
        setAgain('');
        setMsg({ kind: 'ok', text: t('settings.pass.done') });
      } else if (r.reason === 'write') setMsg(writeText(t, { ok: false, error: r.error }));
      else setMsg({ kind: 'error', text: r.reason === 'short' ? t('setup.errors.short') : r.reason === 'locked' ? t('write.locked') : t('settings.pass.wrong') });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="cl-box" aria-labelledby={`${id}-h`} onSubmit={(e) => void submit(e)} noValidate aria-busy={busy}>
      <h3 id={`${id}-h`}>{t('settings.pass.title')}</h3>
      {msg && (
        <p role={msg.kind === 'ok' ? 'status' : 'alert'} className={msg.kind === 'ok' ? 'cl-ok' : 'cl-error'}>
          {msg.text}
        </p>
      )}
      <div className="cl-field">
        <label htmlFor={`${id}-cur`}>{t('settings.pass.current')}</label>
        <input id={`${id}-cur`} type="password" autoComplete="current-password" value={cur} onChange={(e) => setCur(e.target.value)} />
      </div>
      <div className="cl-field">
        <label htmlFor={`${id}-next`}>{t('settings.pass.next')}</label>
        <input id={`${id}-next`} type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} />
        {next && (
          <p className="cl-muted" aria-live="polite">
            {t('setup.strength.label')}
            {t(`setup.strength.${passStrength(next) === 'common' ? 'weak' : (passStrength(next) as 'weak')}`)}
          </p>
        )}
      </div>
      <div className="cl-field">
        <label htmlFor={`${id}-again`}>{t('settings.pass.again')}</label>
        <input id={`${id}-again`} type="password" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} />
      </div>
      <button type="submit" disabled={busy}>
        {t('settings.pass.submit')}
      </button>
      {busy && <p role="status">{t('working')}</p>}
    </form>
  );
}

export function DestroyAll() {
  const { t } = useTranslation('caseload');
  const [asking, setAsking] = useState(false);
  return (
    <section className="cl-danger" aria-labelledby="cl-destroy">
      <h3 id="cl-destroy">{t('settings.destroyTitle')}</h3>
      <p>{t('settings.destroyIntro')}</p>
      {asking ? (
        <div className="cl-row">
          <button type="button" className="cl-btn-danger" onClick={() => void session.destroy()}>
            {t('settings.destroyConfirm')}
          </button>
          <button type="button" className="secondary" onClick={() => setAsking(false)}>
            {t('detail.cancel')}
          </button>
        </div>
      ) : (
        <button type="button" className="secondary" onClick={() => setAsking(true)}>
          {t('settings.destroy')}
        </button>
      )}
    </section>
  );
}
