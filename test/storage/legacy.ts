/** Writes a vault as format 1 stored it (before cases were sealed one by one), for migration tests. */
import { aadFor, deriveKey, fromBase64, MIN_ITERATIONS, randomBytes, sealJson, toBase64 } from '../../src/storage/crypto';
import type { KV } from '../../src/storage/kv';
import { LEGACY_DATA_KEY, META_KEY, VAULT_FORMAT } from '../../src/storage/vault';

export async function writeFormat1(kv: KV, passphrase: string, caseload: unknown): Promise<void> {
  const kdf = { name: 'PBKDF2', hash: 'SHA-256', iterations: MIN_ITERATIONS, salt: toBase64(randomBytes(16)) };
  const key = await deriveKey(passphrase, fromBase64(kdf.salt), kdf.iterations);
  await kv.set(LEGACY_DATA_KEY, await sealJson(key, caseload));
  await kv.set(META_KEY, { format: VAULT_FORMAT, version: 1, kdf });
}

/**
 * Writes a vault as format 2 stored it (each case in its own "c:<id>" record, sealed with the case id
 * as associated data, and a check record), for migration tests. Returns the key.
 */
export async function writeFormat2(kv: KV, passphrase: string, cases: readonly { id: string }[], rev = 3): Promise<CryptoKey> {
  const kdf = { name: 'PBKDF2', hash: 'SHA-256', iterations: MIN_ITERATIONS, salt: toBase64(randomBytes(16)) };
  const key = await deriveKey(passphrase, fromBase64(kdf.salt), kdf.iterations);
  const items: [string, unknown][] = [];
  for (const c of cases) items.push([`c:${c.id}`, { rev, ...(await sealJson(key, c, aadFor(`case/${c.id}`))) }]);
  items.push(['rev', rev], [META_KEY, { format: VAULT_FORMAT, version: 2, kdf, check: await sealJson(key, 'tj-subsidies-caseload-check', aadFor('check')) }]);
  await kv.setMany(items);
  return key;
}
