// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createActor } from 'xstate';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { initI18n, setLang } from '../../src/i18n';
import { emptyAnswers, type Answers } from '../../src/machine/answers';
import { wizardMachine, type WizardEvent } from '../../src/machine/wizard.machine';
import { STEP_COMPONENTS } from '../../src/screens/wizard/WizardFlow';
import type { StepName } from '../../src/machine/steps';

const asOf = '2025-06-01';
beforeAll(() => {
  initI18n('zh-CN');
});
afterEach(cleanup);

/** Renders one step with an actor resolved at that step; returns where NEXT led. */
function renderStep(step: StepName, answers: Answers = { ...emptyAnswers(), role: 'self' }) {
  const actor = createActor(wizardMachine, {
    input: { asOf },
    snapshot: wizardMachine.resolveState({ value: step, context: { answers, trail: ['start'], changing: false, asOf } }),
  }).start();
  const sent: WizardEvent[] = [];
  const Step = STEP_COMPONENTS[step];
  render(<Step answers={answers} asOf={asOf} send={(e) => { sent.push(e); actor.send(e); }} />);
  return { actor, sent, where: () => actor.getSnapshot().value };
}

const continueButton = () => screen.getByRole('button', { name: '继续' });

describe('the start page', () => {
  it('says what the tool does, what it does not, and that answers stay on the device', () => {
    renderStep('start', emptyAnswers());
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('天津残疾人两项补贴自查');
    expect(screen.getByText(/结果只是估算/)).toBeInTheDocument();
    expect(screen.getByText(/不会发送到任何地方/)).toBeInTheDocument();
  });

  it('asks who is answering and will not start without a choice', async () => {
    const { where } = renderStep('start', emptyAnswers());
    await userEvent.click(screen.getByRole('button', { name: /开始/ }));
    expect(screen.getByRole('alert')).toHaveTextContent('请选择一项');
    expect(where()).toBe('start');
    await userEvent.click(screen.getByLabelText('我为照顾的家人查（例如孩子或老人）'));
    await userEvent.click(screen.getByRole('button', { name: /开始/ }));
    expect(where()).toBe('hukou');
  });
});

describe('a question page', () => {
  it('hukou: the question is the legend of its radios and follows who is answering', () => {
    renderStep('hukou', { ...emptyAnswers(), role: 'worker' });
    const group = screen.getByRole('group', { name: '该残疾人的户口是天津户籍吗？' });
    expect(group).toBeInTheDocument();
    expect(screen.getByLabelText('不清楚')).toBeInTheDocument();
    expect(screen.getByText(/为什么问/)).toBeInTheDocument();
  });

  it('hukou: no answer shows the error at the field and in a summary linking to it', async () => {
    const { where } = renderStep('hukou');
    await userEvent.click(continueButton());
    const summary = screen.getByRole('alert');
    const link = summary.querySelector('a')!;
    expect(link.getAttribute('href')).toBe('#hukou-tianjin');
    expect(document.querySelector('.error-message')).toHaveTextContent('请选择一项');
    expect(where()).toBe('hukou');
  });

  it('hukou: "not Tianjin" leads straight to "check your answers"', async () => {
    const { where } = renderStep('hukou');
    await userEvent.click(screen.getByLabelText('不是，外省市户籍'));
    await userEvent.click(continueButton());
    expect(where()).toBe('check');
  });

  it('hukou: "Tianjin" leads to the certificate question', async () => {
    const { where } = renderStep('hukou');
    await userEvent.click(screen.getByLabelText('是，天津户籍'));
    await userEvent.click(continueButton());
    expect(where()).toBe('certificate');
  });

  it('grade: the answer is stored as a number', async () => {
    const { actor } = renderStep('grade', { ...emptyAnswers(), role: 'self', facts: { hukou: 'tianjin', certificate: 'valid' } });
    await userEvent.click(screen.getByLabelText('二级'));
    await userEvent.click(continueButton());
    expect(actor.getSnapshot().context.answers.facts.grade).toBe(2);
    expect(actor.getSnapshot().value).toBe('household');
  });

  it('exclusions: all three must be answered; the summary lists each one missing', async () => {
    const answers = { ...emptyAnswers(), role: 'self' as const, facts: { hukou: 'tianjin' as const, certificate: 'valid' as const, grade: 1 as const, household: 'dibao' as const } };
    const { where } = renderStep('exclusions', answers);
    await userEvent.click(screen.getAllByLabelText('否')[0]!);
    await userEvent.click(continueButton());
    expect(screen.getByRole('alert').querySelectorAll('li')).toHaveLength(2);
    expect(where()).toBe('exclusions');
    for (const el of screen.getAllByLabelText('否')) await userEvent.click(el);
    await userEvent.click(continueButton());
    expect(where()).toBe('orphan');
  });

  it('an amount page accepts whole yuan, rejects other text, and accepts "not sure"', async () => {
    const answers = { ...emptyAnswers(), role: 'self' as const, facts: { hukou: 'tianjin' as const, certificate: 'valid' as const, grade: 1 as const, household: 'neither' as const, homeCareNursingSubsidy: ['unknown' as const] } };
    const { actor } = renderStep('homeCareNursingAmount', answers);
    const input = screen.getByLabelText('您领的居家养老护理补贴每月多少钱？');
    await userEvent.type(input, '三百');
    await userEvent.click(continueButton());
    expect(screen.getByRole('alert')).toHaveTextContent('每月金额');
    await userEvent.clear(input);
    await userEvent.type(input, '350');
    await userEvent.click(continueButton());
    expect(actor.getSnapshot().context.answers.facts.homeCareNursingSubsidy).toEqual([350]);
  });

  it('a date page takes a typed date, refuses one in the future, and accepts "not sure"', async () => {
    const answers = { ...emptyAnswers(), role: 'self' as const, facts: { hukou: 'tianjin' as const, certificate: 'valid' as const, grade: 1 as const, household: 'dibao' as const } };
    const { actor, where } = renderStep('dibaoSince', answers);
    const input = screen.getByLabelText('您家是哪一天纳入低保的？');
    fireEvent.change(input, { target: { value: '2030-01-01' } });
    await userEvent.click(continueButton());
    expect(screen.getByRole('alert')).toHaveTextContent('不能晚于今天');
    expect(where()).toBe('dibaoSince');
    fireEvent.change(input, { target: { value: '2025-04-01' } });
    await userEvent.click(continueButton());
    expect(actor.getSnapshot().context.answers.facts.dibaoSince).toBe('2025-04-01');
  });

  it('the notice page reveals the date only after "yes" and needs it', async () => {
    const answers = { ...emptyAnswers(), role: 'self' as const, facts: { hukou: 'tianjin' as const, certificate: 'valid' as const, grade: 1 as const, household: 'dibao' as const } };
    const { actor } = renderStep('notice', answers);
    expect(screen.queryByLabelText('告知的日期')).toBeNull();
    await userEvent.click(screen.getByLabelText('是'));
    await userEvent.click(continueButton());
    expect(screen.getByRole('alert')).toHaveTextContent('日期');
    fireEvent.change(screen.getByLabelText('告知的日期'), { target: { value: '2025-05-01' } });
    await userEvent.click(screen.getByLabelText('电话通知'));
    await userEvent.click(continueButton());
    expect(actor.getSnapshot().context.answers.facts).toMatchObject({ noticeGivenOn: '2025-05-01', noticeForm: 'phone' });
    expect(actor.getSnapshot().context.answers.noticeGiven).toBe('yes');
  });

  it('the applied page offers "not sure", which keeps no date of application', async () => {
    const answers: Answers = {
      ...emptyAnswers(),
      role: 'carer',
      applied: 'yes',
      facts: { hukou: 'tianjin', certificate: 'valid', grade: 1, household: 'dibao', appliedOn: '2025-05-01' },
      done: ['applied'],
    };
    const { actor, where } = renderStep('applied', answers);
    const group = screen.getByRole('group', { name: '他（她）已经申请过这两项补贴吗？' });
    expect(within(group).getAllByRole('radio').map((r) => (r as HTMLInputElement).value)).toEqual(['yes', 'no', 'unknown']);
    expect(screen.getByLabelText('申请的日期')).toHaveValue('2025-05-01');
    await userEvent.click(screen.getByLabelText('不清楚'));
    expect(screen.queryByLabelText('申请的日期')).toBeNull();
    await userEvent.click(continueButton());
    expect(where()).toBe('check');
    expect(actor.getSnapshot().context.answers.applied).toBe('unknown');
    expect(actor.getSnapshot().context.answers.facts.appliedOn).toBeUndefined();
  });

  it('Back on a question page sends BACK', async () => {
    const { sent } = renderStep('certificate');
    await userEvent.click(screen.getByRole('button', { name: /返回上一步/ }));
    expect(sent).toEqual([{ type: 'BACK' }]);
  });
});

describe('check your answers and the result', () => {
  const answers: Answers = {
    ...emptyAnswers(),
    role: 'self',
    facts: { hukou: 'tianjin', certificate: 'valid', category: 'physical', grade: 3, household: 'neither', tekun: 'no', workInjuryCareFee: 'no', inPrison: 'no' },
    done: ['hukou', 'certificate', 'category', 'grade', 'household', 'exclusions'],
  };

  it('lists each answer with a change link that returns to that question', async () => {
    const { where } = renderStep('check', answers);
    expect(screen.getAllByText('残疾等级')[0]!.tagName).toBe('DT');
    expect(screen.getByText('三级')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /修改.*户籍/ })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: /修改.*家庭低保情况/ }));
    expect(where()).toBe('household');
  });

  it('the result says what would change a "not eligible" (低保边缘 would give 160 a month), with criteria by icon and words', async () => {
    renderStep('result', answers);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('估算结果');
    expect(screen.getByText(/如果“家庭低保情况”是“享受低保”或“低保边缘家庭（原低收入家庭）”，困难残疾人生活补贴为每月 160 元/)).toBeInTheDocument();
    expect(screen.getAllByText('不符合').length).toBeGreaterThan(0);
    expect(screen.getAllByText(/TJ-LIVING-SCOPE/).length).toBeGreaterThan(0);
    await act(async () => {});
  });

  it('"not sure" whether they applied: the check page says so, and the result says the first month depends on when they applied', async () => {
    const paid: Answers = {
      ...answers,
      applied: 'unknown',
      facts: { ...answers.facts, grade: 1, household: 'dibao', orphanGuarantee: 'no', welfareLivingAllowances: [], welfareCareAllowances: [], homeCareNursingSubsidy: [] },
      done: [...answers.done, 'applied'],
    };
    renderStep('check', paid);
    const row = screen.getAllByText('是否已申请').find((e) => e.tagName === 'DT')!.closest('.summary-row') as HTMLElement;
    expect(within(row).getByText('不清楚')).toBeInTheDocument();
    cleanup();
    const { where } = renderStep('result', paid);
    expect(screen.getByText(/不清楚是否已经申请.*要看是什么时候申请的.*本月申请就从 2025-06 开始发/)).toBeInTheDocument();
    // the clause is cited behind the notice's 依据 disclosure, not in the sentence
    expect(screen.getByText(/不清楚是否已经申请/).textContent).not.toMatch(/NAT-|TJ-/);
    expect(document.getElementById('basis-notice')).toHaveTextContent('NAT-PAY-FROM-APPLICATION');
    expect(screen.queryByText(/^如果本月申请/)).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: '回答这个问题：是否已申请' }));
    expect(where()).toBe('applied');
  });

  it('"not yet" applied: the result gives the month payment would start if they applied now', () => {
    renderStep('result', { ...answers, applied: 'no', facts: { ...answers.facts, grade: 1, household: 'dibao' }, done: [...answers.done, 'applied'] });
    expect(screen.getByText('如果本月申请，补贴从 2025-06 开始发，之前的月份不补发。')).toBeInTheDocument();
    expect(screen.queryByText(/不清楚是否已经申请/)).toBeNull();
  });

  describe('a paid care subsidy whose payee is not settled (TJ-ORPHAN-INSTITUTION)', () => {
    const orphan: Answers = {
      ...answers,
      facts: { ...answers.facts, grade: 1, household: 'dibao', orphanGuarantee: 'yes', orphanInInstitution: 'unknown', institutionCareFunded: 'no', welfareCareAllowances: [], homeCareNursingSubsidy: [] },
    };
    /** the "paid to" line of the care card */
    const payeeOf = (card: RegExp, dt: string) => within(screen.getByRole('region', { name: card })).getByText(dt).nextElementSibling as HTMLElement;
    afterEach(() => {
      act(() => setLang('zh-CN'));
    });

    it('says "the person, or the institution if …" with the question that settles it, and links to it', async () => {
      const { where } = renderStep('result', orphan);
      const dd = payeeOf(/^重度残疾人护理补贴$/, '发给谁');
      expect(dd).toHaveTextContent(/^发给本人（或监护人）；如果“机构养育”是“是”，则发给儿童福利机构（用于残疾孤儿护理费用）。 回答这个问题：机构养育$/);
      expect(document.getElementById('basis-care')).toHaveTextContent('TJ-ORPHAN-INSTITUTION');
      expect(screen.getAllByText('重度残疾人护理补贴：可以领，每月 200 元。')).toHaveLength(2);
      await userEvent.click(within(dd).getByRole('button', { name: '回答这个问题：机构养育' }));
      expect(where()).toBe('orphanInstitution');
    });

    it('in English too, naming both questions when neither is answered', () => {
      act(() => setLang('en'));
      renderStep('result', { ...orphan, facts: { ...orphan.facts, orphanGuarantee: 'unknown' } });
      const dd = payeeOf(/^Care subsidy/, 'Paid to');
      expect(dd).toHaveTextContent(
        'The person (or guardian), or the child-welfare institution (for pooled care costs of disabled orphans) if “Orphan basic-living guarantee” is “Yes” and “Raised in an institution” is “Yes”.',
      );
      expect(within(dd).getAllByRole('button').map((b) => b.textContent)).toEqual([
        'Answer this question: Orphan basic-living guarantee',
        'Answer this question: Raised in an institution',
      ]);
    });
  });

  it('links each question that would settle a card once on that card, when the status and the payee both depend on it', () => {
    const open: Answers = {
      ...answers,
      facts: { ...answers.facts, grade: 1, household: 'dibao', tekun: 'unknown', inPrison: 'unknown', orphanGuarantee: 'yes', orphanInInstitution: 'unknown', institutionCareFunded: 'unknown', welfareLivingAllowances: [], welfareCareAllowances: [], homeCareNursingSubsidy: [] },
    };
    renderStep('result', open);
    const care = screen.getByRole('region', { name: /^重度残疾人护理补贴$/ });
    const links = within(care).getAllByRole('button', { name: /^回答这个问题：/ }).map((b) => b.textContent);
    expect(links).toEqual(expect.arrayContaining(['回答这个问题：机构养育', '回答这个问题：其他情况', '回答这个问题：机构已有护理类补贴']));
    expect(links.length).toBe(new Set(links).size);
    cleanup();
    // three unknown answers of one question ("other circumstances"): one link to it
    renderStep('result', { ...open, facts: { ...open.facts, orphanGuarantee: 'no', workInjuryCareFee: 'unknown' } });
    for (const card of [/^困难残疾人生活补贴$/, /^重度残疾人护理补贴$/])
      expect(within(screen.getByRole('region', { name: card })).getAllByRole('button', { name: /^回答这个问题：/ }).map((b) => b.textContent)).toEqual(['回答这个问题：其他情况']);
  });

  it('the result tells someone without a certificate to get one from 残联', () => {
    renderStep('result', { ...answers, facts: { ...answers.facts, certificate: 'none' } });
    expect(screen.getAllByText(/残联申请残疾评定/).length).toBeGreaterThan(0);
  });
});
