/**
 * The caseload as the UI sees it: one vault on this device, its lock state and (only while unlocked)
 * the decrypted cases. Locking drops the key and the cases from memory, seals text typed but not saved
 * and tells the rest of the app to clear personal data from the screen. Writes never throw: they
 * return what happened, and a failed write stays in the state (shown) until the next one succeeds.
 */
import { useSyncExternalStore } from 'react';
import type { Caseload, CaseRecord } from './model';
import { idbKV, type KV } from './kv';
import { Vault, writeErrorOf, type MergeReport, type UnlockResult, type VaultMessage, type WriteError, type WriteOutcome } from './vault';
import { IdleLock } from './idle';
import { announceLock, collectDrafts, DRAFT_CHANGED_EVENT, draftOf, forgetDrafts, idleWarning, KEPT_DRAFTS, markCaseloadOnDevice, restoreDrafts } from './presence';

export type Phase = 'loading' | 'none' | 'locked' | 'unlocked' | 'unavailable';
export interface CaseloadState {
  phase: Phase;
  caseload: Caseload | null;
  /** why it locked last: on demand, after idle time, or a new passphrase set in another tab */
  lockedBy: 'user' | 'idle' | 'elsewhere' | null;
  /** the last write that failed, until one succeeds */
  writeError: WriteError | null;
  /** seconds left before the idle lock, while the warning shows */
  idleWarning: number | null;
  /** ids of stored cases that could not be opened at the last unlock */
  damaged: string[];
  /** another tab changed these cases and this page now shows them */
  fromOtherTab: number;
  /** unlocking or importing many cases */
  progress: { what: 'unlock' | 'import'; done: number; total: number } | null;
  /** drafts could not be sealed at the last lock */
  draftsLost: boolean;
  /** cases restored from a backup in place of a caseload that could not be opened */
  restored: number | null;
}

const IDLE_KEY = 'tj-subsidies.caseload.idleMinutes';
const FAILS_KEY = 'tj-subsidies.caseload.failedUnlocks';
/** 0 = only when the worker locks; 480 = a working day */
export const IDLE_CHOICES = [1, 2, 5, 10, 15, 30, 60, 120, 240, 480, 0] as const;
export const DEFAULT_IDLE_MINUTES = 5;
/** wrong passphrases allowed before a delay; then 2, 4, 8 … seconds, at most 5 minutes */
export const FREE_ATTEMPTS = 3;
export const MAX_DELAY_S = 300;

export function storedIdleMinutes(): number {
  try {
    const v = localStorage.getItem(IDLE_KEY);
    const n = Number(v);
    if (v !== null && (IDLE_CHOICES as readonly number[]).includes(n)) return n;
  } catch {
    /* ignore */
  }
  return DEFAULT_IDLE_MINUTES;
}

/** Seconds to wait after `fails` wrong passphrases in a row. */
export const delayAfter = (fails: number): number => (fails < FREE_ATTEMPTS ? 0 : Math.min(MAX_DELAY_S, 2 ** (fails - FREE_ATTEMPTS + 1)));

let failsHere: { n: number; at: number } | null = null;
function readFails(): { n: number; at: number } {
  if (typeof localStorage === 'undefined') return failsHere ?? { n: 0, at: 0 };
  try {
    const v = JSON.parse(localStorage.getItem(FAILS_KEY) ?? 'null') as { n?: unknown; at?: unknown } | null;
    if (v && Number.isInteger(v.n) && typeof v.at === 'number') return { n: v.n as number, at: v.at };
  } catch {
    /* ignore */
  }
  return { n: 0, at: 0 };
}
function writeFails(f: { n: number; at: number } | null): void {
  failsHere = f;
  try {
    if (f) localStorage.setItem(FAILS_KEY, JSON.stringify(f));
    else localStorage.removeItem(FAILS_KEY);
  } catch {
    /* ignore */
  }
}

export type SessionUnlock = UnlockResult | { ok: false; reason: 'wait'; seconds: number };

const CHANNEL = 'tj-subsidies-caseload';

export class CaseloadSession {
  state: CaseloadState = {
    phase: 'loading',
    caseload: null,
    lockedBy: null,
    writeError: null,
    idleWarning: null,
    damaged: [],
    fromOtherTab: 0,
    progress: null,
    draftsLost: false,
    restored: null,
  };
  private readonly listeners = new Set<() => void>();
  readonly vault: Vault;
  private idle: IdleLock | null = null;
  private started = false;
  private bc: BroadcastChannel | null = null;
  private warnTimer: ReturnType<typeof setInterval> | null = null;

  constructor(kv: KV | null, opts: { iterations?: number; now?: () => number } = {}) {
    this.now = opts.now ?? Date.now;
    if (!kv && typeof BroadcastChannel !== 'undefined') {
      this.bc = new BroadcastChannel(CHANNEL);
      this.bc.onmessage = (e: MessageEvent<VaultMessage>) => void this.hear(e.data);
    }
    this.vault = new Vault(kv ?? idbKV(), { iterations: opts.iterations, channel: this.bc ? { post: (m) => this.bc!.postMessage(m) } : null });
    if (!kv && typeof indexedDB === 'undefined') this.state = { ...this.state, phase: 'unavailable' };
  }
  private readonly now: () => number;

  subscribe = (l: () => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };
  private set(patch: Partial<CaseloadState>) {
    if ('idleWarning' in patch && patch.idleWarning !== this.state.idleWarning) idleWarning.set(patch.idleWarning ?? null, () => this.keepUsing());
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }
  private refresh(patch: Partial<CaseloadState> = {}) {
    this.set({ caseload: this.vault.unlocked ? this.vault.caseload : null, ...patch });
  }

  /** Messages from other tabs. */
  async hear(m: VaultMessage): Promise<void> {
    if (m.type === 'destroyed') {
      this.idle?.stop();
      this.vault.lock();
      forgetDrafts();
      announceLock();
      this.set({ phase: 'none', caseload: null, lockedBy: null, idleWarning: null });
      return;
    }
    if (!this.vault.unlocked) return;
    if (m.type === 'rekeyed') {
      await this.lock('elsewhere');
      return;
    }
    const changed = await this.vault.pull(m.ids);
    if (changed.size) this.refresh({ fromOtherTab: changed.size });
  }

  /** Finds out whether this device has a caseload. Safe to call many times. */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    if (typeof window !== 'undefined')
      window.addEventListener(DRAFT_CHANGED_EVENT, (e) => {
        const key = (e as CustomEvent<{ key?: unknown }>).detail?.key;
        if (typeof key === 'string' && KEPT_DRAFTS.includes(key)) this.keepDraft(key);
      });
    if (this.state.phase === 'unavailable') return;
    try {
      const exists = await this.vault.exists();
      markCaseloadOnDevice(exists);
      this.set({ phase: exists ? 'locked' : 'none' });
    } catch {
      this.set({ phase: 'unavailable' });
    }
  }

  async create(passphrase: string): Promise<WriteOutcome> {
    try {
      await this.vault.create(passphrase);
    } catch (e) {
      return { ok: false, error: writeErrorOf(e) };
    }
    markCaseloadOnDevice(true);
    this.closing = false;
    this.keepDrafts();
    this.refresh({ phase: 'unlocked', lockedBy: null, writeError: null, damaged: [] });
    this.watchIdle();
    return { ok: true, report: { added: [], replaced: [], keptStored: [], overrodeOther: [], same: [] } };
  }

  private readonly draftWrites = new Set<string>();
  private readonly draftsPending = new Set<string>();
  /** set from the start of a lock until the next unlock: a draft the screen dropped then is not dropped from the caseload */
  private closing = false;

  /**
   * Seals the draft the screen now holds under `key` into the caseload (or removes it there when the
   * screen dropped it), one write at a time per key, the latest value last.
   */
  private keepDraft(key: string): void {
    if (!this.vault.unlocked || this.closing) return;
    if (this.draftWrites.has(key)) {
      this.draftsPending.add(key);
      return;
    }
    this.draftWrites.add(key);
    void (async () => {
      do {
        this.draftsPending.delete(key);
        const v = draftOf(key);
        const r = await this.vault.saveDrafts(v === null ? {} : { [key]: v }, v === null ? [key] : []);
        if (!r.ok && r.error.code !== 'locked') this.set({ writeError: r.error });
      } while (this.draftsPending.has(key) && this.vault.unlocked && !this.closing);
    })().finally(() => this.draftWrites.delete(key));
  }

  private keepDrafts(): void {
    for (const key of KEPT_DRAFTS) if (draftOf(key) !== null) this.keepDraft(key);
  }

  /** Seconds until another passphrase may be tried (after wrong ones). */
  waitSeconds(): number {
    const f = readFails();
    const left = f.at + delayAfter(f.n) * 1000 - this.now();
    return left > 0 ? Math.ceil(left / 1000) : 0;
  }

  async unlock(passphrase: string): Promise<SessionUnlock> {
    const wait = this.waitSeconds();
    if (wait > 0) return { ok: false, reason: 'wait', seconds: wait };
    const r = await this.vault.unlock(passphrase, (done, total) => {
      if (total > 2000) this.set({ progress: { what: 'unlock', done, total } });
    });
    if (!r.ok) {
      if (r.reason === 'wrongPassphrase') {
        const f = readFails();
        writeFails({ n: f.n + 1, at: this.now() });
      }
      this.set({ progress: null });
      return r;
    }
    writeFails(null);
    markCaseloadOnDevice(true);
    this.closing = false;
    restoreDrafts(await this.vault.takeDrafts(KEPT_DRAFTS));
    // a visit begun while locked (or given back just now) is sealed from now on
    this.keepDrafts();
    this.refresh({ phase: 'unlocked', lockedBy: null, damaged: r.damaged, progress: null, writeError: null, draftsLost: false, fromOtherTab: 0 });
    this.watchIdle();
    return r;
  }

  /** Seals unsaved text, then drops the key and the cases; every personal thing leaves the screen. */
  async lock(by: 'user' | 'idle' | 'elsewhere' = 'user'): Promise<void> {
    this.closing = true;
    const drafts = collectDrafts();
    forgetDrafts();
    this.idle?.stop();
    this.stopWarning();
    this.set({ phase: this.state.phase === 'unlocked' ? 'locked' : this.state.phase, caseload: null, lockedBy: by, idleWarning: null, fromOtherTab: 0, progress: null });
    announceLock();
    let lost = false;
    if (Object.keys(drafts).length && this.vault.unlocked) lost = !(await this.vault.saveDrafts(drafts)).ok;
    this.vault.lock();
    this.set({ draftsLost: lost, damaged: [], restored: null });
  }

  /** Seals unsaved text without locking: before an update reloads the page. */
  async saveDrafts(): Promise<boolean> {
    if (!this.vault.unlocked) return true;
    const drafts = collectDrafts();
    if (!Object.keys(drafts).length) return true;
    return (await this.vault.saveDrafts(drafts)).ok;
  }

  private done(r: WriteOutcome): WriteOutcome {
    if (r.ok) this.refresh({ writeError: null });
    else if (r.error.code === 'rekeyed') void this.lock('elsewhere');
    else this.set({ writeError: r.error });
    return r;
  }

  /**
   * Applies a change to the whole list and writes only the cases it changed (by identity) and the
   * ones it removed. Throws (Error 'locked' or the storage error) when nothing was written.
   */
  async update(change: (c: Caseload) => Caseload): Promise<Caseload> {
    if (!this.vault.unlocked) throw new Error('locked');
    const cur = this.vault.caseload;
    const before = new Map(cur.cases.map((c) => [c.id, c]));
    const next = change(cur);
    const puts = next.cases.filter((c) => before.get(c.id) !== c);
    const keep = new Set(next.cases.map((c) => c.id));
    const dels = cur.cases.filter((c) => !keep.has(c.id)).map((c) => c.id);
    const r = this.done(await this.vault.write(puts, dels));
    if (!r.ok) throw new Error(r.error.code === 'locked' ? 'locked' : r.error.detail || r.error.code);
    return this.vault.caseload;
  }

  /** Saves one case (new or changed). `base` is the updatedAt the edit started from. */
  async upsertCase(c: CaseRecord, base?: string): Promise<WriteOutcome> {
    return this.done(await this.vault.write([c], [], { bases: base === undefined ? undefined : { [c.id]: base } }));
  }

  async addCases(cs: readonly CaseRecord[]): Promise<WriteOutcome> {
    return this.done(await this.vault.write(cs));
  }

  async deleteCase(id: string): Promise<WriteOutcome> {
    return this.done(await this.vault.write([], [id]));
  }

  async deleteAll(): Promise<WriteOutcome> {
    return this.done(await this.vault.write([], this.vault.caseload.cases.map((c) => c.id)));
  }

  /** Cases from a backup: each kept only where newer than this device's (see MergeReport). */
  async importCases(cs: readonly CaseRecord[]): Promise<WriteOutcome> {
    const r = await this.vault.write(cs, [], {
      mode: 'import',
      onProgress: (done, total) => this.set({ progress: { what: 'import', done, total } }),
    });
    this.set({ progress: null });
    return this.done(r);
  }

  /**
   * Replaces a caseload that cannot be opened with the cases of a backup already read and checked:
   * only now is the old one deleted; the cases are stored under a new passphrase.
   */
  async restore(cases: readonly CaseRecord[], passphrase: string): Promise<WriteOutcome> {
    await this.destroy();
    const c = await this.create(passphrase);
    if (!c.ok) return c;
    const r = await this.importCases(cases);
    if (r.ok) this.set({ restored: cases.length });
    return r;
  }

  getCase(id: string | undefined): CaseRecord | undefined {
    return id ? this.vault.get(id) : undefined;
  }

  dismissWriteError(): void {
    this.set({ writeError: null });
  }

  async changePassphrase(current: string, next: string) {
    const r = await this.vault.changePassphrase(current, next);
    if (!r.ok && r.reason === 'write') this.set({ writeError: r.error });
    return r;
  }

  /** Removes the passphrase and every case from this device. */
  async destroy(): Promise<void> {
    this.idle?.stop();
    this.stopWarning();
    forgetDrafts();
    await this.vault.destroy();
    writeFails(null);
    markCaseloadOnDevice(false);
    announceLock();
    this.set({ phase: 'none', caseload: null, lockedBy: null, writeError: null, damaged: [], idleWarning: null });
  }

  setIdleMinutes(m: number): void {
    try {
      localStorage.setItem(IDLE_KEY, String(m));
    } catch {
      /* ignore */
    }
    this.idle?.setMinutes(m);
  }

  /** "继续使用": the worker is still here. */
  keepUsing(): void {
    this.idle?.touch();
  }

  private stopWarning() {
    if (this.warnTimer) clearInterval(this.warnTimer);
    this.warnTimer = null;
  }

  private watchIdle(): void {
    if (typeof window === 'undefined') return;
    if (!this.idle) {
      this.idle = new IdleLock(
        storedIdleMinutes(),
        () => {
          if (this.vault.unlocked) void this.lock('idle');
        },
        Date.now,
        (msLeft) => {
          this.stopWarning();
          if (msLeft === null) {
            this.set({ idleWarning: null });
            return;
          }
          const end = Date.now() + msLeft;
          const tick = () => this.set({ idleWarning: Math.max(0, Math.ceil((end - Date.now()) / 1000)) });
          tick();
          this.warnTimer = setInterval(tick, 1000);
        },
      );
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

export type { MergeReport, WriteError, WriteOutcome };

export const session = new CaseloadSession(null);

export function useCaseload(): CaseloadState {
  return useSyncExternalStore(session.subscribe, () => session.state, () => session.state);
}
