import { describe, expect, it } from 'vitest';
import { memoryKV } from '../../src/storage/kv';
import { DATA_KEY, META_KEY, Vault } from '../../src/storage/vault';
import { caseFor } from '../caseload/fixtures';

const PASS = 'tablet passphrase 1';

describe('the encrypted caseload on the device', () => {
  it('saves cases, locks, and gives them back after unlocking with the passphrase', async () => {
    const kv = memoryKV();
    const v = new Vault(kv);
    const doc = await v.create(PASS);
    doc.cases.push(caseFor('王五'), caseFor('李四'));
    await v.save(doc);
    v.lock();
    expect(v.unlocked).toBe(false);
    expect(JSON.stringify([...kv.map.values()])).not.toContain('王五');
    const again = new Vault(kv);
    const r = await again.unlock(PASS);
    expect(r.ok && r.caseload).toEqual(doc);
  });

  it('stays locked and changes nothing stored when the passphrase is wrong', async () => {
    const kv = memoryKV();
    const v = new Vault(kv);
    await v.create(PASS);
    v.lock();
    const before = structuredClone([...kv.map.entries()]);
    const r = await v.unlock('not the passphrase');
    expect(r).toEqual({ ok: false, reason: 'wrongPassphrase' });
    expect(v.unlocked).toBe(false);
    expect([...kv.map.entries()]).toEqual(before);
  });

  it('keeps a per-device random salt', async () => {
    const a = memoryKV();
    const b = memoryKV();
    await new Vault(a).create(PASS);
    await new Vault(b).create(PASS);
    const salt = (kv: typeof a) => (kv.map.get(META_KEY) as { kdf: { salt: string } }).kdf.salt;
    expect(salt(a)).not.toBe(salt(b));
    expect((a.map.get(META_KEY) as { kdf: { iterations: number } }).kdf.iterations).toBeGreaterThanOrEqual(600_000);
  });

  it('refuses to save when locked', async () => {
    const v = new Vault(memoryKV());
    const doc = await v.create(PASS);
    v.lock();
    await expect(v.save(doc)).rejects.toThrow(/locked/);
  });

  it('reports a damaged store instead of throwing', async () => {
    const kv = memoryKV();
    await new Vault(kv).create(PASS);
    await kv.set(DATA_KEY, 'garbage');
    expect(await new Vault(kv).unlock(PASS)).toEqual({ ok: false, reason: 'damaged' });
  });
});
