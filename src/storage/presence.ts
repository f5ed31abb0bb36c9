/**
 * Small, synchronous facts about the caseload that the rest of the app needs without loading it:
 * whether this device has a caseload (then nothing personal is kept in clear storage: the wizard keeps
 * a visit in memory), the lock signal (everything personal leaves the screen), and text typed but not
 * saved, which the caseload seals on lock and gives back after unlocking.
 */
export const PRESENCE_KEY = 'tj-subsidies.caseload.onDevice';
/** fired on window when a caseload appears on or leaves this device */
export const PRESENCE_EVENT = 'tj-subsidies.caseload-presence';
/** fired on window when the caseload locks (by hand, idle time or another tab) */
export const LOCK_EVENT = 'tj-subsidies.caseload-locked';
/** fired on window after unlocking when drafts were given back */
export const DRAFTS_EVENT = 'tj-subsidies.caseload-drafts';
/** fired on window when a draft kept while unlocked changed; detail: { key } */
export const DRAFT_CHANGED_EVENT = 'tj-subsidies.caseload-draft-changed';
/**
 * Drafts sealed into the caseload as they change (not only on lock), so a reload loses nothing: a
 * visit in progress in the wizard. They stay sealed after unlocking until the screen drops them.
 */
export const KEPT_DRAFTS: readonly string[] = ['wizard'];

export function caseloadOnDevice(): boolean {
  try {
    return localStorage.getItem(PRESENCE_KEY) === '1';
  } catch {
    return false;
  }
}

export function markCaseloadOnDevice(on: boolean): void {
  if (on === caseloadOnDevice()) return;
  try {
    if (on) localStorage.setItem(PRESENCE_KEY, '1');
    else localStorage.removeItem(PRESENCE_KEY);
  } catch {
    /* the flag is a hint; the wizard checks it again on every write */
  }
  if (typeof window !== 'undefined') window.dispatchEvent(new Event(PRESENCE_EVENT));
}

export function announceLock(): void {
  if (typeof window !== 'undefined') window.dispatchEvent(new Event(LOCK_EVENT));
}

const providers = new Map<string, () => string | null>();
const restored = new Map<string, string>();

/** A screen with unsaved text says how to get it; the caseload asks on lock and before an update. */
export function registerDraft(key: string, get: () => string | null): () => void {
  providers.set(key, get);
  return () => {
    if (providers.get(key) === get) providers.delete(key);
  };
}

/** The draft a screen now holds under `key` (null: none). */
export function draftOf(key: string): string | null {
  return providers.get(key)?.() ?? null;
}

/** A screen's draft under one of KEPT_DRAFTS changed (or was dropped): the caseload seals it now. */
export function draftChanged(key: string): void {
  if (typeof window !== 'undefined') window.dispatchEvent(new CustomEvent(DRAFT_CHANGED_EVENT, { detail: { key } }));
}

/** Unsaved text now on screen, and what was given back but not yet taken. */
export function collectDrafts(): Record<string, string> {
  const out: Record<string, string> = Object.fromEntries(restored);
  for (const [k, get] of providers) {
    const v = get();
    if (v !== null) out[k] = v;
  }
  return out;
}

export function restoreDrafts(d: Record<string, string>): void {
  restored.clear();
  for (const [k, v] of Object.entries(d)) restored.set(k, v);
  if (restored.size && typeof window !== 'undefined') window.dispatchEvent(new Event(DRAFTS_EVENT));
}

/** The draft kept under `key`, once: it is then the screen's again. */
export function takeDraft(key: string): string | undefined {
  const v = restored.get(key);
  restored.delete(key);
  return v;
}

export function forgetDrafts(): void {
  restored.clear();
}

/** The idle-lock warning, shown wherever the worker is (the app shell renders it). */
let idleLeft: number | null = null;
let keepUsing: () => void = () => undefined;
const idleListeners = new Set<() => void>();
export const idleWarning = {
  get: (): number | null => idleLeft,
  set(seconds: number | null, keep?: () => void): void {
    idleLeft = seconds;
    if (keep) keepUsing = keep;
    for (const l of idleListeners) l();
  },
  subscribe(l: () => void): () => void {
    idleListeners.add(l);
    return () => idleListeners.delete(l);
  },
  keep: (): void => keepUsing(),
};
