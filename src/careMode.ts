/**
 * 关怀模式 (care mode, as Chinese government apps offer it for older people): larger text and buttons,
 * one column, fewer words on each page. Kept on this device (localStorage), applied before the first paint.
 */
import { useSyncExternalStore } from 'react';

const KEY = 'tj-subsidies.care-mode';
const EVENT = 'tj-subsidies.care-mode-changed';

export function careModeOn(): boolean {
  try {
    return localStorage.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

export function applyCareMode(on: boolean = careModeOn()): void {
  document.documentElement.classList.toggle('care-mode', on);
}

export function setCareMode(on: boolean): void {
  try {
    if (on) localStorage.setItem(KEY, '1');
    else localStorage.removeItem(KEY);
  } catch {
    /* storage unavailable: on for this visit only */
  }
  applyCareMode(on);
  window.dispatchEvent(new Event(EVENT));
}

const subscribe = (cb: () => void) => {
  window.addEventListener(EVENT, cb);
  return () => window.removeEventListener(EVENT, cb);
};
export const useCareMode = (): boolean => useSyncExternalStore(subscribe, () => document.documentElement.classList.contains('care-mode'), () => false);
