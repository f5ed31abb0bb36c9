/**
 * The caseload as the UI sees it: one vault on this device, its lock state and (only while unlocked)
 * the decrypted cases. Locking drops the key and the cases from memory. Used with useCaseload().
 */
import { useSyncExternalStore } from 'react';
import type { Caseload, CaseRecord } from './model';
import { idbKV, type KV } from './kv';
import { Vault, type UnlockResult } from './vault';
import { IdleLock } from './idle';

export type Phase = 'loading' | 'none' | 'locked' | 'unlocked' | 'unavailable';
export interface CaseloadState {
  phase: Phase;
  caseload: Caseload | null;
  /** why it locked last: on demand or after idle time */
  lockedBy: 'user' | 'idle' | null;
}

const IDLE_KEY = 'tj-subsidies.caseload.idleMinutes';
export const IDLE_CHOICES = [1, 2, 5, 10, 15, 30] as const;
export const DEFAULT_IDLE_MINUTES = 5;

export function storedIdleMinutes(): number {
  try {
    const n = Number(localStorage.getItem(IDLE_KEY));
    if ((IDLE_CHOICES as readonly number[]).includes(n)) return n;
  } catch {
    /* ignore */
  }
  return DEFAULT_IDLE_MINUTES;
}

export class CaseloadSession {
  state: CaseloadState = { phase: 'loading', caseload: null, lockedBy: null };
  private readonly listeners = new Set<() => void>();
  readonly vault: Vault;
  private idle: IdleLock | null = null;
  private started = false;

  constructor(kv: KV | null) {
    this.vault = new Vault(kv ?? idbKV());
    if (!kv && typeof indexedDB === 'undefined') this.state = { ...this.state, phase: 'unavailable' };
  }

  subscribe = (l: () => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };
  private set(patch: Partial<CaseloadState>) {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  /** Finds out whether this device has a caseload. Safe to call many times. */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    if (this.state.phase === 'unavailable') return;
    try {
      this.set({ phase: (await this.vault.exists()) ? 'locked' : 'none' });
    } catch {
      this.set({ phase: 'unavailable' });
    }
  }

  async create(passphrase: string): Promise<void> {
    const caseload = await this.vault.create(passphrase);
    this.set({ phase: 'unlocked', caseload, lockedBy: null });
    this.watchIdle();
  }

  async unlock(passphrase: string): Promise<UnlockResult> {
    const r = await this.vault.unlock(passphrase);
    if (r.ok) {
      this.set({ phase: 'unlocked', caseload: r.caseload, lockedBy: null });
      this.watchIdle();
    }
    return r;
  }

  lock(by: 'user' | 'idle' = 'user'): void {
    this.vault.lock();
    this.idle?.stop();
    this.set({ phase: 'locked', caseload: null, lockedBy: by });
  }

  /** Applies a change to the cases and saves it encrypted. */
  async update(change: (c: Caseload) => Caseload): Promise<Caseload> {
    const cur = this.state.caseload;
    if (!cur || !this.vault.unlocked) throw new Error('locked');
    const next = change(cur);
    await this.vault.save(next);
    this.set({ caseload: next });
    return next;
  }

  upsertCase(c: CaseRecord): Promise<Caseload> {
    return this.update((cl) => {
      const i = cl.cases.findIndex((x) => x.id === c.id);
      const cases = i < 0 ? [...cl.cases, c] : cl.cases.map((x) => (x.id === c.id ? c : x));
      return { ...cl, cases };
    });
  }

  deleteCase(id: string): Promise<Caseload> {
    return this.update((cl) => ({ ...cl, cases: cl.cases.filter((c) => c.id !== id) }));
  }

  getCase(id: string | undefined): CaseRecord | undefined {
    return id ? this.state.caseload?.cases.find((c) => c.id === id) : undefined;
  }

  /** Removes the passphrase and every case from this device. */
  async destroy(): Promise<void> {
    this.idle?.stop();
    await this.vault.destroy();
    this.set({ phase: 'none', caseload: null, lockedBy: null });
  }

  setIdleMinutes(m: number): void {
    try {
      localStorage.setItem(IDLE_KEY, String(m));
    } catch {
      /* ignore */
    }
    this.idle?.setMinutes(m);
  }

  private watchIdle(): void {
    if (typeof window === 'undefined') return;
    if (!this.idle) {
      this.idle = new IdleLock(storedIdleMinutes(), () => {
        if (this.vault.unlocked) this.lock('idle');
      });
      const touch = () => {
        if (this.vault.unlocked) this.idle?.touch();
      };
      for (const ev of ['pointerdown', 'keydown', 'input', 'wheel', 'touchstart'] as const) window.addEventListener(ev, touch, { passive: true });
      // a tablet put to sleep does not run timers: check as soon as the page is seen again
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible' && this.vault.unlocked) this.idle?.check();
      });
    }
    this.idle.touch();
  }
}

export const session = new CaseloadSession(null);

export function useCaseload(): CaseloadState {
  return useSyncExternalStore(session.subscribe, () => session.state, () => session.state);
}
