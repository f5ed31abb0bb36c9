/**
 * The encrypted caseload on this device (format 3). Records in the key-value store:
 *   "meta"     { format, version: 3, kdf: PBKDF2-SHA256 + per-device random salt + iterations,
 *                check: a known text sealed with the key — it opens ⇔ the passphrase is right,
 *                buckets: how many bucket records the cases are spread over }
 *   "rev"      the number of the last write (any tab); every write adds one
 *   "b:<n>"    { rev, count, index, iv, data }: bucket n, the cases (and deletion marks) whose id hashes to n
 *              (bucketOf), sealed together with "bucket/<n>" as associated data, so a record cannot be
 *              moved to another slot. Saving one case seals its bucket again (about 1/128 of the
 *              caseload); unlocking opens ~128 records instead of one per case. `index` (the case ids,
 *              sealed on their own) is opened only when the bucket does not, to name what it held.
 *   "c:<id>"   { rev, iv, data }: one case sealed on its own with "case/<id>" as associated data (format
 *              2's record). Still read: a format-2 vault's cases until it is migrated, a damaged
 *              format-2 record left untouched, and a case whose bucket is damaged (it is written here
 *              instead, so the damaged bucket stays as it was).
 *   "drafts"   sealed text typed but not saved, kept across a lock or an update
 * Format 1 ("meta" version 1 + "caseload": the whole caseload sealed at once) and format 2 (one "c:"
 * record per case) are migrated on the first unlock, in one transaction.
 *
 * One writer at a time across tabs: every write runs under a Web Lock (or an in-page queue where there
 * is none), first reads "rev", and when another tab wrote since, re-reads the records it wrote and merges
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
/** one case in its own record (format 2; format 3 for a case whose bucket is damaged) */
export const CASE_PREFIX = 'c:';
export const BUCKET_PREFIX = 'b:';
export const VAULT_FORMAT = 'tj-subsidies-caseload-vault';
export const VAULT_VERSION = 3;
/** 10,000 cases → ~78 a bucket: one save seals ~80 cases, one unlock opens 128 records */
export const DEFAULT_BUCKETS = 128;
const MAX_BUCKETS = 4096;
const CHECK_TEXT = 'tj-subsidies-caseload-check';

/** The bucket of a case id: FNV-1a (32 bit) of its UTF-16 code units, modulo the bucket count. Stable. */
export function bucketOf(id: string, buckets: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % buckets;
}

type Kdf = { name: 'PBKDF2'; hash: 'SHA-256'; iterations: number; salt: string };
export interface VaultMeta {
  format: typeof VAULT_FORMAT;
  version: 1 | 2 | 3;
  kdf: Kdf;
  /** versions 2 and 3 */
  check?: Sealed;
  /** version 3 */
  buckets?: number;
}
export interface StoredCase extends Sealed {
  rev: number;
}
export interface StoredBucket extends Sealed {
  rev: number;
  /** how many cases and deletion marks it holds (for progress) */
  count: number;
  /** the ids it holds, sealed on their own ("bucket/<n>/ids"): opened only when the bucket does not open, to name what it held */
  index: Sealed;
}
type OpenedBucket = { entries: Entry[]; bad: unknown[] } | { damaged: string[] };
interface Tombstone {
  id: string;
  deleted: true;
  updatedAt: string;
}
type Entry = CaseRecord | Tombstone;

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
  /** validate every case with caseSchema when reading (default: a light shape check, see checkEntry) */
  validate?: boolean;
  /** told of every write this vault made, to tell other tabs; and gets their messages */
  channel?: { post(msg: VaultMessage): void } | null;
  /** the bucket count of a new or migrated vault (tests use a few to put cases together) */
  buckets?: number;
}
export type VaultMessage = { type: 'wrote'; rev: number; ids: string[] } | { type: 'rekeyed' } | { type: 'destroyed' };

const bucketsOk = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 1 && (n as number) <= MAX_BUCKETS;

export function isMeta(v: unknown): v is VaultMeta {
  const m = v as VaultMeta;
  return (
    typeof m === 'object' &&
    m !== null &&
    m.format === VAULT_FORMAT &&
    (m.version === 1 || (m.version === 2 && isSealed(m.check)) || (m.version === 3 && isSealed(m.check) && bucketsOk(m.buckets))) &&
    m.kdf?.name === 'PBKDF2' &&
    m.kdf.hash === 'SHA-256' &&
    Number.isInteger(m.kdf.iterations) &&
    typeof m.kdf.salt === 'string'
  );
}
const isStoredCase = (v: unknown): v is StoredCase => isSealed(v) && Number.isInteger((v as StoredCase).rev);
const isStoredBucket = (v: unknown): v is StoredBucket => isStoredCase(v) && Number.isInteger((v as StoredBucket).count) && isSealed((v as StoredBucket).index);
const isTombstone = (v: unknown): v is Tombstone =>
  typeof v === 'object' && v !== null && (v as Tombstone).deleted === true && typeof (v as Tombstone).id === 'string' && typeof (v as Tombstone).updatedAt === 'string';
const countOf = (v: unknown): number => (isStoredBucket(v) ? Math.max(0, v.count) : 0);

export function writeErrorOf(e: unknown): WriteError {
  const name = e instanceof DOMException || e instanceof Error ? e.name : '';
  const detail = e instanceof Error || e instanceof DOMException ? `${e.name}: ${e.message}` : String(e);
  return { code: name === 'QuotaExceededError' || /quota/i.test(detail) ? 'quota' : 'failed', detail };
}

const emptyReport = (): MergeReport => ({ added: [], replaced: [], keptStored: [], overrodeOther: [], same: [] });

/** Runs `fn` over `xs` in parallel slices of `size`, telling `onSlice` after each. */
async function inSlices<T, R>(xs: readonly T[], size: number, fn: (x: T) => Promise<R>, onSlice?: (done: readonly T[]) => void): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < xs.length; i += size) {
    const part = xs.slice(i, i + size);
    out.push(...(await Promise.all(part.map(fn))));
    onSlice?.(part);
  }
  return out;
}

export class Vault {
  private key: CryptoKey | null = null;
  private meta: VaultMeta | null = null;
  private rev = 0;
  private readonly cases = new Map<string, CaseRecord>();
  private readonly tombs = new Map<string, string>();
  private readonly damagedIds = new Set<string>();
  /** buckets whose record does not open: never written over; their cases are written to "c:<id>" */
  private readonly damagedBuckets = new Set<number>();
  /** the ids in each bucket, as this page knows them */
  private readonly members = new Map<number, Set<string>>();
  /** ids with a "c:<id>" record in storage: opened, or damaged (left as it is until the case is written) */
  private readonly loose = new Map<string, 'open' | 'damaged'>();
  /** entries of an opened bucket that did not pass checkEntry: written back with it unchanged */
  private readonly unreadable = new Map<number, unknown[]>();
  private readonly iterations: number;
  private readonly withLock: LockFn;
  private readonly validate: boolean;
  private readonly newBuckets: number;
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
    this.newBuckets = bucketsOk(o.buckets) ? o.buckets : DEFAULT_BUCKETS;
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

  private get bucketCount(): number {
    return this.meta?.version === 3 && bucketsOk(this.meta.buckets) ? this.meta.buckets : this.newBuckets;
  }
  private bucket(id: string): number {
    return bucketOf(id, this.bucketCount);
  }

  private async newMeta(passphrase: string): Promise<{ meta: VaultMeta; key: CryptoKey }> {
    const kdf: Kdf = { name: 'PBKDF2', hash: 'SHA-256', iterations: this.iterations, salt: toBase64(randomBytes(16)) };
    const key = await deriveKey(passphrase, fromBase64(kdf.salt), kdf.iterations);
    return { key, meta: { format: VAULT_FORMAT, version: VAULT_VERSION, kdf, check: await sealJson(key, CHECK_TEXT, aadFor('check')), buckets: this.newBuckets } };
  }

  private reset(): void {
    this.cases.clear();
    this.tombs.clear();
    this.damagedIds.clear();
    this.damagedBuckets.clear();
    this.members.clear();
    this.loose.clear();
    this.unreadable.clear();
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
    this.reset();
    return this.caseload;
  }

  /**
   * A decrypted case or deletion mark, checked. Authenticated by AES-GCM with this vault's key and bound
   * to its slot, and validated by caseSchema before it was written (imports through migrate(), edits by
   * the app): a light shape check here keeps unlocking 10,000 cases fast. validate=true re-checks fully
   * (tests, a repair).
   */
  private checkEntry(raw: unknown, id?: string): Entry | null {
    if (isTombstone(raw)) return id === undefined || raw.id === id ? raw : null;
    if (this.validate) {
      const c = caseSchema.safeParse(raw);
      return c.success && (id === undefined || c.data.id === id) ? c.data : null;
    }
    const c = raw as CaseRecord;
    const shaped =
      typeof c === 'object' && c !== null && typeof c.id === 'string' && (id === undefined || c.id === id) && typeof c.updatedAt === 'string' && typeof c.facts === 'object' && typeof c.check === 'object';
    return shaped ? c : null;
  }

  private async openCase(key: CryptoKey, id: string, v: unknown): Promise<Entry | null> {
    if (!isStoredCase(v)) return null;
    try {
      return this.checkEntry(await openJson(key, v, aadFor(`case/${id}`)), id);
    } catch {
      return null;
    }
  }

  /**
   * The entries of bucket n (entries that do not belong are named in `bad`), or, when the record does
   * not open, the ids its sealed index names.
   */
  private async openBucket(key: CryptoKey, n: number, v: unknown): Promise<OpenedBucket> {
    if (!isStoredBucket(v)) return { damaged: [] };
    let raw: unknown;
    try {
      raw = await openJson(key, v, aadFor(`bucket/${n}`));
    } catch {
      raw = null;
    }
    if (!Array.isArray(raw)) {
      const ids = await openJson(key, v.index, aadFor(`bucket/${n}/ids`)).catch(() => []);
      return { damaged: Array.isArray(ids) ? ids.filter((x): x is string => typeof x === 'string') : [] };
    }
    const entries: Entry[] = [];
    const bad: unknown[] = [];
    for (const r of raw) {
      const e = this.checkEntry(r);
      if (e && this.bucket(e.id) === n) entries.push(e);
      else bad.push(r);
    }
    return { entries, bad };
  }

  private updatedAtOf(id: string): string | undefined {
    return this.cases.get(id)?.updatedAt ?? this.tombs.get(id);
  }
  /** what this page holds for an id, to tell whether a re-read changed it */
  private stamp(id: string): string {
    const c = this.cases.get(id);
    if (c) return `case ${c.updatedAt}`;
    const at = this.tombs.get(id);
    return at === undefined ? '' : `deleted ${at}`;
  }
  private entry(id: string): Entry | undefined {
    const c = this.cases.get(id);
    if (c) return c;
    const at = this.tombs.get(id);
    return at === undefined ? undefined : { id, deleted: true, updatedAt: at };
  }

  private apply(id: string, rec: Entry | null): void {
    if (!rec) {
      this.damagedIds.add(id);
      return;
    }
    this.damagedIds.delete(id);
    const n = this.bucket(id);
    let m = this.members.get(n);
    if (!m) this.members.set(n, (m = new Set()));
    m.add(id);
    if ('deleted' in rec) {
      this.cases.delete(id);
      this.tombs.set(id, rec.updatedAt);
    } else {
      this.tombs.delete(id);
      this.cases.set(id, rec);
    }
  }

  /** Applies what a bucket record holds; a damaged bucket names its ids as damaged (unless opened elsewhere). */
  private applyBucket(n: number, opened: OpenedBucket): void {
    if ('damaged' in opened) {
      this.damagedBuckets.add(n);
      const lost = opened.damaged.filter((id) => !this.cases.has(id) && !this.tombs.has(id));
      // a record whose index does not open either still counts: named by its slot
      for (const id of lost.length ? lost : [BUCKET_PREFIX + n]) this.damagedIds.add(id);
      return;
    }
    this.damagedBuckets.delete(n);
    for (const e of opened.entries) {
      this.apply(e.id, e);
      // the writer of a bucket folds the ids' "c:" records into it and deletes them
      if (this.loose.get(e.id) === 'open') this.loose.delete(e.id);
    }
    // kept as they are and sealed again with the bucket, never dropped; named when they have an id
    if (opened.bad.length) this.unreadable.set(n, opened.bad);
    else this.unreadable.delete(n);
    for (const r of opened.bad) {
      const id = (r as Entry | null)?.id;
      if (typeof id === 'string' && !this.cases.has(id)) this.damagedIds.add(id);
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
    // read while the key is derived: one getAll of the whole store
    const [key, all] = await Promise.all([deriveKey(passphrase, fromBase64(meta.kdf.salt), meta.kdf.iterations), meta.version === 1 ? Promise.resolve([]) : this.kv.entries()]);
    if (meta.version === 1) return this.migrateV1(key, meta);
    const buckets = meta.version === 3 ? meta.buckets! : this.newBuckets;
    const bucketRecs: [number, unknown][] = [];
    const looseRecs: [string, unknown][] = [];
    let rev: unknown;
    for (const [k, v] of all) {
      if (k.startsWith(BUCKET_PREFIX)) {
        const n = Number(k.slice(BUCKET_PREFIX.length));
        if (Number.isInteger(n) && n >= 0 && n < buckets && String(n) === k.slice(BUCKET_PREFIX.length)) bucketRecs.push([n, v]);
      } else if (k.startsWith(CASE_PREFIX)) looseRecs.push([k.slice(CASE_PREFIX.length), v]);
      else if (k === REV_KEY) rev = v;
    }
    const checkOk = await openJson(key, meta.check!, aadFor('check')).then(
      (v) => v === CHECK_TEXT,
      () => false,
    );
    this.meta = meta;
    if (!checkOk) {
      // a damaged check record, or a wrong passphrase: a record that opens with this key tells them apart
      const opens =
        (await Promise.all(bucketRecs.slice(0, 3).map(([n, v]) => this.openBucket(key, n, v)))).some((x) => 'entries' in x) ||
        (await Promise.all(looseRecs.slice(0, 5).map(([id, v]) => this.openCase(key, id, v)))).some((x) => x !== null);
      if (!opens) {
        this.meta = null;
        return { ok: false, reason: 'wrongPassphrase' };
      }
      // the passphrase is right: repair the check record, nothing else changes
      await this.kv.set(META_KEY, { ...meta, check: await sealJson(key, CHECK_TEXT, aadFor('check')) }).catch(() => undefined);
    }
    this.reset();
    const total = bucketRecs.reduce((s, [, v]) => s + countOf(v), 0) + looseRecs.length;
    let done = 0;
    const tell = (n: number) => {
      done += n;
      onProgress?.(Math.min(done, total), total);
    };
    const opened = await inSlices(
      bucketRecs,
      16,
      ([n, v]) => this.openBucket(key, n, v),
      (part) => tell(part.reduce((s, [, v]) => s + countOf(v), 0)),
    );
    bucketRecs.forEach(([n], i) => this.applyBucket(n, opened[i]!));
    const openedLoose = await inSlices(looseRecs, 500, ([id, v]) => this.openCase(key, id, v), (part) => tell(part.length));
    looseRecs.forEach(([id], i) => {
      const e = openedLoose[i]!;
      this.loose.set(id, e ? 'open' : 'damaged');
      if (!e) {
        if (!this.cases.has(id) && !this.tombs.has(id)) this.damagedIds.add(id);
        return;
      }
      // a "c:" record and a bucket both holding the case (only after an interrupted write): the newer wins
      const have = this.updatedAtOf(id);
      if (have === undefined || e.updatedAt > have) this.apply(id, e);
    });
    this.rev = typeof rev === 'number' ? rev : 0;
    this.key = key;
    if (meta.version === 2) {
      // format 2 → 3: the cases that opened go into buckets, their "c:" records are removed in the same
      // transaction; damaged ones stay as they are. When this write fails, the vault keeps working
      // (format 3 reads both kinds of record) and migration is tried again at the next unlock.
      const next: VaultMeta = { ...meta, version: VAULT_VERSION, check: checkOk ? meta.check! : await sealJson(key, CHECK_TEXT, aadFor('check')), buckets };
      try {
        await this.withLock(async () => {
          // another tab may have migrated meanwhile
          if ((await this.kv.get(META_KEY) as VaultMeta | undefined)?.version !== 2) return;
          const rev2 = this.rev + 1;
          const { items, dels } = await this.records(key, rev2, new Map(), this.allBuckets());
          items.push([REV_KEY, rev2], [META_KEY, next]);
          await this.kv.setMany(items, dels);
          this.settle(dels);
          this.rev = rev2;
          this.meta = next;
        });
        return { ok: true, caseload: this.caseload, damaged: this.damaged, migratedFrom: 2 };
      } catch {
        return { ok: true, caseload: this.caseload, damaged: this.damaged };
      }
    }
    return { ok: true, caseload: this.caseload, damaged: this.damaged };
  }

  /** every bucket that holds a case this page knows */
  private allBuckets(): Set<number> {
    return new Set([...this.members.keys()]);
  }

  /**
   * The records that store `pending` (written over memory) in buckets `ns` and in "c:" records for the
   * ids of damaged buckets: each healthy bucket is sealed whole from memory, and the "c:" records of
   * ids it now holds are deleted.
   */
  private async records(
    key: CryptoKey,
    rev: number,
    pending: ReadonlyMap<string, Entry>,
    ns: Iterable<number>,
    onProgress?: (done: number, total: number) => void,
  ): Promise<{ items: [string, unknown][]; dels: string[] }> {
    const entryOf = (id: string): Entry | undefined => pending.get(id) ?? this.entry(id);
    const healthy = new Map<number, string[]>();
    const looseIds: string[] = [];
    for (const n of ns) if (!this.damagedBuckets.has(n)) healthy.set(n, [...(this.members.get(n) ?? [])]);
    for (const id of pending.keys()) {
      const n = this.bucket(id);
      if (this.damagedBuckets.has(n)) looseIds.push(id);
      else {
        const ids = healthy.get(n) ?? (healthy.set(n, [...(this.members.get(n) ?? [])]), healthy.get(n)!);
        if (!ids.includes(id)) ids.push(id);
      }
    }
    const items: [string, unknown][] = [];
    const dels: string[] = [];
    const jobs = [...healthy.entries()];
    const total = jobs.reduce((s, [, ids]) => s + ids.length, 0) + looseIds.length;
    let done = 0;
    await inSlices(
      jobs,
      16,
      async ([n, ids]) => {
        const entries: unknown[] = ids.map(entryOf).filter((e): e is Entry => e !== undefined);
        for (const r of this.unreadable.get(n) ?? []) if (!pending.has((r as Entry | null)?.id as string)) entries.push(r);
        const idList = entries.map((e) => (e as Entry | null)?.id).filter((id): id is string => typeof id === 'string');
        const [sealed, index] = await Promise.all([sealJson(key, entries, aadFor(`bucket/${n}`)), sealJson(key, idList, aadFor(`bucket/${n}/ids`))]);
        const stored: StoredBucket = { rev, count: entries.length, index, ...sealed };
        items.push([BUCKET_PREFIX + n, stored]);
        // a damaged "c:" record is left alone unless this write puts its case
        for (const id of ids) if (this.loose.get(id) === 'open' || (this.loose.has(id) && pending.has(id))) dels.push(CASE_PREFIX + id);
      },
      (part) => {
        done += part.reduce((s, [, ids]) => s + ids.length, 0);
        onProgress?.(done, total);
      },
    );
    await inSlices(
      looseIds,
      500,
      async (id) => items.push([CASE_PREFIX + id, { rev, ...(await sealJson(key, pending.get(id), aadFor(`case/${id}`))) } satisfies StoredCase]),
      (part) => {
        done += part.length;
        onProgress?.(done, total);
      },
    );
    return { items, dels };
  }

  /** after a write: the "c:" records deleted are gone */
  private settle(dels: readonly string[]): void {
    for (const k of dels) this.loose.delete(k.slice(CASE_PREFIX.length));
  }

  /** Format 1 → 3: the cases in buckets, the check record; the old record is removed in the same transaction. */
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
    const next: VaultMeta = { format: VAULT_FORMAT, version: VAULT_VERSION, kdf: meta.kdf, check: await sealJson(key, CHECK_TEXT, aadFor('check')), buckets: this.newBuckets };
    this.reset();
    this.meta = next;
    const rev = 1;
    const pending = new Map<string, Entry>(m.caseload.cases.map((c) => [c.id, c]));
    const { items } = await this.records(key, rev, pending, []);
    items.push([REV_KEY, rev], [META_KEY, next]);
    try {
      await this.kv.setMany(items, [LEGACY_DATA_KEY]);
    } catch {
      this.meta = null;
      return { ok: false, reason: 'damaged' };
    }
    for (const c of m.caseload.cases) this.apply(c.id, c);
    this.rev = rev;
    this.key = key;
    return { ok: true, caseload: this.caseload, damaged: [], migratedFrom: 1 };
  }

  lock(): void {
    this.key = null;
    this.meta = null;
    this.reset();
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
      let records: [string, unknown][];
      if (ids) {
        const names = new Set<string>();
        for (const id of ids) names.add(BUCKET_PREFIX + this.bucket(id)).add(CASE_PREFIX + id);
        records = await Promise.all([...names].map(async (k) => [k, await this.kv.get(k)] as [string, unknown]));
      } else records = (await this.kv.entries()).filter(([k]) => k.startsWith(BUCKET_PREFIX) || k.startsWith(CASE_PREFIX));
      const fresh = records.filter(([, v]) => isStoredCase(v) && v.rev > since);
      const opened = await Promise.all(
        fresh.map(([k, v]) =>
          k.startsWith(BUCKET_PREFIX) ? this.openBucket(key, Number(k.slice(BUCKET_PREFIX.length)), v) : this.openCase(key, k.slice(CASE_PREFIX.length), v),
        ),
      );
      if (this.key !== key) return changed;
      fresh.forEach(([k], i) => {
        const o = opened[i]!;
        if (k.startsWith(BUCKET_PREFIX)) {
          const b = o as OpenedBucket;
          const before = new Map(('entries' in b ? b.entries : []).map((e) => [e.id, this.stamp(e.id)]));
          this.applyBucket(Number(k.slice(BUCKET_PREFIX.length)), b);
          for (const [id, was] of before) if (this.stamp(id) !== was) changed.add(id);
        } else {
          const id = k.slice(CASE_PREFIX.length);
          this.loose.set(id, o ? 'open' : 'damaged');
          this.apply(id, o as Entry | null);
          changed.add(id);
        }
      });
      this.rev = ids ? Math.max(this.rev, stored) : stored;
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
        const seen = new Map([...puts.map((c) => c.id), ...dels].map((id) => [id, this.updatedAtOf(id)]));
        // the version an edit started from, when the page says so (a broadcast may have updated memory meanwhile)
        for (const [id, at] of Object.entries(opts.bases ?? {})) if (seen.has(id)) seen.set(id, at);
        await this.pull(undefined, true);
        const report = emptyReport();
        const rev = this.rev + 1;
        const writes = new Map<string, Entry>();
        for (const c of puts) {
          // a file is imported on purpose: it brings back a case deleted here (a tab's stale copy does not)
          const stored = mode === 'import' ? this.cases.get(c.id)?.updatedAt : this.updatedAtOf(c.id);
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
          writes.set(c.id, c);
        }
        const at = (opts.now ?? new Date()).toISOString();
        for (const id of dels) {
          if (!this.cases.has(id)) continue;
          writes.set(id, { id, deleted: true, updatedAt: at });
          if (this.cases.get(id)!.updatedAt !== seen.get(id)) report.overrodeOther.push(id);
        }
        if (!writes.size) return { ok: true, report };
        const { items, dels: gone } = await this.records(key, rev, writes, [], opts.onProgress);
        items.push([REV_KEY, rev]);
        await this.kv.setMany(items, gone);
        for (const [id, v] of writes) {
          this.apply(id, v);
          if (this.damagedBuckets.has(this.bucket(id))) this.loose.set(id, 'open');
        }
        // an unreadable entry is replaced by the case written with its id
        for (const [n, list] of this.unreadable) this.unreadable.set(n, list.filter((r) => !writes.has((r as Entry | null)?.id as string)));
        this.settle(gone);
        this.rev = rev;
        this.channel?.post({ type: 'wrote', rev, ids: [...writes.keys()] });
        return { ok: true, report };
      });
    } catch (e) {
      return { ok: false, error: writeErrorOf(e) };
    }
  }

  /** Text typed but not saved, sealed; merged with what other tabs left. `remove`: drafts the screen dropped. */
  async saveDrafts(drafts: Record<string, string>, remove: readonly string[] = []): Promise<WriteOutcome> {
    const key = this.key;
    if (!key) return { ok: false, error: { code: 'locked', detail: '' } };
    try {
      await this.withLock(async () => {
        const next: Record<string, string> = { ...(await this.readDrafts(key)), ...drafts };
        for (const k of remove) delete next[k];
        if (Object.keys(next).length) await this.kv.set(DRAFTS_KEY, await sealJson(key, next, aadFor('drafts')));
        else await this.kv.del(DRAFTS_KEY);
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

  /**
   * The drafts kept at the last lock or update; they are removed from storage once read, except those
   * named in `keep` (sealed as they change, they stay until the screen drops them).
   */
  async takeDrafts(keep: readonly string[] = []): Promise<Record<string, string>> {
    const key = this.key;
    if (!key) return {};
    return this.withLock(async () => {
      const d = await this.readDrafts(key);
      const kept = Object.fromEntries(Object.entries(d).filter(([k]) => keep.includes(k)));
      if (Object.keys(kept).length === Object.keys(d).length) return d;
      if (Object.keys(kept).length) await this.kv.set(DRAFTS_KEY, await sealJson(key, kept, aadFor('drafts'))).catch(() => undefined);
      else await this.kv.del(DRAFTS_KEY).catch(() => undefined);
      return d;
    });
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
        const drafts = await this.readDrafts(oldKey);
        // every healthy bucket sealed again; the cases of damaged buckets in their own records again
        const pending = new Map<string, Entry>();
        for (const [id, st] of this.loose) {
          const e = this.entry(id);
          if (st === 'open' && e && this.damagedBuckets.has(this.bucket(id))) pending.set(id, e);
        }
        const { items, dels } = await this.records(key, rev, pending, this.allBuckets());
        if (Object.keys(drafts).length) items.push([DRAFTS_KEY, await sealJson(key, drafts, aadFor('drafts'))]);
        const stored: VaultMeta = { ...meta, buckets: this.bucketCount };
        items.push([REV_KEY, rev], [META_KEY, stored]);
        await this.kv.setMany(items, dels);
        this.settle(dels);
        this.key = key;
        this.meta = stored;
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
