/** Hard terms: a "这是什么？" disclosure beside a term, and the list of all of them (the glossary page). */
import { Mixed } from '../../i18n/Mixed';
import { useT } from '../../i18n/useT';

export const TERMS = ['dibao', 'dibaoEdge', 'tekun', 'orphanGuarantee', 'workInjuryCareFee', 'welfareAllowance', 'chooseHigher', 'waived', 'severe', 'crossProvince', 'hotline'] as const;
export type Term = (typeof TERMS)[number];

/** The terms each question page explains. */
export const STEP_TERMS: Partial<Record<string, readonly Term[]>> = {
  household: ['dibao', 'dibaoEdge'],
  exclusions: ['tekun', 'workInjuryCareFee'],
  orphan: ['orphanGuarantee'],
  welfareLiving: ['welfareAllowance', 'chooseHigher'],
  welfareCare: ['welfareAllowance', 'chooseHigher'],
  homeCareNursing: ['chooseHigher'],
  grade: ['severe'],
  notice: ['waived'],
};

/** "这是什么？" for each term: a native disclosure, so it works with the keyboard and a screen reader. */
export function WhatIs({ terms }: { terms: readonly Term[] }) {
  const { t } = useT();
  if (!terms.length) return null;
  return (
    <div className="terms">
      {terms.map((k) => (
        <details key={k} className="term">
          <summary>
            <Mixed text={t(`wizard:terms.list.${k}.term`)} />
            {t('result:colon')}
            {t('wizard:terms.whatIsIt')}
          </summary>
          <p>
            <Mixed text={t(`wizard:terms.list.${k}.text`)} />
          </p>
        </details>
      ))}
    </div>
  );
}
