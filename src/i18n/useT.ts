import { useTranslation } from 'react-i18next';

export type TFn = (key: string, opts?: Record<string, unknown>) => string;

/** Translation with keys built from step names ("wizard:hukou.q"); test/i18n checks both languages have every key. */
export function useT(): { t: TFn; lang: string } {
  const { t, i18n } = useTranslation(['wizard', 'result', 'common']);
  return { t: t as unknown as TFn, lang: i18n.language };
}
