/**
 * Bottom of the wizard's result page. The panel (print the plain-language sheet; save as a case) is
 * loaded on demand so the caseload's code never weighs on the first page a citizen opens; the
 * service worker precaches it, so it loads offline too.
 */
import { lazy, Suspense } from 'react';
import type { Result } from '../engine/types';
import type { Facts } from '../facts/schema';
import type { Answers } from '../machine/answers';

const Panel = lazy(() => import('./caseload/ResultActionsPanel'));

export function ResultActions(props: { facts: Facts; result: Result; answers: Answers }) {
  return (
    <Suspense fallback={null}>
      <Panel {...props} />
    </Suspense>
  );
}
export default ResultActions;
