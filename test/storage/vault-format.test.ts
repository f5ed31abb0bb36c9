import { describe, expect, it, vi } from 'vitest';
import { aadFor, openJson, sealJson } from '../../src/storage/crypto';
import { memoryKV } from '../../src/storage/kv';
import type { CaseRecord } from '../../src/storage/model';
import { BUCKET_PREFIX, bucketOf, CASE_PREFIX, DEFAULT_BUCKETS, META_KEY, Vault, VAULT_VERSION, type StoredBucket } from '../../src/storage/vault';
import { caseFor } from '../caseload/fixtures';
import { writeFormat2 } from './legacy';

// each test derives keys with 600,000 PBKDF2 iterations: give a busy machine time
vi.setConfig({ testTimeout: 30_000 });

const PASS = 'tablet passphrase 1';
const withId = (c: CaseRecord, id: string, patch: Partial<CaseRecord> = {}): CaseRecord => ({ ...c, ...patch, id });
const keysWith = (kv: ReturnType<typeof memoryKV>, prefix: string) => [...kv.map.keys()].filter((k) => k.startsWith(prefix)).sort();
const byId = (cs: readonly CaseRecord[]) => [...cs].sort((a, b) => a.id.localeCompare(b.id));

describe('the caseload stored in buckets (format 3)', () => {
  it('spreads 10,000 case ids over the buckets evenly enough that one save seals about one hundredth of them', () => {
    const counts = new Array<number>(DEFAULT_BUCKETS).fill(0);
    for (let i = 0; i < 10_000; i++) counts[bucketOf(crypto.randomUUID(), DEFAULT_BUCKETS)]!++;
    expect(Math.min(...counts)).toBeGreaterThan(0);
    // the mean is 78; a save re-seals the bucket of the case, never more than about twice that
    expect(Math.max(...counts)).toBeLessThan(160);
  });

  it('puts a case in the same bucket every time: the bucket of an id depends on the id alone', () => {
    for (const id of ['case-a', '8f1c2d3e-0000-4000-8000-000000000000', '个案-张三']) {
      const n = bucketOf(id, DEFAULT_BUCKETS);
      expect(n).toBe(bucketOf(String(id), DEFAULT_BUCKETS));
      expect(Number.isInteger(n) && n >= 0 && n < DEFAULT_BUCKETS).toBe(true);
    }
  });

  it('keeps the ciphertext of a bucket bound to its slot: a bucket moved to another slot does not open there and that slot is named as damaged', async () => {
    const kv = memoryKV();
    const v = new Vault(kv);
    await v.create(PASS);
    const [a, b] = [withId(caseFor('甲'), 'case-a'), withId(caseFor('乙'), 'case-b')];
    await v.write([a, b]);
    const [ka, kb] = [BUCKET_PREFIX + bucketOf(a.id, DEFAULT_BUCKETS), BUCKET_PREFIX + bucketOf(b.id, DEFAULT_BUCKETS)];
    expect(ka).not.toBe(kb);
    kv.map.set(kb, kv.map.get(ka));
    const r = await new Vault(kv).unlock(PASS);
    expect(r.ok && byId(r.caseload.cases)).toEqual([a]);
    // the moved record's sealed index is bound to slot a too: the slot itself is named
    expect(r.ok && r.damaged).toEqual([kb]);
    expect(kv.map.get(kb)).toEqual(kv.map.get(ka));
  });

  it('seals a bucket with a fresh IV on every save, and keeps no name, note or id of a case in clear', async () => {
    const kv = memoryKV();
    const v = new Vault(kv);
    await v.create(PASS);
    const a = withId(caseFor('王五'), 'case-a', { notes: '家访笔记' });
    await v.write([a]);
    const k = BUCKET_PREFIX + bucketOf(a.id, DEFAULT_BUCKETS);
    const first = kv.map.get(k) as StoredBucket;
    await v.write([{ ...a, notes: '家访笔记二', updatedAt: '2026-01-01T00:00:00.000Z' }]);
    const second = kv.map.get(k) as StoredBucket;
    expect(second.iv).not.toBe(first.iv);
    expect(second.rev).toBeGreaterThan(first.rev);
    expect(second.count).toBe(1);
    expect(await openJson(v.cryptoKey!, second.index, aadFor(`bucket/${bucketOf(a.id, DEFAULT_BUCKETS)}/ids`))).toEqual([a.id]);
    expect(JSON.stringify([...kv.map.values()])).not.toMatch(/王五|家访|case-a/);
    expect(await openJson(v.cryptoKey!, second, aadFor(`bucket/${bucketOf(a.id, DEFAULT_BUCKETS)}`))).toEqual([{ ...a, notes: '家访笔记二', updatedAt: '2026-01-01T00:00:00.000Z' }]);
  });

  it('keeps a deleted case deleted in its bucket, across a lock and an unlock', async () => {
    const kv = memoryKV();
    const v = new Vault(kv, { buckets: 1 });
    await v.create(PASS);
    const [a, b] = [caseFor('甲'), caseFor('乙')];
    await v.write([a, b]);
    await v.write([], [a.id]);
    const r = await new Vault(kv).unlock(PASS);
    expect(r.ok && r.caseload.cases).toEqual([b]);
    expect(keysWith(kv, BUCKET_PREFIX)).toEqual(['b:0']);
  });

  it('tells another tab which cases a save changed, though their bucket holds others too', async () => {
    const kv = memoryKV();
    const one = new Vault(kv, { buckets: 1 });
    await one.create(PASS);
    const [a, b] = [caseFor('甲'), caseFor('乙')];
    await one.write([a, b]);
    const two = new Vault(kv);
    await two.unlock(PASS);
    const a2 = { ...a, notes: '一号页改的', updatedAt: '2026-01-01T00:00:00.000Z' };
    await one.write([a2]);
    expect([...(await two.pull([a.id]))]).toEqual([a.id]);
    expect(two.get(a.id)).toEqual(a2);
    expect(two.get(b.id)).toEqual(b);
  });
});

describe('an entry of a bucket that does not read as a case', () => {
  it('is named as damaged, kept in the bucket unchanged through later saves, and replaced only by a case saved with its id', async () => {
    const kv = memoryKV();
    const v = new Vault(kv, { buckets: 1, validate: true });
    await v.create(PASS);
    const a = caseFor('甲');
    await v.write([a]);
    const odd = { id: 'case-odd', facts: '不是一组回答' };
    const entries = [a, odd];
    kv.map.set('b:0', { rev: 1, count: 2, index: await sealJson(v.cryptoKey!, ['case-odd', a.id], aadFor('bucket/0/ids')), ...(await sealJson(v.cryptoKey!, entries, aadFor('bucket/0'))) });
    const w = new Vault(kv, { validate: true });
    const r = await w.unlock(PASS);
    expect(r.ok && r.damaged).toEqual(['case-odd']);
    expect(r.ok && r.caseload.cases).toEqual([a]);
    const b = caseFor('乙');
    await w.write([b]);
    const stored = async () => (await openJson(w.cryptoKey!, kv.map.get('b:0') as StoredBucket, aadFor('bucket/0'))) as unknown[];
    expect(await stored()).toContainEqual(odd);
    await w.write([withId(caseFor('丙'), 'case-odd')]);
    expect(await stored()).not.toContainEqual(odd);
    const again = await new Vault(kv).unlock(PASS);
    expect(again.ok && again.damaged).toEqual([]);
    expect(again.ok && again.caseload.cases.map((c) => c.id).sort()).toEqual([a.id, b.id, 'case-odd'].sort());
  });
});

describe('migrating a format-2 vault (one record per case) at the first unlock', () => {
  it('moves every case into buckets in one write, removes the old records, and opens the same cases again', async () => {
    const kv = memoryKV();
    const cases = Array.from({ length: 40 }, (_, i) => caseFor(`个案${i}`));
    await writeFormat2(kv, PASS, cases);
    const r = await new Vault(kv).unlock(PASS);
    expect(r.ok && r.migratedFrom).toBe(2);
    expect(r.ok && byId(r.caseload.cases)).toEqual(byId(cases));
    expect(keysWith(kv, CASE_PREFIX)).toEqual([]);
    expect(keysWith(kv, BUCKET_PREFIX)).toEqual([...new Set(cases.map((c) => BUCKET_PREFIX + bucketOf(c.id, DEFAULT_BUCKETS)))].sort());
    const meta = kv.map.get(META_KEY) as { version: number; buckets: number };
    expect([meta.version, meta.buckets]).toEqual([VAULT_VERSION, DEFAULT_BUCKETS]);
    const again = await new Vault(kv).unlock(PASS);
    expect(again.ok && again.migratedFrom).toBeUndefined();
    expect(again.ok && byId(again.caseload.cases)).toEqual(byId(cases));
  });

  it('changes nothing stored when the passphrase is wrong', async () => {
    const kv = memoryKV();
    await writeFormat2(kv, PASS, [caseFor('甲')]);
    const before = structuredClone([...kv.map.entries()]);
    expect(await new Vault(kv).unlock('not the passphrase')).toEqual({ ok: false, reason: 'wrongPassphrase' });
    expect([...kv.map.entries()]).toEqual(before);
  });

  it('leaves a format-2 record that does not open exactly as it was, names it as damaged, and migrates the others', async () => {
    const kv = memoryKV();
    const [a, b] = [caseFor('甲'), caseFor('乙')];
    await writeFormat2(kv, PASS, [a, b]);
    const rec = kv.map.get(CASE_PREFIX + a.id) as { data: string };
    const damaged = { ...rec, data: rec.data.slice(0, 10) + (rec.data[10] === 'A' ? 'B' : 'A') + rec.data.slice(11) };
    kv.map.set(CASE_PREFIX + a.id, damaged);
    const r = await new Vault(kv).unlock(PASS);
    expect(r.ok && r.damaged).toEqual([a.id]);
    expect(r.ok && r.caseload.cases).toEqual([b]);
    expect(kv.map.get(CASE_PREFIX + a.id)).toEqual(damaged);
    expect(kv.map.has(CASE_PREFIX + b.id)).toBe(false);
    // restoring the damaged case from a backup writes it into its bucket and replaces the damaged record
    const v = new Vault(kv);
    await v.unlock(PASS);
    expect((await v.write([a], [], { mode: 'import' })).ok).toBe(true);
    expect(kv.map.has(CASE_PREFIX + a.id)).toBe(false);
    const again = await new Vault(kv).unlock(PASS);
    expect(again.ok && again.damaged).toEqual([]);
    expect(again.ok && byId(again.caseload.cases)).toEqual(byId([a, b]));
  });

  it('loses nothing when the old records are still there after the buckets were written: the newer version of each case wins', async () => {
    const kv = memoryKV();
    const [a, b] = [caseFor('甲'), caseFor('乙')];
    await writeFormat2(kv, PASS, [a, b]);
    const v = new Vault(kv);
    await v.unlock(PASS);
    const a2 = { ...a, notes: '迁移后改的', updatedAt: '2026-01-01T00:00:00.000Z' };
    await v.write([a2]);
    // the old per-case records put back, as if their removal had not happened: a is older, b is newer
    const b2 = { ...b, notes: '只在旧记录里', updatedAt: '2026-02-01T00:00:00.000Z' };
    const sealCase = async (c: CaseRecord) => ({ rev: 1, ...(await sealJson(v.cryptoKey!, c, aadFor(`case/${c.id}`))) });
    kv.map.set(CASE_PREFIX + a.id, await sealCase(a));
    kv.map.set(CASE_PREFIX + b.id, await sealCase(b2));
    const r = await new Vault(kv).unlock(PASS);
    expect(r.ok && byId(r.caseload.cases)).toEqual(byId([a2, b2]));
    // the next save folds them into the buckets and removes the per-case records
    const v3 = new Vault(kv);
    await v3.unlock(PASS);
    await v3.write([{ ...a2, notes: '再改', updatedAt: '2026-03-01T00:00:00.000Z' }, { ...b2, notes: '再改', updatedAt: '2026-03-01T00:00:00.000Z' }]);
    expect(keysWith(kv, CASE_PREFIX)).toEqual([]);
    const last = await new Vault(kv).unlock(PASS);
    expect(last.ok && last.caseload.cases.map((c) => c.notes)).toEqual(['再改', '再改']);
  });
});
