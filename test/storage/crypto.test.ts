import { describe, expect, it } from 'vitest';
import { deriveKey, fromBase64, fromBase64Sliced, MIN_ITERATIONS, openJson, randomBytes, sealJson, toBase64, toBase64Sliced, WrongPassphraseError } from '../../src/storage/crypto';

describe('encryption at rest', () => {
  it('decrypts with the same passphrase and salt what it encrypted', async () => {
    const salt = randomBytes(16);
    const key = await deriveKey('correct horse battery', salt);
    const value = { cases: [{ ref: '张三', notes: '家访 2025-03-01' }] };
    const sealed = await sealJson(key, value);
    expect(sealed.data).not.toContain('张三');
    const again = await deriveKey('correct horse battery', salt);
    expect(await openJson(again, sealed)).toEqual(value);
  });

  it('gives a wrong-passphrase error and no data for a different passphrase', async () => {
    const salt = randomBytes(16);
    const sealed = await sealJson(await deriveKey('correct horse battery', salt), { a: 1 });
    const wrong = await deriveKey('correct horse batterY', salt);
    await expect(openJson(wrong, sealed)).rejects.toBeInstanceOf(WrongPassphraseError);
  });

  it('uses a new random IV for every write of the same data', async () => {
    const key = await deriveKey('correct horse battery', randomBytes(16));
    const a = await sealJson(key, { same: true });
    const b = await sealJson(key, { same: true });
    expect(a.iv).not.toBe(b.iv);
    expect(a.data).not.toBe(b.data);
  });

  it('refuses fewer PBKDF2 iterations than the minimum', async () => {
    await expect(deriveKey('correct horse battery', randomBytes(16), MIN_ITERATIONS - 1)).rejects.toThrow(/iterations/);
  });

  it('detects tampering with the ciphertext', async () => {
    const key = await deriveKey('correct horse battery', randomBytes(16));
    const sealed = await sealJson(key, { amount: 300 });
    const bytes = atob(sealed.data).split('');
    bytes[0] = String.fromCharCode(bytes[0]!.charCodeAt(0) ^ 1);
    await expect(openJson(key, { iv: sealed.iv, data: btoa(bytes.join('')) })).rejects.toBeInstanceOf(WrongPassphraseError);
  });

  it('writes and reads base64 the same way natively and in 8 kB slices, for every byte value and lengths across a slice boundary', () => {
    for (const n of [0, 1, 2, 3, 255, 8191, 8192, 8193, 40_000]) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 131 + (i >> 8)) & 255);
      const b64 = toBase64(bytes);
      expect(toBase64Sliced(bytes)).toBe(b64);
      expect([...fromBase64(b64)]).toEqual([...bytes]);
      expect([...fromBase64Sliced(b64)]).toEqual([...bytes]);
    }
    expect(toBase64(new TextEncoder().encode('天津'))).toBe('5aSp5rSl');
  });
});
