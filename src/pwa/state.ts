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

export async function applyUpdate(): Promise<void> {
  await Promise.allSettled([...flushes].map((f) => f()));
  if (updater) await updater(true);
  else location.reload();
}
export const dismissUpdate = () => setPwaState({ needRefresh: false });

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};
export const usePwaState = (): PwaState => useSyncExternalStore(subscribe, () => state, () => state);
