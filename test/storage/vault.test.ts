import { describe, expect, it, vi } from 'vitest';

// each test derives keys with 600,000 PBKDF2 iterations: give a busy machine time
vi.setConfig({ testTimeout: 30_000 });
import { memoryKV, type KV } from '../../src/storage/kv';
import { BUCKET_PREFIX, bucketOf, CASE_PREFIX, DEFAULT_BUCKETS, LEGACY_DATA_KEY, META_KEY, Vault, VAULT_VERSION } from '../../src/storage/vault';
import { caseFor } from '../caseload/fixtures';
import { writeFormat1 } from './legacy';
import type { CaseRecord } from '../../src/storage/model';

const PASS = 'tablet passphrase 1';
const later = (c: CaseRecord, patch: Partial<CaseRecord>, at: string): CaseRecord => ({ ...c, ...patch, updatedAt: at });
const withId = (c: CaseRecord, id: string): CaseRecord => ({ ...c, id });
/** changes one base64 character of a stored record's ciphertext; returns the new text */
function flip(kv: ReturnType<typeof memoryKV>, key: string): string {
  const rec = kv.map.get(key) as { data: string };
  const flipped = rec.data.slice(0, 10) + (rec.data[10] === 'A' ? 'B' : 'A') + rec.data.slice(11);
  kv.map.set(key, { ...rec, data: flipped });
  return flipped;
}

async function opened(kv: KV) {
  const v = new Vault(kv);
  const r = await v.unlock(PASS);
  if (!r.ok) throw new Error(r.reason);
  return v;
}

describe('the encrypted caseload on the device', () => {
  it('saves cases, locks, and gives them back after unlocking with the passphrase', async () => {
    const kv = memoryKV();
    const v = new Vault(kv);
    await v.create(PASS);
    const a = caseFor('王五');
    const b = caseFor('李四');
    expect((await v.write([a, b])).ok).toBe(true);
    v.lock();
    expect(v.unlocked).toBe(false);
    expect(JSON.stringify([...kv.map.values()])).not.toContain('王五');
    const again = await opened(kv);
    expect(again.caseload.cases.sort((x, y) => x.id.localeCompare(y.id))).toEqual([a, b].sort((x, y) => x.id.localeCompare(y.id)));
  });

  it('stays locked and changes nothing stored when the passphrase is wrong', async () => {
    const kv = memoryKV();
    await new Vault(kv).create(PASS);
    const before = structuredClone([...kv.map.entries()]);
    const v = new Vault(kv);
    expect(await v.unlock('not the passphrase')).toEqual({ ok: false, reason: 'wrongPassphrase' });
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

  it('refuses to write when locked, saying so instead of throwing', async () => {
    const v = new Vault(memoryKV());
    await v.create(PASS);
    v.lock();
    expect(await v.write([caseFor('张三')])).toEqual({ ok: false, error: { code: 'locked', detail: '' } });
  });

  it('saving one case seals again only the bucket that holds it: no other record is rewritten', async () => {
    const kv = memoryKV();
    const v = new Vault(kv);
    await v.create(PASS);
    const cs = ['甲', '乙', '丙'].map((n) => caseFor(n));
    await v.write(cs);
    const before = structuredClone(Object.fromEntries(kv.map));
    await v.write([later(cs[1]!, { notes: '新笔记' }, '2025-04-01T00:00:00.000Z')]);
    const changed = [...kv.map.keys()].filter((k) => JSON.stringify(kv.map.get(k)) !== JSON.stringify(before[k]));
    expect(changed.sort()).toEqual([BUCKET_PREFIX + bucketOf(cs[1]!.id, DEFAULT_BUCKETS), 'rev'].sort());
  });

  it('a damaged bucket is told apart from a wrong passphrase: the cases of other buckets open, its cases are named, and it stays untouched', async () => {
    const kv = memoryKV();
    const v = new Vault(kv);
    await v.create(PASS);
    const [a, b] = [withId(caseFor('甲'), 'case-a'), withId(caseFor('乙'), 'case-b')];
    expect(bucketOf(a.id, DEFAULT_BUCKETS)).not.toBe(bucketOf(b.id, DEFAULT_BUCKETS));
    await v.write([a, b]);
    const flipped = flip(kv, BUCKET_PREFIX + bucketOf(a.id, DEFAULT_BUCKETS));
    const r = await new Vault(kv).unlock(PASS);
    expect(r.ok && r.damaged).toEqual([a.id]);
    expect(r.ok && r.caseload.cases.map((c) => c.id)).toEqual([b.id]);
    expect((kv.map.get(BUCKET_PREFIX + bucketOf(a.id, DEFAULT_BUCKETS)) as { data: string }).data).toBe(flipped);
    expect((await new Vault(kv).unlock('wrong passphrase 2')).ok).toBe(false);
  });

  it('a case saved while its bucket is damaged goes to a record of its own; the damaged bucket is never written over', async () => {
    const kv = memoryKV();
    const v = new Vault(kv);
    await v.create(PASS);
    const a = withId(caseFor('甲'), 'case-a');
    await v.write([a]);
    const bucketKey = BUCKET_PREFIX + bucketOf(a.id, DEFAULT_BUCKETS);
    const flipped = flip(kv, bucketKey);
    const w = await opened(kv);
    const restored = later(a, { notes: '从备份恢复' }, '2025-04-01T00:00:00.000Z');
    expect((await w.write([restored], [], { mode: 'import' })).ok).toBe(true);
    expect((kv.map.get(bucketKey) as { data: string }).data).toBe(flipped);
    expect(kv.map.has(CASE_PREFIX + a.id)).toBe(true);
    const r = await new Vault(kv).unlock(PASS);
    expect(r.ok && r.damaged).toEqual([]);
    expect(r.ok && r.caseload.cases).toEqual([restored]);
  });

  it('reports a damaged store record instead of throwing', async () => {
    const kv = memoryKV();
    await new Vault(kv).create(PASS);
    await kv.set(META_KEY, 'garbage');
    expect(await new Vault(kv).unlock(PASS)).toEqual({ ok: false, reason: 'damaged' });
  });

  it('refuses a stored iteration count above the cap before deriving anything', async () => {
    const kv = memoryKV();
    await new Vault(kv).create(PASS);
    const meta = kv.map.get(META_KEY) as { kdf: { iterations: number } };
    kv.map.set(META_KEY, { ...meta, kdf: { ...meta.kdf, iterations: 2 ** 31 } });
    expect(await new Vault(kv).unlock(PASS)).toEqual({ ok: false, reason: 'iterations' });
  });

  it('opens a format-1 vault (the whole caseload in one record) and stores it in buckets', async () => {
    const kv = memoryKV();
    const a = caseFor('张三', {}, '2025-03-01', '旧笔记');
    await writeFormat1(kv, PASS, { schemaVersion: 1, cases: [a] });
    const r = await new Vault(kv).unlock(PASS);
    expect(r.ok && r.migratedFrom).toBe(1);
    expect(r.ok && r.caseload.cases).toEqual([a]);
    expect(kv.map.has(LEGACY_DATA_KEY)).toBe(false);
    expect((kv.map.get(META_KEY) as { version: number }).version).toBe(VAULT_VERSION);
    expect(kv.map.has(BUCKET_PREFIX + bucketOf(a.id, DEFAULT_BUCKETS))).toBe(true);
    const again = await opened(kv);
    expect(again.caseload.cases).toEqual([a]);
    expect((await new Vault(kv).unlock('wrong passphrase 2')).ok).toBe(false);
  });

  it('changes the passphrase: the old one no longer opens, the new one opens every case', async () => {
    const kv = memoryKV();
    const v = new Vault(kv);
    await v.create(PASS);
    const a = caseFor('张三');
    await v.write([a]);
    expect(await v.changePassphrase('wrong passphrase', 'a new passphrase')).toEqual({ ok: false, reason: 'wrongPassphrase' });
    expect(await v.changePassphrase(PASS, 'a new passphrase')).toEqual({ ok: true });
    expect((await new Vault(kv).unlock(PASS)).ok).toBe(false);
    const r = await new Vault(kv).unlock('a new passphrase');
    expect(r.ok && r.caseload.cases).toEqual([a]);
  });

  it('keeps text typed but not saved, sealed, until it is taken back once', async () => {
    const kv = memoryKV();
    const v = new Vault(kv);
    await v.create(PASS);
    await v.saveDrafts({ 'notes:x': '王五家访：未保存的一句' });
    expect(JSON.stringify([...kv.map.values()])).not.toContain('王五');
    const w = await opened(kv);
    expect(await w.takeDrafts()).toEqual({ 'notes:x': '王五家访：未保存的一句' });
    expect(await w.takeDrafts()).toEqual({});
  });
});

describe('two tabs on one caseload', () => {
  it('a case added in one tab survives a save in another tab that never saw it', async () => {
    const kv = memoryKV();
    const one = new Vault(kv);
    await one.create(PASS);
    const two = await opened(kv);
    const a = caseFor('一号页加的');
    const b = caseFor('二号页加的');
    await one.write([a]);
    const r = await two.write([b]);
    expect(r.ok).toBe(true);
    const ids = (await opened(kv)).caseload.cases.map((c) => c.id).sort();
    expect(ids).toEqual([a.id, b.id].sort());
    expect(two.caseload.cases.map((c) => c.id).sort()).toEqual(ids);
  });

  it('a case deleted in one tab does not come back when another tab saves a different case', async () => {
    const kv = memoryKV();
    const one = new Vault(kv);
    await one.create(PASS);
    const [a, b] = [caseFor('甲'), caseFor('乙')];
    await one.write([a, b]);
    const two = await opened(kv);
    await one.write([], [a.id]);
    await two.write([later(b, { notes: '二号页的笔记' }, '2025-05-01T00:00:00.000Z')]);
    const after = (await opened(kv)).caseload.cases;
    expect(after.map((c) => [c.id, c.notes])).toEqual([[b.id, '二号页的笔记']]);
  });

  it('the same case changed in both tabs: the newer updatedAt is kept and the write says so', async () => {
    const kv = memoryKV();
    const one = new Vault(kv);
    await one.create(PASS);
    const a = caseFor('甲');
    await one.write([a]);
    const two = await opened(kv);
    await one.write([later(a, { notes: '一号页，较新' }, '2025-06-02T00:00:00.000Z')]);
    const r = await two.write([later(a, { notes: '二号页，较旧' }, '2025-06-01T00:00:00.000Z')], [], { bases: { [a.id]: a.updatedAt } });
    expect(r.ok && r.report.keptStored).toEqual([a.id]);
    expect((await opened(kv)).get(a.id)!.notes).toBe('一号页，较新');
    const r2 = await two.write([later(a, { notes: '二号页，最新' }, '2025-06-03T00:00:00.000Z')], [], { bases: { [a.id]: a.updatedAt } });
    expect(r2.ok && r2.report.overrodeOther).toEqual([a.id]);
    expect((await opened(kv)).get(a.id)!.notes).toBe('二号页，最新');
  });
});

describe('importing a backup into the caseload', () => {
  it('keeps the newer version of each case and reports what came from each side', async () => {
    const kv = memoryKV();
    const v = new Vault(kv);
    await v.create(PASS);
    const [a, b, c] = [caseFor('甲'), caseFor('乙'), caseFor('丙')];
    await v.write([later(a, { notes: '设备上较新' }, '2025-09-01T00:00:00.000Z'), b]);
    const fresh = caseFor('丁');
    const r = await v.write([later(a, { notes: '备份里较旧' }, '2025-08-01T00:00:00.000Z'), later(b, { notes: '备份里较新' }, '2025-09-01T00:00:00.000Z'), fresh, c], [], { mode: 'import' });
    expect(r.ok && r.report).toEqual({ added: [fresh.id, c.id], replaced: [b.id], keptStored: [a.id], overrodeOther: [], same: [] });
    expect(v.get(a.id)!.notes).toBe('设备上较新');
    expect(v.get(b.id)!.notes).toBe('备份里较新');
  });

  it('a failed write (storage full) changes nothing in memory and says why', async () => {
    const kv = memoryKV();
    const v = new Vault(kv);
    await v.create(PASS);
    const full: KV = {
      ...kv,
      setMany: async () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      },
    };
    const w = new Vault(full);
    await w.unlock(PASS);
    const r = await w.write([caseFor('甲')]);
    expect(r.ok === false && r.error.code).toBe('quota');
    expect(w.caseload.cases).toEqual([]);
  });
});

describe('a damaged check record', () => {
  it('is repaired when a case opens with the passphrase; a wrong passphrase stays wrong', async () => {
    const kv = memoryKV();
    const v = new Vault(kv);
    await v.create(PASS);
    const a = caseFor('甲');
    await v.write([a]);
    const meta = kv.map.get(META_KEY) as { check: { data: string } };
    kv.map.set(META_KEY, { ...meta, check: { ...meta.check, data: 'AAAA' + meta.check.data.slice(4) } });
    expect(await new Vault(kv).unlock('wrong passphrase 2')).toEqual({ ok: false, reason: 'wrongPassphrase' });
    const r = await new Vault(kv).unlock(PASS);
    expect(r.ok && r.caseload.cases).toEqual([a]);
    expect((await new Vault(kv).unlock(PASS)).ok).toBe(true);
  });
});

describe('importing after deleting', () => {
  it('a backup brings back cases deleted on this device (importing is a choice), while a stale tab does not', async () => {
    const kv = memoryKV();
    const v = new Vault(kv);
    await v.create(PASS);
    const a = caseFor('甲');
    await v.write([a]);
    await v.write([], [a.id]);
    const r = await v.write([a], [], { mode: 'import' });
    expect(r.ok && r.report.added).toEqual([a.id]);
    expect(v.get(a.id)).toEqual(a);
  });
});
