import { beforeAll, describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { initI18n } from '../../src/i18n';
import { noticeItems } from '../../src/screens/caseload/notice';
import { appliedText } from '../../src/screens/caseload/util';
import { caseFor } from './fixtures';

beforeAll(() => {
  initI18n('zh-CN');
});

const t = (...args: Parameters<typeof i18next.t>) => i18next.t(...args);
const zh = (appliedOn: string | undefined, answer: 'yes' | 'no' | 'unknown' | undefined) => appliedText(i18next.getFixedT('zh-CN', 'caseload'), appliedOn, answer);
const en = (appliedOn: string | undefined, answer: 'yes' | 'no' | 'unknown' | undefined) => appliedText(i18next.getFixedT('en', 'caseload'), appliedOn, answer);

describe('what a case says about applying', () => {
  it('gives the date when one is recorded, whatever was answered before', () => {
    expect(zh('2025-03-02', 'no')).toBe('2025-03-02 已申请');
    expect(en('2025-03-02', undefined)).toBe('Applied on 2025-03-02');
  });

  it('says "not yet" only when the person said so, and "not known" when they were not sure', () => {
    expect(zh(undefined, 'no')).toBe('尚未申请');
    expect(zh(undefined, 'unknown')).toBe('不清楚是否已申请');
    expect(en(undefined, 'unknown')).toBe('Not known whether they have applied');
  });

  it('says only that no date is recorded for a case that kept no answer (from a roster, or saved before answers were kept)', () => {
    expect(zh(undefined, undefined)).toBe('未记录申请日期');
    expect(en(undefined, 'yes')).toBe('No date of application recorded');
    expect(t('caseload:detail.notApplied')).not.toBe(zh(undefined, undefined));
  });

  it('carries the kept answer into the notice tracker when no date is recorded', () => {
    const notSure = { ...caseFor('不清楚', { dibaoSince: '2025-01-06' }, '2025-03-20'), wizard: { applied: 'unknown' as const, done: [] } };
    const yes = { ...caseFor('已申请', { dibaoSince: '2025-01-06', appliedOn: '2025-02-01' }, '2025-03-20'), wizard: { applied: 'yes' as const, done: [] } };
    const roster = caseFor('名单', { dibaoSince: '2025-01-06' }, '2025-03-20');
    const items = noticeItems([notSure, yes, roster], '2025-03-20');
    expect(items.map((i) => [i.ref, i.appliedOn, i.appliedAnswer])).toEqual([
      ['不清楚', null, 'unknown'],
      ['已申请', '2025-02-01', null],
      ['名单', null, null],
    ]);
  });
});
