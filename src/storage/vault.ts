/**
 * The encrypted caseload on this device. Two records in the key-value store:
 *   "meta"     { format, version, kdf: PBKDF2-SHA256 + per-device random salt + iterations }
 *   "caseload" Sealed (AES-GCM) JSON of the Caseload
 * The key lives only in memory while unlocked; lock() drops it together with the decrypted cases.
 */
import { DEFAULT_ITERATIONS, MIN_ITERATIONS, deriveKey, fromBase64, isSealed, openJson, randomBytes, sealJson, toBase64, WrongPassphraseError } from './crypto';
import type { KV } from './kv';
import { emptyCaseload, migrate, type Caseload, type MigrationError } from './model';

export const META_KEY = 'meta';
export const DATA_KEY = 'caseload';
export const VAULT_FORMAT = 'tj-subsidies-caseload-vault';

export interface VaultMeta {
  format: typeof VAULT_FORMAT;
  version: 1;
  kdf: { name: 'PBKDF2'; hash: 'SHA-256'; iterations: number; salt: string };
}

export const MIN_PASSPHRASE_LENGTH = 8;

export type UnlockResult =
  | { ok: true; caseload: Caseload }
  | { ok: false; reason: 'wrongPassphrase' | 'noVault' | 'damaged' }
  | { ok: false; reason: 'migration'; error: MigrationError };

function isMeta(v: unknown): v is VaultMeta {
  const m = v as VaultMeta;
  return (
    typeof m === 'object' &&
    m !== null &&
    m.format === VAULT_FORMAT &&
    m.version === 1 &&
    m.kdf?.name === 'PBKDF2' &&
    m.kdf.hash === 'SHA-256' &&
    Number.isInteger(m.kdf.iterations) &&
    m.kdf.iterations >= MIN_ITERATIONS &&
    typeof m.kdf.salt === 'string'
  );
}

export class Vault {
  private key: CryptoKey | null = null;
  private meta: VaultMeta | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly kv: KV,
    private readonly iterations = DEFAULT_ITERATIONS,
  ) {}

  get unlocked(): boolean {
    return this.key !== null;
  }
  /** the per-device salt and iterations, for backups that this device can open without re-deriving */
  get kdf(): VaultMeta['kdf'] | null {
    return this.key ? (this.meta?.kdf ?? null) : null;
  }
  get cryptoKey(): CryptoKey | null {
    return this.key;
  }

  async exists(): Promise<boolean> {
    return (await this.kv.get(META_KEY)) !== undefined;
  }

  /** First use on this device: a new random salt, an empty caseload. */
  async create(passphrase: string): Promise<Caseload> {
    if (passphrase.length < MIN_PASSPHRASE_LENGTH) throw new Error('passphrase too short');
    if (await this.exists()) throw new Error('a caseload already exists on this device');
    const meta: VaultMeta = {
      format: VAULT_FORMAT,
      version: 1,
      kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: this.iterations, salt: toBase64(randomBytes(16)) },
    };
    const key = await deriveKey(passphrase, fromBase64(meta.kdf.salt), meta.kdf.iterations);
    const caseload = emptyCaseload();
    await this.kv.set(DATA_KEY, await sealJson(key, caseload));
    await this.kv.set(META_KEY, meta);
    this.key = key;
    this.meta = meta;
    return caseload;
  }

  /** A wrong passphrase changes nothing: nothing is written, the vault stays locked. */
  async unlock(passphrase: string): Promise<UnlockResult> {
    const meta = await this.kv.get(META_KEY);
    if (meta === undefined) return { ok: false, reason: 'noVault' };
    if (!isMeta(meta)) return { ok: false, reason: 'damaged' };
    const sealed = await this.kv.get(DATA_KEY);
    if (!isSealed(sealed)) return { ok: false, reason: 'damaged' };
    const key = await deriveKey(passphrase, fromBase64(meta.kdf.salt), meta.kdf.iterations);
    let raw: unknown;
    try {
      raw = await openJson(key, sealed);
    } catch (e) {
      if (e instanceof WrongPassphraseError) return { ok: false, reason: 'wrongPassphrase' };
      return { ok: false, reason: 'damaged' };
    }
    const m = migrate(raw);
    if (!m.ok) return { ok: false, reason: 'migration', error: m.error };
    this.key = key;
    this.meta = meta;
    if (m.from !== (m.caseload.schemaVersion as number)) await this.save(m.caseload);
    return { ok: true, caseload: m.caseload };
  }

  lock(): void {
    this.key = null;
    this.meta = null;
  }

  /** Writes are serialised; each gets a new random IV. */
  save(caseload: Caseload): Promise<void> {
    const key = this.key;
    if (!key) return Promise.reject(new Error('locked'));
    const run = this.queue.then(async () => {
      await this.kv.set(DATA_KEY, await sealJson(key, caseload));
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Forget the passphrase and every case on this device. */
  async destroy(): Promise<void> {
    this.lock();
    await this.kv.del(DATA_KEY);
    await this.kv.del(META_KEY);
  }
}
