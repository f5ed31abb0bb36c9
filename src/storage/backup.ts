/**
 * Backups of the whole caseload. JSON restores losslessly (same ids, answers, checks, notes); by
 * default it is encrypted (AES-GCM, PBKDF2 salt and iterations carried in the file, so it opens on
 * another device with the passphrase). CSV is for office systems: the answers in the facts schema's
 * own columns and the result columns of src/facts/csv.ts.
 * Reading never throws and never touches the stored caseload: it returns a caseload or a reason.
 */
import { evaluate } from '../engine/evaluate';
import { FACT_FIELDS as INPUT_COLUMNS } from '../facts/schema';
import { RESULT_COLUMNS, resultCells } from '../screening/results';
import { toCsv } from '../screening/write';
import { factsToCells } from '../facts/parse';
import { DEFAULT_ITERATIONS, MIN_ITERATIONS, deriveKey, fromBase64, isSealed, openJson, randomBytes, sealJson, toBase64, WrongPassphraseError, type Sealed } from './crypto';
import { migrate, SCHEMA_VERSION, type Caseload, type MigrationError } from './model';

export const BACKUP_FORMAT = 'tj-subsidies-caseload-backup';
/** A backup bigger than this is refused before parsing. */
export const MAX_BACKUP_BYTES = 50 * 1024 * 1024;

interface PlainBackup {
  format: typeof BACKUP_FORMAT;
  schemaVersion: number;
  exportedAt: string;
  encrypted: false;
  caseload: unknown;
}
interface EncryptedBackup {
  format: typeof BACKUP_FORMAT;
  schemaVersion: number;
  exportedAt: string;
  encrypted: true;
  kdf: { name: 'PBKDF2'; hash: 'SHA-256'; iterations: number; salt: string };
  cipher: 'AES-GCM';
  sealed: Sealed;
}

export function exportPlainJson(caseload: Caseload, now = new Date()): string {
  const b: PlainBackup = { format: BACKUP_FORMAT, schemaVersion: SCHEMA_VERSION, exportedAt: now.toISOString(), encrypted: false, caseload };
  return JSON.stringify(b, null, 2);
}

/**
 * Encrypted with `key` when given (the unlocked device key, whose salt is `kdf.salt`), else with a
 * key derived from `passphrase` and a fresh salt.
 */
export async function exportEncryptedJson(
  caseload: Caseload,
  opts: { key: CryptoKey; kdf: EncryptedBackup['kdf'] } | { passphrase: string },
  now = new Date(),
): Promise<string> {
  let key: CryptoKey;
  let kdf: EncryptedBackup['kdf'];
  if ('key' in opts) {
    key = opts.key;
    kdf = opts.kdf;
  } else {
    kdf = { name: 'PBKDF2', hash: 'SHA-256', iterations: DEFAULT_ITERATIONS, salt: toBase64(randomBytes(16)) };
    key = await deriveKey(opts.passphrase, fromBase64(kdf.salt), kdf.iterations);
  }
  const b: EncryptedBackup = {
    format: BACKUP_FORMAT,
    schemaVersion: SCHEMA_VERSION,
    exportedAt: now.toISOString(),
    encrypted: true,
    kdf,
    cipher: 'AES-GCM',
    sealed: await sealJson(key, caseload),
  };
  return JSON.stringify(b);
}

export type ImportError =
  | { code: 'tooLarge' }
  | { code: 'notJson' }
  | { code: 'foreign' }
  | { code: 'needsPassphrase' }
  | { code: 'wrongPassphrase' }
  | MigrationError;
export type ImportOutcome = { ok: true; caseload: Caseload; from: number; encrypted: boolean } | { ok: false; error: ImportError };

/**
 * Reads a backup file's text. For an encrypted backup, `deviceKey` is tried when its salt matches the
 * file's, otherwise `passphrase` is needed. A caseload without the backup wrapper (an older export:
 * `{ schemaVersion?, cases }`) is accepted and migrated.
 */
export async function readBackup(
  text: string,
  opts: { passphrase?: string; device?: { key: CryptoKey; salt: string } } = {},
): Promise<ImportOutcome> {
  if (text.length > MAX_BACKUP_BYTES) return { ok: false, error: { code: 'tooLarge' } };
  let raw: unknown;
  try {
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return { ok: false, error: { code: 'notJson' } };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, error: { code: 'foreign' } };
  const o = raw as Record<string, unknown>;
  let inner: unknown;
  let encrypted = false;
  if (o.format === BACKUP_FORMAT) {
    if (o.encrypted === true) {
      encrypted = true;
      const b = o as unknown as EncryptedBackup;
      const kdfOk =
        b.kdf?.name === 'PBKDF2' && b.kdf.hash === 'SHA-256' && Number.isInteger(b.kdf.iterations) && b.kdf.iterations >= MIN_ITERATIONS && typeof b.kdf.salt === 'string';
      if (!kdfOk || !isSealed(b.sealed)) return { ok: false, error: { code: 'foreign' } };
      if (opts.device && opts.device.salt === b.kdf.salt) {
        try {
          inner = await openJson(opts.device.key, b.sealed);
        } catch {
          // made with another passphrase on this device: ask for it below
        }
      }
      if (inner === undefined) {
        if (!opts.passphrase) return { ok: false, error: { code: 'needsPassphrase' } };
        try {
          inner = await openJson(await deriveKey(opts.passphrase, fromBase64(b.kdf.salt), b.kdf.iterations), b.sealed);
        } catch (e) {
          return { ok: false, error: { code: e instanceof WrongPassphraseError ? 'wrongPassphrase' : 'foreign' } };
        }
      }
    } else if (o.encrypted === false) {
      inner = o.caseload;
    } else return { ok: false, error: { code: 'foreign' } };
  } else if (Array.isArray(o.cases)) {
    inner = raw;
  } else return { ok: false, error: { code: 'foreign' } };
  const m = migrate(inner);
  if (!m.ok) return { ok: false, error: m.error };
  return { ok: true, caseload: m.caseload, from: m.from, encrypted };
}

/** Imported cases replace stored cases with the same id; the others are kept. */
export function mergeCaseloads(current: Caseload, incoming: Caseload): { caseload: Caseload; added: number; replaced: number } {
  const byId = new Map(current.cases.map((c) => [c.id, c]));
  let added = 0;
  let replaced = 0;
  for (const c of incoming.cases) {
    if (byId.has(c.id)) replaced++;
    else added++;
    byId.set(c.id, c);
  }
  return { caseload: { schemaVersion: SCHEMA_VERSION, cases: [...byId.values()] }, added, replaced };
}

export const CASE_COLUMNS = ['caseId', 'createdAt', 'updatedAt', 'caseNotes'] as const;

/** CSV for office systems: case columns, the facts schema's input columns, then the result columns. UTF-8 with BOM. */
export function exportCsv(caseload: Caseload): string {
  const resultCols = RESULT_COLUMNS.filter((c) => c !== 'row' && c !== 'warning' && c !== 'error');
  const header = [...CASE_COLUMNS, ...INPUT_COLUMNS, ...resultCols];
  const rows = caseload.cases.map((c) => {
    const cells = factsToCells(c.facts);
    const r = resultCells(evaluate(c.facts, { asOf: c.check.checkedOn }));
    return [c.id, c.createdAt, c.updatedAt, c.notes, ...INPUT_COLUMNS.map((f) => cells[f]), ...resultCols.map((k) => r[k] ?? '')];
  });
  return '\ufeff' + toCsv([header, ...rows]);
}
