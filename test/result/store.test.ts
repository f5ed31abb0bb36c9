// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { answersFromFacts, clearWizard, loadIntoWizard, loadSaved, saveWizard, WIZARD_CHANGED_EVENT, WIZARD_KEY } from '../../src/wizard/store';
import { emptyAnswers } from '../../src/machine/answers';

beforeEach(() => localStorage.clear());

describe('the wizard store keeps answers on the device', () => {
  it('saves under tj-subsidies.wizard with a version and loads the same answers back', () => {
    saveWizard({ state: 'grade', answers: { ...emptyAnswers(), role: 'self', facts: { hukou: 'tianjin' }, done: ['hukou'] }, trail: ['start', 'hukou'], changing: false });
    expect(JSON.parse(localStorage.getItem(WIZARD_KEY)!).version).toBe(1);
    const s = loadSaved()!;
    expect(s.state).toBe('grade');
    expect(s.answers.facts).toEqual({ hukou: 'tianjin' });
    expect(s.trail).toEqual(['start', 'hukou']);
  });

  it('keeps the "have you applied" answer, "not sure" included, and drops a value it does not know', () => {
    for (const applied of ['yes', 'no', 'unknown'] as const) {
      saveWizard({ state: 'check', answers: { ...emptyAnswers(), applied, done: ['applied'] }, trail: ['start', 'applied'], changing: false });
      expect(loadSaved()!.answers.applied).toBe(applied);
    }
    localStorage.setItem(WIZARD_KEY, JSON.stringify({ version: 1, state: 'check', answers: { applied: 'maybe', facts: {}, done: [] }, trail: [] }));
    expect(loadSaved()!.answers.applied).toBeUndefined();
  });

  it('ignores saved data of another version or with an unknown page', () => {
    localStorage.setItem(WIZARD_KEY, JSON.stringify({ version: 99, state: 'grade', answers: { facts: {} } }));
    expect(loadSaved()).toBeNull();
    localStorage.setItem(WIZARD_KEY, JSON.stringify({ version: 1, state: 'nowhere', answers: { facts: {} } }));
    expect(loadSaved()).toBeNull();
  });

  it('drops saved facts that fail the facts schema rather than feeding them to the engine', () => {
    localStorage.setItem(WIZARD_KEY, JSON.stringify({ version: 1, state: 'check', answers: { facts: { grade: 9 }, done: [] }, trail: [] }));
    expect(loadSaved()!.answers.facts).toEqual({});
  });

  it('clearWizard forgets everything and tells a mounted wizard', () => {
    let told = 0;
    window.addEventListener(WIZARD_CHANGED_EVENT, () => told++);
    saveWizard({ state: 'grade', answers: emptyAnswers(), trail: [], changing: false });
    clearWizard();
    expect(loadSaved()).toBeNull();
    expect(told).toBe(1);
  });

  it('loadIntoWizard opens a saved case on "check your answers", or on the result, with its case id', () => {
    loadIntoWizard({ hukou: 'tianjin', certificate: 'valid', grade: 2, noticeGivenOn: '2025-01-02' }, { caseId: 'c-1' });
    let s = loadSaved()!;
    expect(s.state).toBe('check');
    expect(s.caseId).toBe('c-1');
    expect(s.answers.noticeGiven).toBe('yes');
    expect(s.answers.done).toEqual(expect.arrayContaining(['hukou', 'certificate', 'grade', 'notice']));
    expect(s.trail[0]).toBe('start');
    loadIntoWizard({ hukou: 'other' }, { goTo: 'result' });
    s = loadSaved()!;
    expect(s.state).toBe('result');
    expect(s.trail[s.trail.length - 1]).toBe('check');
  });

  it('loadIntoWizard restores what a case kept of the wizard answers: role, "not yet" / "not sure" without a date, the questions answered', () => {
    const facts = { hukou: 'tianjin', certificate: 'valid', grade: 1, household: 'dibao', tekun: 'unknown' } as const;
    for (const applied of ['no', 'unknown'] as const) {
      loadIntoWizard(facts, { caseId: 'c-2', kept: { role: 'worker', noticeGiven: 'no', applied, done: ['hukou', 'certificate', 'grade', 'household', 'dibaoSince', 'notice', 'applied'] } });
      const a = loadSaved()!.answers;
      expect(a.applied).toBe(applied);
      expect(a.noticeGiven).toBe('no');
      expect(a.role).toBe('worker');
      expect(a.done).toEqual(['hukou', 'certificate', 'grade', 'household', 'dibaoSince', 'notice', 'applied']);
    }
    // a date recorded on the case page later wins over the kept "not yet", and answers its question
    const later = answersFromFacts({ ...facts, appliedOn: '2025-03-01', noticeGivenOn: '2025-02-01' }, { applied: 'no', done: ['hukou'] });
    expect(later.applied).toBe('yes');
    expect(later.noticeGiven).toBe('yes');
    expect(later.done).toEqual(['hukou', 'notice', 'applied']);
    // a kept "yes" without its date, a step or role this version does not know: not answered, dropped
    const odd = answersFromFacts(facts, { role: 'boss' as never, applied: 'yes', done: ['applied', 'someOldStep'] });
    expect(odd.applied).toBeUndefined();
    expect(odd.role).toBeUndefined();
    expect(odd.done).toEqual([]);
  });

  it('loadIntoWizard leaves "applied" and "notice given" unanswered for a case that never kept them, unless a date is given', () => {
    loadIntoWizard({ hukou: 'tianjin', certificate: 'valid', grade: 1 }, { caseId: 'c-3' });
    const a = loadSaved()!.answers;
    expect(a.applied).toBeUndefined();
    expect(a.noticeGiven).toBeUndefined();
    expect(a.done).not.toContain('applied');
    expect(answersFromFacts({ appliedOn: '2025-03-01' }).applied).toBe('yes');
  });

  it('marks as answered only the questions whose every fact is given', () => {
    expect(answersFromFacts({ tekun: 'no', inPrison: 'no' }).done).not.toContain('exclusions');
    expect(answersFromFacts({ tekun: 'no', inPrison: 'no', workInjuryCareFee: 'unknown' }).done).toContain('exclusions');
  });
});
