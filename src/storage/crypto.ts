/**
 * Encryption at rest with Web Crypto only (no library): PBKDF2-SHA256 turns the passphrase and a
 * per-device random salt into a non-extractable AES-GCM-256 key; every write gets a fresh random
 * 96-bit IV. Wrong passphrase = the GCM tag does not verify = nothing is decrypted or changed.
 */

/** OWASP 2023 guidance for PBKDF2-HMAC-SHA256. Stored iterations below this are refused (no downgrade). */
export const MIN_ITERATIONS = 600_000;
export const DEFAULT_ITERATIONS = 600_000;
/**
 * The most iterations accepted from a stored vault or a backup file: a crafted file could otherwise ask
 * for 2³¹ (minutes of work before anything is shown). About three times the default.
 */
export const MAX_ITERATIONS = 2_000_000;
export const iterationsOk = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= MIN_ITERATIONS && (n as number) <= MAX_ITERATIONS;
const AAD = new TextEncoder().encode('tj-subsidies-caseload/1');

export interface Sealed {
  /** base64, 12 bytes */
  iv: string;
  /** base64 AES-GCM ciphertext with its 16-byte tag */
  data: string;
}

export class WrongPassphraseError extends Error {
  constructor() {
    super('wrong passphrase');
    this.name = 'WrongPassphraseError';
  }
}

const subtle = () => globalThis.crypto.subtle;

export function randomBytes(n: number): Uint8Array<ArrayBuffer> {
  return globalThis.crypto.getRandomValues(new Uint8Array(n));
}

/** Uint8Array.prototype.toBase64 / Uint8Array.fromBase64 (Chromium 140+, Firefox 133+, Safari 18.2+) */
type NativeBase64 = { toBase64?: () => string };
const nativeFrom = (Uint8Array as unknown as { fromBase64?: (s: string) => Uint8Array<ArrayBuffer> }).fromBase64;
/** Node's Buffer (the command line, tests, benchmarks); absent in the browser bundle */
const NodeBuffer = (globalThis as { Buffer?: { from(b: ArrayBufferLike | string, o?: number | string, l?: number): Uint8Array & { toString(enc: string): string } } }).Buffer;

/** Base64 in 8 kB slices through btoa/atob: for a platform without a native one (older tablets' browsers). */
export function toBase64Sliced(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x2000) s += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x2000) as unknown as number[]);
  return btoa(s);
}
export function fromBase64Sliced(b64: string): Uint8Array<ArrayBuffer> {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** Base64 of bytes: native where the platform has it (a 100 kB bucket in well under a millisecond). */
export function toBase64(bytes: Uint8Array): string {
  if (typeof (bytes as NativeBase64).toBase64 === 'function') return (bytes as NativeBase64).toBase64!();
  if (NodeBuffer) return NodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
  return toBase64Sliced(bytes);
}

export function fromBase64(b64: string): Uint8Array<ArrayBuffer> {
  if (nativeFrom) return nativeFrom(b64);
  if (NodeBuffer) return NodeBuffer.from(b64, 'base64') as Uint8Array<ArrayBuffer>;
  return fromBase64Sliced(b64);
}

export async function deriveKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number = DEFAULT_ITERATIONS): Promise<CryptoKey> {
  if (!iterationsOk(iterations)) throw new Error(`PBKDF2 iterations ${iterations} outside ${MIN_ITERATIONS}–${MAX_ITERATIONS}`);
  const base = await subtle().importKey('raw', new TextEncoder().encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  return subtle().deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, base, { name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
}

/** `aad` binds the ciphertext to where it is stored (e.g. a case id), so records cannot be swapped. */
export async function sealBytes(key: CryptoKey, plain: Uint8Array<ArrayBuffer>, aad: Uint8Array<ArrayBuffer> = AAD): Promise<Sealed> {
  const iv = randomBytes(12);
  const ct = await subtle().encrypt({ name: 'AES-GCM', iv, additionalData: aad }, key, plain);
  return { iv: toBase64(iv), data: toBase64(new Uint8Array(ct)) };
}

export async function openBytes(key: CryptoKey, sealed: Sealed, aad: Uint8Array<ArrayBuffer> = AAD): Promise<Uint8Array> {
  try {
    const pt = await subtle().decrypt({ name: 'AES-GCM', iv: fromBase64(sealed.iv), additionalData: aad }, key, fromBase64(sealed.data));
    return new Uint8Array(pt);
  } catch {
    // AES-GCM gives one error for a wrong key and for tampered data: the tag did not verify.
    throw new WrongPassphraseError();
  }
}

export const aadFor = (label: string): Uint8Array<ArrayBuffer> => new TextEncoder().encode(`tj-subsidies-caseload/2/${label}`);

export const sealJson = (key: CryptoKey, value: unknown, aad?: Uint8Array<ArrayBuffer>): Promise<Sealed> =>
  sealBytes(key, new TextEncoder().encode(JSON.stringify(value)), aad);

export async function openText(key: CryptoKey, sealed: Sealed, aad?: Uint8Array<ArrayBuffer>): Promise<string> {
  return new TextDecoder().decode(await openBytes(key, sealed, aad));
}

export async function openJson(key: CryptoKey, sealed: Sealed, aad?: Uint8Array<ArrayBuffer>): Promise<unknown> {
  return JSON.parse(await openText(key, sealed, aad));
}

export function isSealed(v: unknown): v is Sealed {
  return typeof v === 'object' && v !== null && typeof (v as Sealed).iv === 'string' && typeof (v as Sealed).data === 'string';
}
