import { useDeferredValue, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { COLUMN_NAMES as FACT_FIELDS, type ColumnName as FactField } from '../facts/fields';
import { fieldName } from '../screening/messages';
import { mappingProblems, type ColumnMapping } from './mapping';
import type { Lang } from './protocol';

interface Props {
  headers: string[];
  sample: string[];
  mapping: ColumnMapping;
  fromStorage: boolean;
  showErrors: boolean;
  onChange: (m: ColumnMapping) => void;
  onStart: () => void;
  onRestart: () => void;
}

/** The header-mapping step: one labelled <select> per column of the file. */
export function MappingStep({ headers, sample, mapping, fromStorage, showErrors, onChange, onStart, onRestart }: Props) {
  const { t, i18n } = useTranslation('roster');
  const lang = (i18n.language === 'en' ? 'en' : 'zh-CN') as Lang;
  const base = useId();
  // the same choices under every column: their words are made once, not once per column
  const options = useMemo(() => FACT_FIELDS.map((f) => [f, t('mapping.option', { name: fieldName(f, lang), field: f })] as const), [t, lang]);
  const ignore = t('mapping.ignore');
  // the columns' choices (a select of some thirty options per column) are rendered in the
  // background, after the heading has taken focus: never one long task for a wide file
  const listed = useDeferredValue(true, false);
  const problems = mappingProblems(mapping);
  const badColumns = new Set(problems.flatMap((p) => p.columns));
  const problemText = problems.map((p) =>
    p.code === 'duplicate'
      ? t('mapping.duplicate', { field: fieldName(p.field!, lang), columns: p.columns.map((c) => `“${headers[c]}”`).join(t('listSep')) })
      : t('mapping.nothingMapped'),
  );
  return (
    <section aria-labelledby={`${base}-h`} className="roster-mapping">
      <h2 id={`${base}-h`} tabIndex={-1} data-autofocus>
        {t('mapping.title')}
      </h2>
      <p>{t('mapping.intro')}</p>
      {fromStorage && <p className="roster-note">{t('mapping.fromStorage')}</p>}
      {showErrors && problems.length > 0 && (
        <div className="roster-error-summary" role="alert" aria-labelledby={`${base}-err`} tabIndex={-1}>
          <h3 id={`${base}-err`}>{t('mapping.errorTitle')}</h3>
          <ul>
            {problemText.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onStart();
        }}
      >
        <fieldset>
          <legend>{t('mapping.legend')}</legend>
          <ol className="roster-mapping-list">
            {listed && headers.map((h, i) => {
              const id = `${base}-c${i}`;
              const cell = sample[i]?.trim();
              return (
                <li key={i}>
                  <label htmlFor={id}>{t('mapping.column', { header: h || `#${i + 1}` })}</label>
                  <span className="roster-hint" id={`${id}-hint`}>
                    {cell ? t('mapping.sample', { sample: cell }) : t('mapping.sampleEmpty')}
                  </span>
                  <select
                    id={id}
                    value={mapping[i] ?? ''}
                    aria-describedby={`${id}-hint`}
                    aria-invalid={showErrors && badColumns.has(i) ? true : undefined}
                    onChange={(e) => {
                      const next = [...mapping];
                      next[i] = e.target.value === '' ? null : (e.target.value as FactField);
                      onChange(next);
                    }}
                  >
                    <option value="">{ignore}</option>
                    {options.map(([f, label]) => (
                      <option key={f} value={f}>
                        {label}
                      </option>
                    ))}
                  </select>
                </li>
              );
            })}
          </ol>
        </fieldset>
        <div className="roster-actions">
          <button type="submit">{t('mapping.start')}</button>
          <button type="button" className="secondary" onClick={onRestart}>
            {t('mapping.restart')}
          </button>
        </div>
      </form>
    </section>
  );
}
