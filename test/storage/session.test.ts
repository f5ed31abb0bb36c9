import { describe, expect, it } from 'vitest';
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
    s.lock('user');
    expect(s.state).toEqual({ phase: 'locked', caseload: null, lockedBy: 'user' });
    expect(s.vault.unlocked).toBe(false);
    expect(s.vault.cryptoKey).toBeNull();
    await expect(s.upsertCase(caseFor('李四'))).rejects.toThrow(/locked/);
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
