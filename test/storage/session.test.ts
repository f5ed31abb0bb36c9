import { describe, expect, it, vi } from 'vitest';

// each test derives keys with 600,000 PBKDF2 iterations: give a busy machine time
vi.setConfig({ testTimeout: 30_000 });
import { memoryKV } from '../../src/storage/kv';
import { CaseloadSession } from '../../src/storage/session';
import { caseFor } from '../caseload/fixtures';

describe('the caseload session', () => {
  it('starts with no caseload on a new device, and locked on a device that has one', async () => {
    const kv = memoryKV();
    const first = new CaseloadSession(kv);
    await first.start();
    expect(first.state.phase).toBe('none');
    await first.create('tablet pass 1');
    const next = new CaseloadSession(kv);
    await next.start();
    expect(next.state.phase).toBe('locked');
    expect(next.state.caseload).toBeNull();
  });

  it('drops the decrypted cases and the key from memory when it locks', async () => {
    const s = new CaseloadSession(memoryKV());
    await s.start();
    await s.create('tablet pass 1');
    await s.upsertCase(caseFor('张三'));
    await s.lock('user');
    expect(s.state).toMatchObject({ phase: 'locked', caseload: null, lockedBy: 'user' });
    expect(s.vault.unlocked).toBe(false);
    expect(s.vault.cryptoKey).toBeNull();
    expect(await s.upsertCase(caseFor('李四'))).toMatchObject({ ok: false, error: { code: 'locked' } });
  });

  it('waits longer after each wrong passphrase beyond the first three, and forgets the count after the right one', async () => {
    let now = 1_000_000;
    const kv = memoryKV();
    const s = new CaseloadSession(kv, { now: () => now });
    await s.start();
    await s.create('tablet pass 1');
    await s.lock();
    for (let i = 0; i < 3; i++) expect(await s.unlock('wrong one 1')).toEqual({ ok: false, reason: 'wrongPassphrase' });
    expect(s.waitSeconds()).toBe(2);
    expect(await s.unlock('tablet pass 1')).toEqual({ ok: false, reason: 'wait', seconds: 2 });
    now += 2000;
    await s.unlock('wrong one 1');
    expect(s.waitSeconds()).toBe(4);
    now += 4000;
    expect((await s.unlock('tablet pass 1')).ok).toBe(true);
    expect(s.waitSeconds()).toBe(0);
  });

  it('saves every change encrypted, so a new session unlocks to the same cases', async () => {
    const kv = memoryKV();
    const s = new CaseloadSession(kv);
    await s.start();
    await s.create('tablet pass 1');
    const a = caseFor('张三');
    await s.upsertCase(a);
    await s.upsertCase({ ...a, notes: '第二次家访' });
    await s.upsertCase(caseFor('李四'));
    await s.deleteCase((s.state.caseload!.cases[1]!).id);
    const again = new CaseloadSession(kv);
    await again.start();
    const r = await again.unlock('tablet pass 1');
    expect(r.ok).toBe(true);
    expect(again.state.caseload!.cases.map((c) => [c.facts.ref, c.notes])).toEqual([['张三', '第二次家访']]);
  });

  it('forgets everything when destroyed', async () => {
    const kv = memoryKV();
    const s = new CaseloadSession(kv);
    await s.start();
    await s.create('tablet pass 1');
    await s.destroy();
    expect(s.state.phase).toBe('none');
    expect(kv.map.size).toBe(0);
  });
});
