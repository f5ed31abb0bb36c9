// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { initI18n } from '../../src/i18n';
import { WizardScreen } from '../../src/screens/WizardScreen';
import { clearWizard, loadIntoWizard, loadSaved } from '../../src/wizard/store';

beforeAll(() => {
  initI18n('zh-CN');
});
beforeEach(() => {
  localStorage.clear();
  history.replaceState(null, '', '#/'); // each test starts at the app's first address
});
afterEach(cleanup);

// the wizard proper loads lazily (machine, engine, result page): slow on a loaded machine
describe('the wizard screen', { timeout: 20_000 }, () => {
  it('shows the start page at once and, once started, the first question with the answer saved on the device', async () => {
    render(<WizardScreen />);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('天津残疾人两项补贴自查');
    await userEvent.click(screen.getByLabelText('我是社工或工作人员，替别人查'));
    await userEvent.click(screen.getByRole('button', { name: /开始/ }));
    expect(await screen.findByRole('heading', { level: 1, name: '该残疾人的户口是天津户籍吗？' }, { timeout: 5000 })).toBeInTheDocument();
    expect(loadSaved()?.state).toBe('hukou');
    expect(loadSaved()?.answers.role).toBe('worker');
  });

  it('opens a case loaded from the caseload on its result, and "clearWizard" brings back the start page', async () => {
    render(<WizardScreen />);
    act(() => loadIntoWizard({ hukou: 'tianjin', certificate: 'valid', category: 'visual', grade: 2, household: 'dibaoEdge' }, { caseId: 'case-7', goTo: 'result' }));
    expect(await screen.findByRole('heading', { level: 1, name: '估算结果' }, { timeout: 5000 })).toBeInTheDocument();
    expect(loadSaved()?.caseId).toBe('case-7');
    act(() => clearWizard());
    expect(await screen.findByRole('heading', { level: 1, name: '天津残疾人两项补贴自查' }, { timeout: 5000 })).toBeInTheDocument();
  });
});
