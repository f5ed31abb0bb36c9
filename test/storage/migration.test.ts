import { describe, expect, it } from 'vitest';
import { readBackup } from '../../src/storage/backup';
import { memoryKV } from '../../src/storage/kv';
import { keptAnswers, migrate, SCHEMA_VERSION } from '../../src/storage/model';
import { emptyAnswers } from '../../src/machine/answers';
import { caseFor } from '../caseload/fixtures';
import { Vault } from '../../src/storage/vault';
import { writeFormat1 } from './legacy';

/** The shape the field prototype stored (schema version 0: no version field). */
const v0 = {
  cases: [
    {
      id: 'p-1',
      savedAt: Date.UTC(2025, 2, 1, 8),
      answers: { ref: '张三', hukou: 'tianjin', certificate: 'valid', category: 'physical', grade: 2, household: 'dibao', dibaoSince: '2025-01-10' },
      outcome: { living: 'depends', care: 'depends', total: 0, rulesVersion: 'proto-1' },
      note: '旧笔记',
    },
    { id: 'p-2', savedAt: Date.UTC(2024, 5, 3), answers: { hukou: 'other' } },
  ],
};

describe('migration of older stored shapes', () => {
  it('upgrades a version 0 caseload to the current schema, keeping ids, answers and notes', () => {
    const m = migrate(v0);
    expect(m.ok).toBe(true);
    if (!m.ok) return;
    expect(m.from).toBe(0);
    expect(m.caseload.schemaVersion).toBe(SCHEMA_VERSION);
    const [a, b] = m.caseload.cases;
    expect(a!.id).toBe('p-1');
    expect(a!.facts.ref).toBe('张三');
    expect(a!.facts.grade).toBe(2);
    expect(a!.facts.tekun).toBe('unknown');
    expect(a!.notes).toBe('旧笔记');
    expect(a!.check.checkedOn).toBe('2025-03-01');
    expect(a!.check.rulesVersion).toBe('proto-1');
    expect(a!.check.notice?.triggers[0]?.trigger).toBe('dibao');
    expect(b!.notes).toBe('');
    expect(b!.facts.hukou).toBe('other');
  });

  it('refuses a version 0 caseload with an answer outside the schema', () => {
    const bad = { cases: [{ ...v0.cases[0]!, answers: { grade: 9 } }] };
    expect(migrate(bad).ok).toBe(false);
  });

  it('imports a version 0 export file', async () => {
    const r = await readBackup(JSON.stringify(v0));
    expect(r.ok && r.from).toBe(0);
  });

  it('upgrades a version 0 caseload found in the device store when unlocking, and saves it upgraded', async () => {
    const kv = memoryKV();
    await writeFormat1(kv, 'tablet pass 1', v0);
    const v = new Vault(kv);
    const r = await v.unlock('tablet pass 1');
    expect(r.ok && r.caseload.cases.map((c) => c.id)).toEqual(['p-1', 'p-2']);
    const r2 = await new Vault(kv).unlock('tablet pass 1');
    expect(r2.ok && r2.caseload.schemaVersion).toBe(SCHEMA_VERSION);
  });
});

describe('the wizard answers a case keeps besides its facts (optional, schema version 1)', () => {
  // a version 1 caseload as stored before cases kept the wizard's own answers
  const before = { schemaVersion: 1, cases: [JSON.parse(JSON.stringify(caseFor('张三')))] };

  it('a version 1 caseload saved before still loads, without them', () => {
    expect(before.cases[0]).not.toHaveProperty('wizard');
    const m = migrate(before);
    expect(m.ok).toBe(true);
    if (!m.ok) return;
    expect(m.from).toBe(1);
    expect(m.caseload.cases[0]!.wizard).toBeUndefined();
  });

  it('a case with them loads with them, and one with a value outside the schema is refused', () => {
    const wizard = keptAnswers({ ...emptyAnswers(), role: 'worker', noticeGiven: 'no', applied: 'unknown', done: ['hukou', 'notice', 'applied'] });
    expect(wizard).toEqual({ role: 'worker', noticeGiven: 'no', applied: 'unknown', done: ['hukou', 'notice', 'applied'] });
    const m = migrate({ schemaVersion: 1, cases: [{ ...before.cases[0], wizard }] });
    expect(m.ok && m.caseload.cases[0]!.wizard).toEqual(wizard);
    expect(migrate({ schemaVersion: 1, cases: [{ ...before.cases[0], wizard: { ...wizard, applied: 'maybe' } }] }).ok).toBe(false);
  });

  it('keeps a step name this version does not know (the wizard drops it), so a renamed step never locks a caseload out', () => {
    const m = migrate({ schemaVersion: 1, cases: [{ ...before.cases[0], wizard: { done: ['someOldStep'] } }] });
    expect(m.ok).toBe(true);
  });
});
