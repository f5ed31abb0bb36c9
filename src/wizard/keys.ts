/**
 * The storage key and a light look at what is saved, without the facts schema or the engine, so the
 * start page can show before the rest of the wizard has loaded.
 */
import type { Role } from '../machine/roles';

export const WIZARD_KEY = 'tj-subsidies.wizard';
export const WIZARD_VERSION = 1;
/** Fired on window when loadIntoWizard/clearWizard change the stored wizard, so a mounted wizard reloads. */
export const WIZARD_CHANGED_EVENT = 'tj-subsidies.wizard-changed';

/** The saved page and role, or null when nothing (valid) is saved. Full validation happens in store.ts. */
export function peekSaved(): { state: string; role?: Role } | null {
  try {
    const raw = localStorage.getItem(WIZARD_KEY);
    if (!raw) return null;
    const v = JSON.parse(raw) as { version?: unknown; state?: unknown; answers?: { role?: unknown } };
    if (v.version !== WIZARD_VERSION || typeof v.state !== 'string') return null;
    const r = v.answers?.role;
    return { state: v.state, role: r === 'self' || r === 'carer' || r === 'worker' ? r : undefined };
  } catch {
    return null;
  }
}
