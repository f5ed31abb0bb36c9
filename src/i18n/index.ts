/** i18next set-up: zh-CN first, English second; the choice is remembered on the device. */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGS, NAMESPACES, resources, type Lang } from './resources';

const KEY = 'tj-subsidies.lang';

export function storedLang(): Lang {
  try {
    const v = localStorage.getItem(KEY);
    if (v && (LANGS as readonly string[]).includes(v)) return v as Lang;
  } catch {
    /* storage may be unavailable: fall back to Chinese */
  }
  return 'zh-CN';
}

export function setLang(lang: Lang): void {
  try {
    localStorage.setItem(KEY, lang);
  } catch {
    /* ignore */
  }
  document.documentElement.lang = lang;
  void i18next.changeLanguage(lang);
}

export function initI18n(lang: Lang = storedLang()) {
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
  void i18next.use(initReactI18next).init({
    resources,
    lng: lang,
    fallbackLng: false,
    ns: NAMESPACES,
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  return i18next;
}

export { LANGS, type Lang };
