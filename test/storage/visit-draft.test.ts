// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { memoryKV } from '../../src/storage/kv';
import { announceLock, KEPT_DRAFTS } from '../../src/storage/presence';
import { CaseloadSession } from '../../src/storage/session';
import { Vault } from '../../src/storage/vault';
import { readWizardRaw, removeWizardRaw, writeWizardRaw } from '../../src/wizard/keys';

// each unlock derives a key with 600,000 PBKDF2 iterations: give a busy machine time
vi.setConfig({ testTimeout: 60_000 });

const PASS = 'tablet pass 1';
const visit = (ref: string) => JSON.stringify({ version: 1, state: 'hukou', answers: { role: 'worker', facts: { ref } }, trail: ['start', 'role'], changing: false });

/** the drafts sealed in the caseload now, opened with the passphrase */
async function sealedDrafts(kv: ReturnType<typeof memoryKV>): Promise<Record<string, string>> {
  const v = new Vault(kv, { lock: (fn) => fn() });
  const r = await v.unlock(PASS);
  if (!r.ok) throw new Error(r.reason);
  return v.takeDrafts(KEPT_DRAFTS);
}
async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('not in time');
}
const clearText = (kv: ReturnType<typeof memoryKV>) => JSON.stringify([...kv.map.values()]) + JSON.stringify({ ...localStorage });

describe('a visit in progress in the wizard on a device with a caseload', () => {
  it('is sealed in the caseload as it changes, comes back after a reload and an unlock (over a blank wizard), and leaves the screen but not the caseload on lock', async () => {
    localStorage.clear();
    const kv = memoryKV();
    const first = new CaseloadSession(kv);
    await first.start();
    await first.create(PASS);
    writeWizardRaw(visit('王大妈'));
    await until(async () => (await sealedDrafts(kv)).wizard === visit('王大妈'));
    expect(clearText(kv)).not.toContain('王大妈');

    // a reload: the page's key and memory are gone without a lock; a new page unlocks
    first.vault.lock();
    announceLock();
    expect(readWizardRaw()).toBeNull();
    // the wizard shown before unlocking holds a visit with nothing answered: the sealed one replaces it
    const blank = JSON.stringify({ version: 1, state: 'check', answers: { facts: {}, done: [] }, trail: [], changing: false });
    writeWizardRaw(blank);
    const second = new CaseloadSession(kv);
    await second.start();
    expect((await second.unlock(PASS)).ok).toBe(true);
    expect(readWizardRaw()).toBe(visit('王大妈'));

    // locking takes it off the screen; the caseload still has it, and the next unlock gives it back
    await second.lock();
    expect(readWizardRaw()).toBeNull();
    expect((await sealedDrafts(kv)).wizard).toBe(visit('王大妈'));
    expect(clearText(kv)).not.toContain('王大妈');
    await second.unlock(PASS);
    expect(readWizardRaw()).toBe(visit('王大妈'));

    // a later answer replaces it; a visit ended on screen (saved as a case, or started again) is removed
    writeWizardRaw(visit('王大爷'));
    await until(async () => (await sealedDrafts(kv)).wizard === visit('王大爷'));
    removeWizardRaw();
    await until(async () => (await sealedDrafts(kv)).wizard === undefined);
  });
});
