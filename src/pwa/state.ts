/**
 * Service-worker state for the UI: is a new version waiting? The user chooses when to reload.
 * Before reloading, every registered "flush" runs (pending caseload writes; the wizard already
 * writes each answer to localStorage as it is given), so an update never loses work.
 */
import { useSyncExternalStore } from 'react';

export interface PwaState {
  needRefresh: boolean;
  offlineReady: boolean;
}
let state: PwaState = { needRefresh: false, offlineReady: false };
const listeners = new Set<() => void>();
const flushes = new Set<() => Promise<unknown> | unknown>();
let updater: ((reload?: boolean) => Promise<void>) | null = null;

export function setPwaState(patch: Partial<PwaState>): void {
  state = { ...state, ...patch };
  for (const l of listeners) l();
}
export function setUpdater(fn: (reload?: boolean) => Promise<void>): void {
  updater = fn;
}
export function onBeforeUpdate(fn: () => Promise<unknown> | unknown): () => void {
  flushes.add(fn);
  return () => flushes.delete(fn);
}

/**
 * Lets the waiting worker take over, then reloads once it controls the page. Works whether the new
 * version was found by workbox-window or by the hourly registration.update().
 */
export async function applyUpdate(): Promise<void> {
  await Promise.allSettled([...flushes].map((f) => f()));
  const reg = 'serviceWorker' in navigator ? await navigator.serviceWorker.getRegistration() : undefined;
  if (!reg?.waiting) {
    if (updater) await updater(true);
    location.reload();
    return;
  }
  let reloaded = false;
  const reload = () => {
    if (!reloaded) {
      reloaded = true;
      location.reload();
    }
  };
  navigator.serviceWorker.addEventListener('controllerchange', reload, { once: true });
  reg.waiting.postMessage({ type: 'SKIP_WAITING' });
  // should the new worker never take control, reload anyway: the page then gets the new version next time
  setTimeout(reload, 5000);
}
export const dismissUpdate = () => setPwaState({ needRefresh: false });

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};
export const usePwaState = (): PwaState => useSyncExternalStore(subscribe, () => state, () => state);
