/** Writes a vault as format 1 stored it (before cases were sealed one by one), for migration tests. */
import { deriveKey, fromBase64, MIN_ITERATIONS, randomBytes, sealJson, toBase64 } from '../../src/storage/crypto';
import type { KV } from '../../src/storage/kv';
import { LEGACY_DATA_KEY, META_KEY, VAULT_FORMAT } from '../../src/storage/vault';

export async function writeFormat1(kv: KV, passphrase: string, caseload: unknown): Promise<void> {
  const kdf = { name: 'PBKDF2', hash: 'SHA-256', iterations: MIN_ITERATIONS, salt: toBase64(randomBytes(16)) };
  const key = await deriveKey(passphrase, fromBase64(kdf.salt), kdf.iterations);
  await kv.set(LEGACY_DATA_KEY, await sealJson(key, caseload));
  await kv.set(META_KEY, { format: VAULT_FORMAT, version: 1, kdf });
}
