/** Creating the caseload passphrase, unlocking, and deleting everything when it is forgotten. */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { session } from '../storage/session';
import { MIN_PASSPHRASE_LENGTH } from '../storage/vault';

export function ErrorSummary({ errors }: { errors: { field: string; text: string }[] }) {
  const { t } = useTranslation('caseload');
  if (!errors.length) return null;
  return (
    <div className="cl-error-summary" role="alert" tabIndex={-1}>
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
    else if (pass !== again) errs.push({ field: f.again, text: t('setup.errors.mismatch') });
    if (!ok) errs.push({ field: f.ok, text: t('setup.errors.understand') });
    setErrors(errs);
    if (errs.length) return;
    setBusy(true);
    try {
      await session.create(pass);
    } finally {
      setBusy(false);
    }
  };
  const err = (field: string) => errors.find((e) => e.field === field);
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
        <input id={f.pass} type="password" autoComplete="new-password" value={pass} onChange={(e) => setPass(e.target.value)} aria-invalid={!!err(f.pass)} aria-describedby={err(f.pass) ? `${f.pass}-err` : undefined} />
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
  const field = `${id}-pass`;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!pass) {
      setError(t('unlock.empty'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const r = await session.unlock(pass);
      if (!r.ok) {
        setError(r.reason === 'wrongPassphrase' ? t('unlock.wrong') : r.reason === 'migration' ? t('unlock.migration') : t('unlock.damaged'));
        setPass('');
        document.getElementById(field)?.focus();
      }
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="cl-form" onSubmit={(e) => void submit(e)} noValidate aria-busy={busy}>
      <h2>{t('unlock.title')}</h2>
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
      <button type="submit" disabled={busy}>
        {t('unlock.submit')}
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
