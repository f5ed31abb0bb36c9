/** Dates anyone can enter: typed as text in any of the usual Chinese and ISO forms, read the same whatever the browser's language. */
import { ErrorMessage } from './parts';
import { useT, type TFn } from '../../i18n/useT';

/**
 * Reads a typed date whatever the browser's language: 2024-05-01, 2024/5/1, 2024.5.1, 2024年5月1日
 * or 20240501. Gives the ISO date, or an error that names the problem.
 */
export function readDate(t: TFn, text: string, asOf: string, emptyError = t('wizard:errors.dateEmpty')): { iso: string } | { error: string } {
  const v = text.trim().replace(/[／]/g, '/').replace(/[－—–]/g, '-').replace(/\s+/g, '');
  if (!v) return { error: emptyError };
  const m = /^(\d{4})(?:[-/.年](\d{1,2})[-/.月](\d{1,2})日?|(\d{2})(\d{2}))$/.exec(v);
  if (!m) return { error: t('wizard:errors.dateFormat', { text: text.trim() }) };
  const y = Number(m[1]);
  const mo = Number(m[2] ?? m[4]);
  const d = Number(m[3] ?? m[5]);
  if (mo < 1 || mo > 12) return { error: t('wizard:errors.dateMonth', { month: mo }) };
  const last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d < 1 || d > last) return { error: t('wizard:errors.dateDay', { year: y, month: mo, day: d, last }) };
  const iso = `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  if (iso > asOf) return { error: t('wizard:errors.dateFuture', { today: asOf }) };
  if (iso < '1950-01-01') return { error: t('wizard:errors.dateTooEarly') };
  return { iso };
}

/** The error for a typed date, or null when it reads as a date in range. */
export function dateError(t: TFn, value: string, asOf: string, emptyError?: string): string | null {
  const r = readDate(t, value, asOf, emptyError);
  return 'error' in r ? r.error : null;
}

/** The ISO date a typed date reads as (the text itself when it does not read as one). */
export const isoOf = (t: TFn, value: string, asOf: string): string => {
  const r = readDate(t, value, asOf);
  return 'iso' in r ? r.iso : value;
};

/**
 * A date typed as text (no native date picker: its format follows the browser's language, and some
 * assistive technology cannot use it). The hint gives the format; an error names the problem and is
 * tied to the field (aria-describedby, aria-invalid). `group`: the wrapper's class.
 */
export function DateField(props: { id: string; label: string; labelIsH1?: boolean; value: string; onChange: (v: string) => void; error?: string; disabled?: boolean; group?: string }) {
  const { t } = useT();
  const { id, label, labelIsH1, error } = props;
  const labelEl = <label htmlFor={id}>{label}</label>;
  return (
    <div className={`${props.group ?? 'form-group'}${error ? ' has-error' : ''}`}>
      {labelIsH1 ? <h1 tabIndex={-1}>{labelEl}</h1> : <p className="label-q">{labelEl}</p>}
      <p className="hint" id={`${id}-hint`}>
        {t('wizard:date.hint')}
      </p>
      <ErrorMessage id={`${id}-error`} message={error} />
      <input
        id={id}
        type="text"
        autoComplete="off"
        spellCheck={false}
        className="input-date"
        value={props.value}
        disabled={props.disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </div>
  );
}

