import { useSyncExternalStore } from 'react';

export const ROUTES = ['check', 'caseload', 'roster', 'glossary', 'columns'] as const;
export type Route = (typeof ROUTES)[number];
/** The pages the main navigation lists (the roster's accepted columns are reached from the roster page). */
export const NAV_ROUTES = ['check', 'caseload', 'roster', 'glossary'] as const satisfies readonly Route[];

function current(): Route {
  const h = location.hash.replace(/^#\/?/, '').split(/[/?]/)[0];
  return (ROUTES as readonly string[]).includes(h ?? '') ? (h as Route) : 'check';
}
const subscribe = (cb: () => void) => {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
};
export const useRoute = (): Route => useSyncExternalStore(subscribe, current, () => 'check');
export const hrefFor = (r: Route) => `#/${r === 'check' ? '' : r}`;
