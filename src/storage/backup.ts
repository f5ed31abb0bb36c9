/**
 * Backups of the whole caseload. JSON restores losslessly (same ids, answers, checks, notes); by
 * default it is encrypted (AES-GCM, PBKDF2 salt and iterations carried in the file, so it opens on
 * another device with the passphrase). CSV is for office systems: the answers in the facts schema's
 * own columns and the result columns of src/facts/csv.ts.
 * Reading never throws and never touches the stored caseload: it returns a caseload or a reason.
 */
import { evaluate } from '../engine/evaluate';
import { FACT_FIELDS as INPUT_COLUMNS, type FactField } from '../facts/schema';
import { fieldSpec } from '../facts/fields';
import { RESULT_COLUMNS, resultCells } from '../screening/results';
import { fieldName, fieldsText } from '../screening/messages';
import { toCsv } from '../screening/write';
import { factsToCells, type Lang } from '../facts/parse';
import { DEFAULT_ITERATIONS, MAX_ITERATIONS, MIN_ITERATIONS, deriveKey, fromBase64, isSealed, openText, randomBytes, sealJson, toBase64, WrongPassphraseError, type Sealed } from './crypto';
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
  /** the file asks for a PBKDF2 iteration count outside MIN_ITERATIONS–MAX_ITERATIONS */
  | { code: 'iterations'; found: number }
  | MigrationError;
export type ImportOutcome = { ok: true; caseload: Caseload; from: number; encrypted: boolean } | { ok: false; error: ImportError };

/**
 * Field names that are never ours and that a later copy, spread or merge could turn into a change of an
 * object's prototype. JSON.parse keeps each as an own property; the reviver sees every own key.
 */
const FORBIDDEN_FIELDS = new Set(['__proto__', 'constructor', 'prototype']);

/** JSON with every own field name checked: the outer file and, for an encrypted backup, the text sealed in it. */
function parseChecked(text: string): { ok: true; value: unknown } | { ok: false; error: ImportError } {
  let forbidden: string | null = null;
  let value: unknown;
  try {
    value = JSON.parse(text, function (this: object, key: string, v: unknown) {
      if (FORBIDDEN_FIELDS.has(key) && Object.hasOwn(this, key)) forbidden ??= key;
      return v;
    });
  } catch {
    return { ok: false, error: { code: 'notJson' } };
  }
  if (forbidden !== null) return { ok: false, error: { code: 'invalid', detail: `field name "${forbidden}"` } };
  return { ok: true, value };
}

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
  const outer = parseChecked(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  if (!outer.ok) return outer;
  const raw = outer.value;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, error: { code: 'foreign' } };
  const o = raw as Record<string, unknown>;
  let inner: unknown;
  let innerText: string | undefined;
  let encrypted = false;
  if (o.format === BACKUP_FORMAT) {
    if (o.encrypted === true) {
      encrypted = true;
      const b = o as unknown as EncryptedBackup;
      const kdfOk = b.kdf?.name === 'PBKDF2' && b.kdf.hash === 'SHA-256' && typeof b.kdf.iterations === 'number' && typeof b.kdf.salt === 'string';
      if (!kdfOk || !isSealed(b.sealed)) return { ok: false, error: { code: 'foreign' } };
      if (!Number.isInteger(b.kdf.iterations) || b.kdf.iterations < MIN_ITERATIONS || b.kdf.iterations > MAX_ITERATIONS)
        return { ok: false, error: { code: 'iterations', found: b.kdf.iterations } };
      if (opts.device && opts.device.salt === b.kdf.salt) {
        try {
          innerText = await openText(opts.device.key, b.sealed);
        } catch {
          // made with another passphrase on this device: ask for it below
        }
      }
      if (innerText === undefined) {
        if (!opts.passphrase) return { ok: false, error: { code: 'needsPassphrase' } };
        try {
          innerText = await openText(await deriveKey(opts.passphrase, fromBase64(b.kdf.salt), b.kdf.iterations), b.sealed);
        } catch (e) {
          return { ok: false, error: { code: e instanceof WrongPassphraseError ? 'wrongPassphrase' : 'foreign' } };
        }
      }
      // the sealed caseload is read with the same checks as a plain file
      const opened = parseChecked(innerText);
      if (!opened.ok) return opened;
      inner = opened.value;
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

/**
 * Case by case, the newer `updatedAt` wins: an imported case replaces the stored one with the same id
 * only when it is newer; the others are kept. (The device caseload merges the same way in Vault.write,
 * which also keeps a deletion made later than the file's version.)
 */
export function mergeCaseloads(current: Caseload, incoming: Caseload): { caseload: Caseload; added: number; replaced: number; kept: number; same: number } {
  const byId = new Map(current.cases.map((c) => [c.id, c]));
  let added = 0;
  let replaced = 0;
  let kept = 0;
  let same = 0;
  for (const c of incoming.cases) {
    const old = byId.get(c.id);
    if (!old) added++;
    else if (old.updatedAt === c.updatedAt) {
      same++;
      continue;
    } else if (old.updatedAt > c.updatedAt) {
      kept++;
      continue;
    } else replaced++;
    byId.set(c.id, c);
  }
  return { caseload: { schemaVersion: SCHEMA_VERSION, cases: [...byId.values()] }, added, replaced, kept, same };
}

export const CASE_COLUMNS = ['caseId', 'createdAt', 'updatedAt', 'label', 'caseNotes'] as const;

/** Column names of the case export's own columns in Chinese (the facts' and results' come from the registry). */
const ZH_COLUMNS: Record<(typeof CASE_COLUMNS)[number], string> = {
  caseId: '个案编号',
  createdAt: '创建时间',
  updatedAt: '修改时间',
  label: '简称',
  caseNotes: '个案备注',
};

/** A fact's value in Chinese: the registry's first Chinese word for it (a word the CSV reader accepts). */
function zhCell(f: FactField, cell: string): string {
  if (cell === '') return cell;
  if (cell === 'unknown') return '不清楚';
  const s = fieldSpec(f);
  if (s.kind === 'allowances') return cell === 'none' ? '无' : cell.split(';').map((x) => (x === 'unknown' ? '不清楚' : x)).join('；');
  if (!s.values) return cell;
  const zh = (s.words?.[cell] ?? []).find((w) => /[\u3400-\u9fff]/.test(w));
  return zh ?? cell;
}

/**
 * CSV for office systems: case columns, the facts schema's input columns, then the result columns.
 * UTF-8 with BOM. In Chinese (`lang` 'zh-CN', the default) the headers are the Chinese column names the
 * CSV reader accepts and the values are Chinese words; in English the schema's own names and codes.
 */
export function exportCsv(caseload: Caseload, lang: Lang = 'zh-CN'): string {
  const resultCols = RESULT_COLUMNS.filter((c) => c !== 'row' && c !== 'warning' && c !== 'error');
  const zh = lang === 'zh-CN';
  const header = zh
    ? [...CASE_COLUMNS.map((c) => ZH_COLUMNS[c]), ...INPUT_COLUMNS.map((f) => fieldName(f, 'zh-CN')), ...resultCols.map((c) => fieldsText('zh-CN').column[c])]
    : [...CASE_COLUMNS, ...INPUT_COLUMNS, ...resultCols];
  const rows = caseload.cases.map((c) => {
    const cells = factsToCells(c.facts);
    const r = resultCells(evaluate(c.facts, { asOf: c.check.checkedOn }), lang);
    const inputs = INPUT_COLUMNS.map((f) => (zh ? zhCell(f, cells[f]) : cells[f]));
    return [c.id, c.createdAt, c.updatedAt, c.label ?? '', c.notes, ...inputs, ...resultCols.map((k) => r[k] ?? '')];
  });
  return '\ufeff' + toCsv([header, ...rows]);
}
