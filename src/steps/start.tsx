import { useState } from 'react';
import { ROLES } from '../machine/roles';
import { ErrorSummary, Radios, type FieldError, type StepProps } from './ui/parts';
import { useT } from '../i18n/useT';

export default function StartStep(p: StepProps) {
  const { t } = useT();
  const [role, setRole] = useState<string | undefined>(p.answers.role);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const resumed = p.answers.done.length > 0;
  return (
    <>
      <h1 tabIndex={-1}>{t('wizard:start.h1')}</h1>
      <p className="lead">{t('wizard:start.intro')}</p>
      <ErrorSummary errors={errors} />
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!role) return setErrors([{ id: 'role-self', message: t('wizard:errors.choose') }]);
          p.send({ type: 'NEXT', patch: { role: role as (typeof ROLES)[number] } });
        }}
      >
        <Radios
          name="role"
          legend={t('wizard:start.roleLegend')}
          hint={t('wizard:start.roleHint')}
          options={ROLES.map((r) => ({ value: r, label: t(`wizard:start.role.${r}`) }))}
          value={role}
          onChange={setRole}
          error={errors[0]?.message}
        />
        <button type="submit" className="start-button">
          {t('wizard:start.startButton')} <span aria-hidden="true">›</span>
        </button>
      </form>
      {/* what the check does and does not do: after the start button, so that it is on the first screen */}
      <h2>{t('wizard:start.doesTitle')}</h2>
      <ul>
        <li>{t('wizard:start.does1')}</li>
        <li>{t('wizard:start.does2')}</li>
        <li>{t('wizard:start.does3')}</li>
      </ul>
      <h2>{t('wizard:start.notTitle')}</h2>
      <ul>
        <li>{t('wizard:start.not1')}</li>
        <li>{t('wizard:start.not2')}</li>
      </ul>
      <h2>{t('wizard:start.haveTitle')}</h2>
      <ul>
        <li>{t('wizard:start.have1')}</li>
        <li>{t('wizard:start.have2')}</li>
        <li>{t('wizard:start.have3')}</li>
      </ul>
      <div className="inset">
        <h2>{t('wizard:start.privacyTitle')}</h2>
        <p>{t('wizard:start.privacy')}</p>
        {resumed && <p>{t('wizard:start.resume')}</p>}
      </div>
    </>
  );
}
