import { useTranslation } from 'react-i18next';

export function WizardScreen() {
  const { t } = useTranslation('wizard');
  return <h1 tabIndex={-1}>{t('title')}</h1>;
}
