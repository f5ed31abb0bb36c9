/**
 * The encrypted caseload on this device (format 2). Records in the key-value store:
 *   "meta"     { format, version: 2, kdf: PBKDF2-SHA256 + per-device random salt + iterations,
 *                check: a known text sealed with the key — it opens ⇔ the passphrase is right }
 *   "rev"      the number of the last write (any tab); every write adds one
 *   "c:<id>"   { rev, iv, data }: one case (or a deletion mark), sealed on its own with the case id as
 *              associated data, so saving one case encrypts one case and records cannot be swapped
 *   "drafts"   sealed text typed but not saved, kept across a lock or an update
 * Format 1 ("meta" version 1 + "caseload": the whole caseload sealed at once) is migrated on the first
 * unlock (migrateV1).
 *
 * One writer at a time across tabs: every write runs under a Web Lock (or an in-page queue where there
 * is none), first reads "rev", and when another tab wrote since, re-reads the cases it wrote and merges
 * case by case — the newer updatedAt wins — and reports what it did. Other tabs hear of each write on a
 * BroadcastChannel and re-read the cases named. Nothing in memory changes unless the write succeeded.
 */
import { DEFAULT_ITERATIONS, aadFor, deriveKey, fromBase64, isSealed, iterationsOk, openJson, randomBytes, sealJson, toBase64, type Sealed } from './crypto';
import type { KV } from './kv';
import { caseSchema, migrate, SCHEMA_VERSION, type Caseload, type CaseRecord, type MigrationError } from './model';

export const META_KEY = 'meta';
/** format 1: the whole caseload in one sealed record */
export const LEGACY_DATA_KEY = 'caseload';
/** @deprecated the format-1 name of LEGACY_DATA_KEY */
export const DATA_KEY = LEGACY_DATA_KEY;
export const REV_KEY = 'rev';
export const DRAFTS_KEY = 'drafts';
export const CASE_PREFIX = 'c:';
export const VAULT_FORMAT = 'tj-subsidies-caseload-vault';
export const VAULT_VERSION = 2;
const CHECK_TEXT = 'tj-subsidies-caseload-check';

type Kdf = { name: 'PBKDF2'; hash: 'SHA-256'; iterations: number; salt: string };
export interface VaultMeta {
  format: typeof VAULT_FORMAT;
  version: 1 | 2;
  kdf: Kdf;
  /** version 2 only */
  check?: Sealed;
}
export interface StoredCase extends Sealed {
  rev: number;
}
interface Tombstone {
  id: string;
  deleted: true;
  updatedAt: string;
}

export const MIN_PASSPHRASE_LENGTH = 8;

export type UnlockResult =
  | {
      ok: true;
      caseload: Caseload;
      /** ids of stored cases that could not be decrypted or read (left untouched in storage) */
      damaged: string[];
      /** the stored format before this unlock, when it was migrated */
      migratedFrom?: number;
    }
  | { ok: false; reason: 'wrongPassphrase' | 'noVault' | 'damaged' | 'iterations' }
  | { ok: false; reason: 'migration'; error: MigrationError };

export type WriteError = { code: 'quota' | 'locked' | 'rekeyed' | 'failed'; detail: string };
/** What a write did with each case another tab (or a file) also had. */
export interface MergeReport {
  /** written: new to this device */
  added: string[];
  /** written over an older stored version */
  replaced: string[];
  /** not written: the stored version is newer (or the case was deleted later) */
  keptStored: string[];
  /** written, although another tab changed the same case since this page read it (this one is newer) */
  overrodeOther: string[];
  /** the same version was already stored */
  same: string[];
}
export type WriteOutcome = { ok: true; report: MergeReport } | { ok: false; error: WriteError };

export type LockFn = <T>(fn: () => Promise<T>) => Promise<T>;

let localQueue: Promise<unknown> = Promise.resolve();
/** One writer per origin: a Web Lock when the browser has them, else a queue in this page. */
export const defaultLock: LockFn = (fn) => {
  const locks = typeof navigator !== 'undefined' ? (navigator as Navigator & { locks?: LockManager }).locks : undefined;
  if (locks) return locks.request('tj-subsidies-caseload', fn) as ReturnType<typeof fn>;
  const run = localQueue.then(fn);
  localQueue = run.catch(() => undefined);
  return run;
};

export interface VaultOptions {
  iterations?: number;
  lock?: LockFn;
  /** validate every case with caseSchema when reading (default: a light shape check, see openCase) */
  validate?: boolean;
  /** told of every write this vault made, to tell other tabs; and gets their messages */
  channel?: { post(msg: VaultMessage): void } | null;
}
export type VaultMessage = { type: 'wrote'; rev: number; ids: string[] } | { type: 'rekeyed' } | { type: 'destroyed' };

export function isMeta(v: unknown): v is VaultMeta {
  const m = v as VaultMeta;
  return (
    typeof m === 'object' &&
    m !== null &&
    m.format === VAULT_FORMAT &&
    (m.version === 1 || (m.version === 2 && isSealed(m.check))) &&
    m.kdf?.name === 'PBKDF2' &&
    m.kdf.hash === 'SHA-256' &&
    Number.isInteger(m.kdf.iterations) &&
    typeof m.kdf.salt === 'string'
  );
}
const isStoredCase = (v: unknown): v is StoredCase => isSealed(v) && Number.isInteger((v as StoredCase).rev);
const isTombstone = (v: unknown): v is Tombstone =>
  typeof v === 'object' && v !== null && (v as Tombstone).deleted === true && typeof (v as Tombstone).id === 'string' && typeof (v as Tombstone).updatedAt === 'string';

export function writeErrorOf(e: unknown): WriteError {
  const name = e instanceof DOMException || e instanceof Error ? e.name : '';
  const detail = e instanceof Error || e instanceof DOMException ? `${e.name}: ${e.message}` : String(e);
  return { code: name === 'QuotaExceededError' || /quota/i.test(detail) ? 'quota' : 'failed', detail };
}

const emptyReport = (): MergeReport => ({ added: [], replaced: [], keptStored: [], overrodeOther: [], same: [] });

export class Vault {
  private key: CryptoKey | null = null;
  private meta: VaultMeta | null = null;
  private rev = 0;
  private readonly cases = new Map<string, CaseRecord>();
  private readonly tombs = new Map<string, string>();
  private readonly damagedIds = new Set<string>();
  private readonly iterations: number;
  private readonly withLock: LockFn;
  private readonly validate: boolean;
  channel: VaultOptions['channel'];

  constructor(
    private readonly kv: KV,
    opts: VaultOptions | number = {},
  ) {
    const o = typeof opts === 'number' ? { iterations: opts } : opts;
    this.iterations = o.iterations ?? DEFAULT_ITERATIONS;
    this.withLock = o.lock ?? defaultLock;
    this.validate = o.validate ?? false;
    this.channel = o.channel ?? null;
  }

  get unlocked(): boolean {
    return this.key !== null;
  }
  /** the per-device salt and iterations, for backups that this device can open without re-deriving */
  get kdf(): Kdf | null {
    return this.key ? (this.meta?.kdf ?? null) : null;
  }
  get cryptoKey(): CryptoKey | null {
    return this.key;
  }
  /** the cases as this page knows them, in no particular order */
  get caseload(): Caseload {
    return { schemaVersion: SCHEMA_VERSION, cases: [...this.cases.values()] };
  }
  get damaged(): string[] {
    return [...this.damagedIds];
  }
  get(id: string): CaseRecord | undefined {
    return this.cases.get(id);
  }

  async exists(): Promise<boolean> {
    return (await this.kv.get(META_KEY)) !== undefined;
  }

  private async newMeta(passphrase: string): Promise<{ meta: VaultMeta; key: CryptoKey }> {
    const kdf: Kdf = { name: 'PBKDF2', hash: 'SHA-256', iterations: this.iterations, salt: toBase64(randomBytes(16)) };
    const key = await deriveKey(passphrase, fromBase64(kdf.salt), kdf.iterations);
    return { key, meta: { format: VAULT_FORMAT, version: VAULT_VERSION, kdf, check: await sealJson(key, CHECK_TEXT, aadFor('check')) } };
  }

  /** First use on this device: a new random salt, no cases. */
  async create(passphrase: string): Promise<Caseload> {
    if (passphrase.length < MIN_PASSPHRASE_LENGTH) throw new Error('passphrase too short');
    if (await this.exists()) throw new Error('a caseload already exists on this device');
    const { meta, key } = await this.newMeta(passphrase);
    await this.kv.setMany([
      [REV_KEY, 0],
      [META_KEY, meta],
    ]);
    this.key = key;
    this.meta = meta;
    this.rev = 0;
    this.cases.clear();
    this.tombs.clear();
    this.damagedIds.clear();
    return this.caseload;
  }

  private async openCase(key: CryptoKey, id: string, v: unknown): Promise<CaseRecord | Tombstone | null> {
    if (!isStoredCase(v)) return null;
    try {
      const raw = await openJson(key, v, aadFor(`case/${id}`));
      if (isTombstone(raw)) return raw.id === id ? raw : null;
      // Authenticated by AES-GCM with this vault's key, bound to its id, and validated by caseSchema
      // before it was written (imports through migrate(), edits by the app): a light shape check here
      // keeps unlocking 10,000 cases fast. validate=true re-checks fully (tests, a repair).
      if (this.validate) {
        const c = caseSchema.safeParse(raw);
        return c.success && c.data.id === id ? c.data : null;
      }
      const c = raw as CaseRecord;
      const shaped = typeof c === 'object' && c !== null && c.id === id && typeof c.updatedAt === 'string' && typeof c.facts === 'object' && typeof c.check === 'object';
      return shaped ? c : null;
    } catch {
      return null;
    }
  }

  private apply(id: string, rec: CaseRecord | Tombstone | null): void {
    if (!rec) {
      this.damagedIds.add(id);
      return;
    }
    this.damagedIds.delete(id);
    if ('deleted' in rec) {
      this.cases.delete(id);
      this.tombs.set(id, rec.updatedAt);
    } else {
      this.tombs.delete(id);
      this.cases.set(id, rec);
    }
  }

  /**
   * A wrong passphrase changes nothing: nothing is written, the vault stays locked. A passphrase that
   * opens the check record but cases that do not open = damaged data, told apart; the readable cases
   * open and the damaged records stay as they are.
   */
  async unlock(passphrase: string, onProgress?: (done: number, total: number) => void): Promise<UnlockResult> {
    const meta = await this.kv.get(META_KEY);
    if (meta === undefined) return { ok: false, reason: 'noVault' };
    if (!isMeta(meta)) return { ok: false, reason: 'damaged' };
    if (!iterationsOk(meta.kdf.iterations)) return { ok: false, reason: 'iterations' };
    const key = await deriveKey(passphrase, fromBase64(meta.kdf.salt), meta.kdf.iterations);
    if (meta.version === 1) return this.migrateV1(key, meta);
    const all = await this.kv.entries();
    const checkOk = await openJson(key, meta.check!, aadFor('check')).then(
      (v) => v === CHECK_TEXT,
      () => false,
    );
    if (!checkOk) {
      // a damaged check record, or a wrong passphrase: a case that opens with this key tells them apart
      const sample = all.filter(([k]) => k.startsWith(CASE_PREFIX)).slice(0, 5);
      const opens = (await Promise.all(sample.map(([k, v]) => this.openCase(key, k.slice(CASE_PREFIX.length), v)))).some((x) => x !== null);
      if (!opens) return { ok: false, reason: 'wrongPassphrase' };
      // the passphrase is right: repair the check record, nothing else changes
      await this.kv.set(META_KEY, { ...meta, check: await sealJson(key, CHECK_TEXT, aadFor('check')) }).catch(() => undefined);
    }
    this.cases.clear();
    this.tombs.clear();
    this.damagedIds.clear();
    const rev = all.find(([k]) => k === REV_KEY)?.[1];
    const records = all.filter(([k]) => k.startsWith(CASE_PREFIX));
    const CHUNK = 1000;
    for (let i = 0; i < records.length; i += CHUNK) {
      const part = records.slice(i, i + CHUNK);
      const opened = await Promise.all(part.map(([k, v]) => this.openCase(key, k.slice(CASE_PREFIX.length), v)));
      part.forEach(([k], j) => this.apply(k.slice(CASE_PREFIX.length), opened[j]!));
      onProgress?.(Math.min(i + CHUNK, records.length), records.length);
    }
    this.rev = typeof rev === 'number' ? rev : 0;
    this.key = key;
    this.meta = meta;
    return { ok: true, caseload: this.caseload, damaged: this.damaged };
  }

  /** Format 1 → 2: each case in its own record, the check record; the old record is removed last. */
  private async migrateV1(key: CryptoKey, meta: VaultMeta): Promise<UnlockResult> {
    const sealed = await this.kv.get(LEGACY_DATA_KEY);
    if (!isSealed(sealed)) return { ok: false, reason: 'damaged' };
    let raw: unknown;
    try {
      raw = await openJson(key, sealed);
    } catch {
      // format 1 cannot tell a wrong passphrase from damaged data: nothing is changed either way
      return { ok: false, reason: 'wrongPassphrase' };
    }
    const m = migrate(raw);
    if (!m.ok) return { ok: false, reason: 'migration', error: m.error };
    const next: VaultMeta = { format: VAULT_FORMAT, version: VAULT_VERSION, kdf: meta.kdf, check: await sealJson(key, CHECK_TEXT, aadFor('check')) };
    const rev = 1;
    const items: [string, unknown][] = [];
    for (const c of m.caseload.cases) items.push([CASE_PREFIX + c.id, { rev, ...(await sealJson(key, c, aadFor(`case/${c.id}`))) }]);
    items.push([REV_KEY, rev], [META_KEY, next]);
    await this.kv.setMany(items);
    await this.kv.del(LEGACY_DATA_KEY);
    this.cases.clear();
    this.tombs.clear();
    this.damagedIds.clear();
    for (const c of m.caseload.cases) this.cases.set(c.id, c);
    this.rev = rev;
    this.key = key;
    this.meta = next;
    return { ok: true, caseload: this.caseload, damaged: [], migratedFrom: 1 };
  }

  lock(): void {
    this.key = null;
    this.meta = null;
    this.cases.clear();
    this.tombs.clear();
    this.damagedIds.clear();
    this.rev = 0;
  }

  /**
   * Re-reads what other tabs wrote since this page last read or wrote (only the cases named when
   * known). Returns the ids that changed here. Runs under the lock unless `locked` says it already does.
   */
  async pull(ids?: string[], locked = false): Promise<Set<string>> {
    const run = async () => {
      const key = this.key;
      const changed = new Set<string>();
      if (!key) return changed;
      const stored = await this.kv.get(REV_KEY);
      if (typeof stored !== 'number' || stored === this.rev) return changed;
      const since = this.rev;
      const records: [string, unknown][] = ids
        ? await Promise.all(ids.map(async (id) => [CASE_PREFIX + id, await this.kv.get(CASE_PREFIX + id)] as [string, unknown]))
        : (await this.kv.entries()).filter(([k]) => k.startsWith(CASE_PREFIX));
      for (const [k, v] of records) {
        if (!isStoredCase(v) || v.rev <= since) continue;
        const id = k.slice(CASE_PREFIX.length);
        this.apply(id, await this.openCase(key, id, v));
        changed.add(id);
      }
      if (this.key === key) this.rev = ids ? Math.max(this.rev, stored) : stored;
      return changed;
    };
    return locked ? run() : this.withLock(run);
  }

  private async sameKey(): Promise<boolean> {
    const m = await this.kv.get(META_KEY);
    return isMeta(m) && m.kdf.salt === this.meta?.kdf.salt && m.version === this.meta.version;
  }

  /**
   * Writes cases and deletions. `mode: 'edit'`: changes made on this page (a case another tab changed
   * since is still written when this one is newer, and reported). `mode: 'import'`: a case is written
   * only when it is newer than the stored one (or new); a deletion made later than the file's version
   * is kept. Never throws.
   */
  async write(
    puts: readonly CaseRecord[],
    dels: readonly string[] = [],
    opts: { mode?: 'edit' | 'import'; onProgress?: (done: number, total: number) => void; now?: Date; bases?: Record<string, string | undefined> } = {},
  ): Promise<WriteOutcome> {
    const mode = opts.mode ?? 'edit';
    try {
      return await this.withLock(async (): Promise<WriteOutcome> => {
        const key = this.key;
        if (!key) return { ok: false, error: { code: 'locked', detail: '' } };
        if (!(await this.sameKey())) return { ok: false, error: { code: 'rekeyed', detail: '' } };
        const seen = new Map([...puts.map((c) => c.id), ...dels].map((id) => [id, this.cases.get(id)?.updatedAt ?? this.tombs.get(id)]));
        // the version an edit started from, when the page says so (a broadcast may have updated memory meanwhile)
        for (const [id, at] of Object.entries(opts.bases ?? {})) if (seen.has(id)) seen.set(id, at);
        await this.pull(undefined, true);
        const report = emptyReport();
        const rev = this.rev + 1;
        const writes: [string, CaseRecord | Tombstone][] = [];
        for (const c of puts) {
          // a file is imported on purpose: it brings back a case deleted here (a tab's stale copy does not)
          const stored = mode === 'import' ? this.cases.get(c.id)?.updatedAt : (this.cases.get(c.id)?.updatedAt ?? this.tombs.get(c.id));
          const changedElsewhere = stored !== seen.get(c.id);
          if (mode === 'import') {
            if (stored === undefined) report.added.push(c.id);
            else if (stored === c.updatedAt && this.cases.has(c.id)) {
              report.same.push(c.id);
              continue;
            } else if (stored >= c.updatedAt) {
              report.keptStored.push(c.id);
              continue;
            } else report.replaced.push(c.id);
          } else if (changedElsewhere && stored !== undefined) {
            if (stored > c.updatedAt) {
              report.keptStored.push(c.id);
              continue;
            }
            report.overrodeOther.push(c.id);
          } else if (stored === undefined) report.added.push(c.id);
          else report.replaced.push(c.id);
          writes.push([c.id, c]);
        }
        const at = (opts.now ?? new Date()).toISOString();
        for (const id of dels) {
          if (!this.cases.has(id)) continue;
          writes.push([id, { id, deleted: true, updatedAt: at }]);
          if (this.cases.get(id)!.updatedAt !== seen.get(id)) report.overrodeOther.push(id);
        }
        if (!writes.length) return { ok: true, report };
        const items: [string, unknown][] = [];
        const CHUNK = 500;
        for (let i = 0; i < writes.length; i += CHUNK) {
          const part = writes.slice(i, i + CHUNK);
          const sealed = await Promise.all(part.map(([id, v]) => sealJson(key, v, aadFor(`case/${id}`))));
          part.forEach(([id], j) => items.push([CASE_PREFIX + id, { rev, ...sealed[j]! }]));
          opts.onProgress?.(Math.min(i + CHUNK, writes.length), writes.length);
        }
        items.push([REV_KEY, rev]);
        await this.kv.setMany(items);
        for (const [id, v] of writes) this.apply(id, v);
        this.rev = rev;
        this.channel?.post({ type: 'wrote', rev, ids: writes.map(([id]) => id) });
        return { ok: true, report };
      });
    } catch (e) {
      return { ok: false, error: writeErrorOf(e) };
    }
  }

  /** Text typed but not saved, sealed; merged with what other tabs left. */
  async saveDrafts(drafts: Record<string, string>): Promise<WriteOutcome> {
    const key = this.key;
    if (!key) return { ok: false, error: { code: 'locked', detail: '' } };
    try {
      await this.withLock(async () => {
        const old = await this.readDrafts(key);
        await this.kv.set(DRAFTS_KEY, await sealJson(key, { ...old, ...drafts }, aadFor('drafts')));
      });
      return { ok: true, report: emptyReport() };
    } catch (e) {
      return { ok: false, error: writeErrorOf(e) };
    }
  }

  private async readDrafts(key: CryptoKey): Promise<Record<string, string>> {
    const s = await this.kv.get(DRAFTS_KEY);
    if (!isSealed(s)) return {};
    try {
      const d = await openJson(key, s, aadFor('drafts'));
      if (typeof d !== 'object' || d === null) return {};
      return Object.fromEntries(Object.entries(d).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
    } catch {
      return {};
    }
  }

  /** The drafts kept at the last lock or update; they are removed from storage once read. */
  async takeDrafts(): Promise<Record<string, string>> {
    const key = this.key;
    if (!key) return {};
    const d = await this.readDrafts(key);
    if (Object.keys(d).length) await this.kv.del(DRAFTS_KEY).catch(() => undefined);
    return d;
  }

  /** A new passphrase: a new salt and key; every record sealed again in one transaction. */
  async changePassphrase(current: string, next: string): Promise<{ ok: true } | { ok: false; reason: 'wrongPassphrase' | 'short' | 'locked' } | { ok: false; reason: 'write'; error: WriteError }> {
    if (next.length < MIN_PASSPHRASE_LENGTH) return { ok: false, reason: 'short' };
    const oldKey = this.key;
    const oldMeta = this.meta;
    if (!oldKey || !oldMeta) return { ok: false, reason: 'locked' };
    const check = await deriveKey(current, fromBase64(oldMeta.kdf.salt), oldMeta.kdf.iterations);
    try {
      await openJson(check, oldMeta.check!, aadFor('check'));
    } catch {
      return { ok: false, reason: 'wrongPassphrase' };
    }
    try {
      await this.withLock(async () => {
        await this.pull(undefined, true);
        const { meta, key } = await this.newMeta(next);
        const rev = this.rev + 1;
        const items: [string, unknown][] = [];
        const drafts = await this.readDrafts(oldKey);
        for (const [id, c] of this.cases) items.push([CASE_PREFIX + id, { rev, ...(await sealJson(key, c, aadFor(`case/${id}`))) }]);
        for (const [id, updatedAt] of this.tombs) items.push([CASE_PREFIX + id, { rev, ...(await sealJson(key, { id, deleted: true, updatedAt }, aadFor(`case/${id}`))) }]);
        if (Object.keys(drafts).length) items.push([DRAFTS_KEY, await sealJson(key, drafts, aadFor('drafts'))]);
        items.push([REV_KEY, rev], [META_KEY, meta]);
        await this.kv.setMany(items);
        this.key = key;
        this.meta = meta;
        this.rev = rev;
      });
    } catch (e) {
      return { ok: false, reason: 'write', error: writeErrorOf(e) };
    }
    this.channel?.post({ type: 'rekeyed' });
    return { ok: true };
  }

  /** Forget the passphrase and every case on this device. */
  async destroy(): Promise<void> {
    this.lock();
    await this.withLock(async () => {
      const ks = await this.kv.keys();
      await this.kv.delMany(ks);
    });
    this.channel?.post({ type: 'destroyed' });
  }
}
