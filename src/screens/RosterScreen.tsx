import { useTranslation } from 'react-i18next';

export default function RosterScreen() {
  const { t } = useTranslation('roster');
  return <h1 tabIndex={-1}>{t('title')}</h1>;
}
