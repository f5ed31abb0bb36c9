import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Names the browser tab after the view shown ("<view> - 天津残疾人两项补贴自查"), so each view has a title of its own. */
export function usePageTitle(page: string): void {
  const { t } = useTranslation('wizard');
  useEffect(() => {
    document.title = t('pageTitle', { page });
  }, [page, t]);
}
