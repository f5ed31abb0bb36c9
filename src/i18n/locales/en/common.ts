import type zh from '../zh-CN/common';
import type { Translation } from '../../types';

const common = {
  appName: 'Tianjin disability subsidies checker',
  appShortName: 'Subsidies checker',
  skipToContent: 'Skip to main content',
  language: 'Language',
  switchTo: '中文',
  switchToLabel: '切换到中文',
  careMode: 'Large text (关怀模式)',
  nav: {
    label: 'Main sections',
    check: 'Check',
    caseload: 'Cases and notices',
    roster: 'Screen a list',
    glossary: 'Hard words',
  },
  estimate: 'This is an estimate. The street office (township) and the district civil affairs bureau decide.',
  privacy: 'What you enter stays on this device and is never sent anywhere.',
  loading: 'Loading…',
} satisfies Translation<typeof zh>;
export default common;
