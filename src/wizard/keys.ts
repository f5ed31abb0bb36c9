/**
 * The storage key and a light look at what is saved, without the facts schema or the engine, so the
 * start page can show before the rest of the wizard has loaded.
 */
import type { Role } from '../facts/roles';
import { caseloadOnDevice, draftChanged, DRAFTS_EVENT, LOCK_EVENT, PRESENCE_EVENT, registerDraft, takeDraft } from '../storage/presence';

export const WIZARD_KEY = 'tj-subsidies.wizard';
export const WIZARD_VERSION = 1;
/** Fired on window when loadIntoWizard/clearWizard change the stored wizard, so a mounted wizard reloads. */
export const WIZARD_CHANGED_EVENT = 'tj-subsidies.wizard-changed';

/** Fired on window when answers could not be kept (storage full or blocked); detail: { reason }. */
export const WIZARD_SAVE_FAILED_EVENT = 'tj-subsidies.wizard-save-failed';

/**
 * Where the answers live. A citizen's own check, with no caseload on this device: localStorage, so a
 * reload comes back to the same question. With a caseload on the device the visit is a case in the
 * making: it lives in memory and, while the caseload is unlocked, sealed in it as it changes (so a reload
 * loses nothing: it comes back after unlocking); locking takes it off the screen, not out of the
 * caseload. Nothing of it is left in clear storage.
 */
let memory: string | null = null;

export function readWizardRaw(): string | null {
  if (caseloadOnDevice()) return memory;
  try {
    return localStorage.getItem(WIZARD_KEY);
  } catch {
    return memory;
  }
}

/** Throws when localStorage refuses (full, blocked); the answers then stay in memory for this visit. */
export function writeWizardRaw(text: string): void {
  memory = text;
  if (caseloadOnDevice()) draftChanged('wizard');
  else localStorage.setItem(WIZARD_KEY, text);
}

export function removeWizardRaw(): void {
  const had = memory !== null;
  memory = null;
  if (had && caseloadOnDevice()) draftChanged('wizard');
  try {
    localStorage.removeItem(WIZARD_KEY);
  } catch {
    /* nothing to remove */
  }
}

/** No visit, or one with no role, no fact and no step answered. */
function unanswered(raw: string | null): boolean {
  if (raw === null) return true;
  try {
    const a = (JSON.parse(raw) as { answers?: { role?: unknown; facts?: object; done?: unknown[] } }).answers;
    return !a?.role && Object.keys(a?.facts ?? {}).length === 0 && (a?.done?.length ?? 0) === 0;
  } catch {
    return true;
  }
}

function announceChanged() {
  window.dispatchEvent(new Event(WIZARD_CHANGED_EVENT));
}

if (typeof window !== 'undefined') {
  // a caseload appeared: what the wizard kept in clear storage moves to memory
  const moveToMemory = () => {
    if (!caseloadOnDevice()) return;
    try {
      const v = localStorage.getItem(WIZARD_KEY);
      if (v !== null) {
        memory ??= v;
        localStorage.removeItem(WIZARD_KEY);
      }
    } catch {
      /* nothing stored */
    }
  };
  moveToMemory();
  window.addEventListener(PRESENCE_EVENT, moveToMemory);
  // locking: the visit leaves the screen (it was sealed as a draft first)
  window.addEventListener(LOCK_EVENT, () => {
    if (memory === null) return;
    memory = null;
    announceChanged();
  });
  // unlocking gave back the visit sealed in the caseload: it replaces one with nothing answered yet
  // (the wizard shown after a reload, before unlocking), never one with answers
  window.addEventListener(DRAFTS_EVENT, () => {
    const d = takeDraft('wizard');
    if (d !== undefined && unanswered(memory)) {
      memory = d;
      announceChanged();
    }
  });
  registerDraft('wizard', () => (caseloadOnDevice() ? memory : null));
}

/** The saved page and role, or null when nothing (valid) is saved. Full validation happens in store.ts. */
export function peekSaved(): { state: string; role?: Role } | null {
  try {
    const raw = readWizardRaw();
    if (!raw) return null;
    const v = JSON.parse(raw) as { version?: unknown; state?: unknown; answers?: { role?: unknown } };
    if (v.version !== WIZARD_VERSION || typeof v.state !== 'string') return null;
    const r = v.answers?.role;
    return { state: v.state, role: r === 'self' || r === 'carer' || r === 'worker' ? r : undefined };
  } catch {
    return null;
  }
}
