/** The wizard proper: one page per machine state; answers kept on the device as they are given. Loaded lazily. */
import { useActorRef, useSelector } from '@xstate/react';
import { useEffect, useRef, useState, type ComponentType } from 'react';
import { todayLocal } from '../../machine/answers';
import { QUESTION_STEPS, relevantSteps, STEPS, type QuestionStep, type StepName } from '../../machine/steps';
import { ProgressContext, type Progress } from '../../steps/ui/progress';
import { depth, hashFor, isWizardHash, stepFromHash } from '../../wizard/address';
import { wizardMachine } from '../../machine/wizard.machine';
import { loadSaved, saveWizard, clearWizard } from '../../wizard/store';
import type { WizardContext, WizardEvent } from '../../machine/wizard.machine';
import { useT } from '../../i18n/useT';
import type { StepProps } from '../../steps/ui/parts';
import Start from '../../steps/start';
import Hukou from '../../steps/hukou';
import Certificate from '../../steps/certificate';
import Category from '../../steps/category';
import Grade from '../../steps/grade';
import Household from '../../steps/household';
import Exclusions from '../../steps/exclusions';
import Orphan from '../../steps/orphan';
import OrphanInstitution from '../../steps/orphanInstitution';
import InstitutionFunded from '../../steps/institutionFunded';
import WelfareLiving from '../../steps/welfareLiving';
import WelfareLivingAmount from '../../steps/welfareLivingAmount';
import WelfareCare from '../../steps/welfareCare';
import WelfareCareAmount from '../../steps/welfareCareAmount';
import HomeCareNursing from '../../steps/homeCareNursing';
import HomeCareNursingAmount from '../../steps/homeCareNursingAmount';
import Elderly from '../../steps/elderly';
import DibaoSince from '../../steps/dibaoSince';
import DibaoEdgeSince from '../../steps/dibaoEdgeSince';
import CertifiedOn from '../../steps/certifiedOn';
import Notice from '../../steps/notice';
import Applied from '../../steps/applied';
import Check from '../../steps/check';
import { ResultPage } from '../result/ResultPage';


export const STEP_COMPONENTS: Record<StepName, ComponentType<StepProps>> = {
  start: Start,
  hukou: Hukou,
  certificate: Certificate,
  category: Category,
  grade: Grade,
  household: Household,
  exclusions: Exclusions,
  orphan: Orphan,
  orphanInstitution: OrphanInstitution,
  institutionFunded: InstitutionFunded,
  welfareLiving: WelfareLiving,
  welfareLivingAmount: WelfareLivingAmount,
  welfareCare: WelfareCare,
  welfareCareAmount: WelfareCareAmount,
  homeCareNursing: HomeCareNursing,
  homeCareNursingAmount: HomeCareNursingAmount,
  elderly: Elderly,
  dibaoSince: DibaoSince,
  dibaoEdgeSince: DibaoEdgeSince,
  certifiedOn: CertifiedOn,
  notice: Notice,
  applied: Applied,
  check: Check,
  result: ResultPage,
};

/** Question n of about m: the questions passed on the way here, then those still to be asked with these answers. */
function progressOf(state: StepName, trail: readonly StepName[], answers: WizardContext['answers'], asOf: string): Progress | null {
  const i = QUESTION_STEPS.indexOf(state as QuestionStep);
  if (i < 0) return null;
  const passed = new Set(trail.filter((s) => QUESTION_STEPS.includes(s as QuestionStep) && s !== state)).size;
  const ahead = relevantSteps(answers, asOf).filter((s) => QUESTION_STEPS.indexOf(s) > i).length;
  return { n: passed + 1, m: passed + 1 + ahead };
}

function Wizard({ onRestart, initialEvent }: { onRestart: () => void; initialEvent?: WizardEvent }) {
  const { t } = useT();
  const [asOf] = useState(todayLocal);
  const [saved] = useState(loadSaved);
  const actor = useActorRef(
    wizardMachine,
    saved
      ? {
          input: { asOf },
          snapshot: wizardMachine.resolveState({
            value: saved.state,
            context: { answers: saved.answers, trail: saved.trail, changing: saved.changing, asOf },
          }),
        }
      : { input: { asOf } },
  );
  const state = useSelector(actor, (s) => s.value as StepName);
  const context = useSelector(actor, (s) => s.context);
  const caseId = saved?.caseId;

  useEffect(() => {
    const sub = actor.subscribe((s) => {
      const c = s.context;
      saveWizard({ state: s.value as StepName, answers: c.answers, trail: c.trail, changing: c.changing, caseId });
    });
    return () => sub.unsubscribe();
  }, [actor, caseId]);

  // The address follows the page: a new page is a new history entry, so the phone's back and forward
  // buttons step between pages; an address naming another page (back, forward, a bookmark) moves there.
  useEffect(() => {
    const named = stepFromHash(location.hash);
    const go = (to: string | null) => {
      const step = (to ?? 'start') as StepName;
      if (!(STEPS as readonly string[]).includes(step)) return false;
      if (step !== actor.getSnapshot().value) actor.send({ type: 'GOTO', step });
      return actor.getSnapshot().value === step;
    };
    if (named && !go(named)) history.replaceState(history.state, '', hashFor(actor.getSnapshot().value as StepName));
    else if (!named) history.replaceState(history.state, '', hashFor(actor.getSnapshot().value as StepName));
    let shown = actor.getSnapshot().value as StepName;
    const sub = actor.subscribe((s) => {
      const step = s.value as StepName;
      if (step === shown) return;
      const from = shown;
      shown = step;
      if (stepFromHash(location.hash) === step || (step === 'start' && stepFromHash(location.hash) === null)) return;
      // `from` names the entry below this one, so the back link knows whether history.back() lands where BACK goes
      history.pushState({ ...(history.state as object | null), wizardDepth: depth() + 1, wizardFrom: from }, '', hashFor(step));
    });
    const onPop = () => {
      if (!isWizardHash(location.hash)) return; // leaving for another part of the app
      if (!go(stepFromHash(location.hash))) history.replaceState(history.state, '', hashFor(actor.getSnapshot().value as StepName));
    };
    window.addEventListener('popstate', onPop);
    return () => {
      sub.unsubscribe();
      window.removeEventListener('popstate', onPop);
    };
  }, [actor]);

  /**
   * The page's back link: the browser's own back when the entry below this one in the tab's history is
   * the page BACK leads to (the trail's last page); otherwise (a reopened tab, a bookmark) BACK itself.
   */
  const send = (e: WizardEvent) => {
    const trail = actor.getSnapshot().context.trail;
    const below = (history.state as { wizardFrom?: StepName } | null)?.wizardFrom;
    if (e.type === 'BACK' && depth() > 0 && below !== undefined && below === trail[trail.length - 1]) history.back();
    else actor.send(e);
  };

  // the start page's answer, given before this part of the wizard had loaded
  const replayed = useRef(false);
  useEffect(() => {
    if (initialEvent && !replayed.current) {
      replayed.current = true;
      actor.send(initialEvent);
    }
  }, [actor, initialEvent]);

  // Focus the new page's h1 on every step change (not on first load), and name the page.
  const first = useRef(!initialEvent);
  useEffect(() => {
    const h1 = document.querySelector<HTMLElement>('main h1');
    if (h1) document.title = t('wizard:pageTitle', { page: h1.textContent ?? '' });
    if (first.current) {
      first.current = false;
      return;
    }
    h1?.focus();
    window.scrollTo?.(0, 0);
  }, [state, t]);

  const Step = STEP_COMPONENTS[state];
  return (
    <div className="wizard" data-step={state}>
      <ProgressContext.Provider value={progressOf(state, context.trail, context.answers, context.asOf)}>
        <Step key={state} answers={context.answers} send={send} asOf={context.asOf} />
      </ProgressContext.Provider>
      {state !== 'start' && (
        <p className="restart-row no-print">
          <button
            type="button"
            className="secondary"
            onClick={() => {
              if (window.confirm(t('wizard:restartConfirm'))) {
                actor.send({ type: 'RESTART' });
                onRestart();
              }
            }}
          >
            {t('wizard:restart')}
          </button>
        </p>
      )}
    </div>
  );
}

export default function WizardFlow({ initialEvent }: { initialEvent?: WizardEvent }) {
  return <Wizard onRestart={clearWizard} initialEvent={initialEvent} />;
}
