/**
 * The wizard's entry. The start page needs neither the engine nor the machine, so it shows at once;
 * the rest of the wizard (machine, engine, questions, result) loads in the background and takes over
 * when the person starts — or straight away when saved answers bring them back mid-way.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import type { Role } from '../machine/roles';
import type { WizardEvent } from '../machine/wizard.machine';
import StartStep from '../steps/start';
import { useT } from '../i18n/useT';
import { peekSaved, WIZARD_CHANGED_EVENT } from '../wizard/keys';
import { stepFromHash } from '../wizard/address';
import './wizard/wizard.css';

const loadFlow = () => import('./wizard/WizardFlow');
const WizardFlow = lazy(loadFlow);

export function WizardScreen() {
  const { t } = useT();
  const [generation, setGeneration] = useState(0);
  const [started, setStarted] = useState<WizardEvent | null>(null);
  useEffect(() => {
    const reload = () => {
      setStarted(null);
      setGeneration((g) => g + 1);
    };
    window.addEventListener(WIZARD_CHANGED_EVENT, reload);
    return () => window.removeEventListener(WIZARD_CHANGED_EVENT, reload);
  }, []);
  const saved = peekSaved(); // cheap; re-read on every render so a reset or a loaded case is seen
  // an address naming a page (a reload, a bookmark, the forward button) opens the wizard proper
  const named = stepFromHash(location.hash);
  const onStartPage = !started && (named === null || named === 'start') && (saved === null || saved.state === 'start');

  useEffect(() => {
    if (!onStartPage) return;
    document.title = t('wizard:pageTitle', { page: t('wizard:start.h1') });
    // fetch the rest while the start page is read: once the page has painted and the browser is
    // idle, so that loading it never delays the first view
    const idle = window.requestIdleCallback ?? ((f: () => void) => window.setTimeout(f, 200));
    const cancel = window.cancelIdleCallback ?? window.clearTimeout;
    const id = idle(() => void loadFlow(), { timeout: 3000 });
    return () => cancel(id);
  }, [onStartPage, t]);

  if (onStartPage)
    return (
      <div className="wizard" data-step="start">
        <StartStep
          answers={{ role: saved?.role as Role | undefined, facts: {}, done: [] }}
          asOf=""
          send={(e) => {
            if (e.type === 'NEXT') setStarted(e);
          }}
        />
      </div>
    );
  return (
    <Suspense fallback={<p role="status">{t('common:loading')}</p>}>
      <WizardFlow key={generation} initialEvent={started ?? undefined} />
    </Suspense>
  );
}
