import { useSyncExternalStore } from 'react';

export const ROUTES = ['check', 'caseload', 'roster', 'glossary'] as const;
export type Route = (typeof ROUTES)[number];

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
