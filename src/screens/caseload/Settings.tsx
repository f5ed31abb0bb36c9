import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IDLE_CHOICES, session, storedIdleMinutes } from '../../storage/session';
import { DestroyAll } from '../../caseview/PassForms';

export function Settings() {
  const { t } = useTranslation('caseload');
  const id = useId();
  const [minutes, setMinutes] = useState(storedIdleMinutes());
  const [saved, setSaved] = useState(false);
  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('settings.title')}</h2>
      <div className="cl-field">
        <label htmlFor={`${id}-idle`}>{t('settings.idle')}</label>
        <select
          id={`${id}-idle`}
          value={minutes}
          onChange={(e) => {
            const m = Number(e.target.value);
            setMinutes(m);
            session.setIdleMinutes(m);
            setSaved(true);
          }}
        >
          {IDLE_CHOICES.map((m) => (
            <option key={m} value={m}>
              {t('settings.minutes', { count: m })}
            </option>
          ))}
        </select>
      </div>
      {saved && <p role="status">{t('settings.saved')}</p>}
      <DestroyAll />
    </section>
  );
}
