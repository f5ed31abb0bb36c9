import { useTranslation } from 'react-i18next';

export default function CaseloadScreen() {
  const { t } = useTranslation('caseload');
  return <h1 tabIndex={-1}>{t('title')}</h1>;
}
