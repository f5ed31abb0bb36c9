import zhCommon from './locales/zh-CN/common';
import zhWizard from './locales/zh-CN/wizard';
import zhResult from './locales/zh-CN/result';
import zhRoster from './locales/zh-CN/roster';
import zhCaseload from './locales/zh-CN/caseload';
import enCommon from './locales/en/common';
import enWizard from './locales/en/wizard';
import enResult from './locales/en/result';
import enRoster from './locales/en/roster';
import enCaseload from './locales/en/caseload';

export const LANGS = ['zh-CN', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const NAMESPACES = ['common', 'wizard', 'result', 'roster', 'caseload'] as const;

export const resources = {
  'zh-CN': { common: zhCommon, wizard: zhWizard, result: zhResult, roster: zhRoster, caseload: zhCaseload },
  en: { common: enCommon, wizard: enWizard, result: enResult, roster: enRoster, caseload: enCaseload },
} as const;
