import zhCommon from './locales/zh-CN/common';
import zhWizard from './locales/zh-CN/wizard';
import zhResult from './locales/zh-CN/result';
import zhRoster from './locales/zh-CN/roster';
import zhCaseload from './locales/zh-CN/caseload';
import zhFields from './locales/zh-CN/fields';
import enCommon from './locales/en/common';
import enWizard from './locales/en/wizard';
import enResult from './locales/en/result';
import enRoster from './locales/en/roster';
import enCaseload from './locales/en/caseload';
import enFields from './locales/en/fields';

export const LANGS = ['zh-CN', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const NAMESPACES = ['common', 'wizard', 'result', 'roster', 'caseload', 'fields'] as const;

export const resources = {
  'zh-CN': { common: zhCommon, wizard: zhWizard, result: zhResult, roster: zhRoster, caseload: zhCaseload, fields: zhFields },
  en: { common: enCommon, wizard: enWizard, result: enResult, roster: enRoster, caseload: enCaseload, fields: enFields },
} as const;
