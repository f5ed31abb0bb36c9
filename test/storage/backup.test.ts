import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { FACT_FIELDS as INPUT_COLUMNS } from '../../src/facts/schema';
import { deriveKey, fromBase64, randomBytes, toBase64 } from '../../src/storage/crypto';
import { exportCsv, exportEncryptedJson, exportPlainJson, mergeCaseloads, readBackup } from '../../src/storage/backup';
import { emptyCaseload, SCHEMA_VERSION, type Caseload } from '../../src/storage/model';
import { caseFor } from '../caseload/fixtures';

function sample(): Caseload {
  return {
    schemaVersion: SCHEMA_VERSION,
    cases: [
      caseFor('张三', { dibaoSince: '2025-01-10' }, '2025-03-01', '第一次家访；需补\n残疾人证复印件, "原件"'),
      caseFor('李四', { grade: 3, household: 'dibaoEdge', dibaoEdgeSince: '2024-11-30', noticeGivenOn: '2025-01-05', noticeForm: 'letter' }),
      caseFor('=HYPERLINK("x")', { certificate: 'none' }),
    ],
  };
}

describe('JSON backup', () => {
  it('imports a plain backup back to the same cases, results and notes', async () => {
    const doc = sample();
    const r = await readBackup(exportPlainJson(doc));
    expect(r.ok && r.caseload).toEqual(doc);
  });

  it('imports an encrypted backup on another device with the passphrase', async () => {
    const doc = sample();
    const text = await exportEncryptedJson(doc, { passphrase: 'backup pass 123' });
    expect(text).not.toContain('张三');
    expect(await readBackup(text)).toEqual({ ok: false, error: { code: 'needsPassphrase' } });
    expect(await readBackup(text, { passphrase: 'wrong one!' })).toEqual({ ok: false, error: { code: 'wrongPassphrase' } });
    const r = await readBackup(text, { passphrase: 'backup pass 123' });
    expect(r.ok && r.caseload).toEqual(doc);
  });

  it('opens a backup made with the device key without asking again', async () => {
    const salt = randomBytes(16);
    const key = await deriveKey('device pass 123', salt);
    const kdf = { name: 'PBKDF2' as const, hash: 'SHA-256' as const, iterations: 600_000, salt: toBase64(salt) };
    const text = await exportEncryptedJson(sample(), { key, kdf });
    const r = await readBackup(text, { device: { key, salt: toBase64(fromBase64(kdf.salt)) } });
    expect(r.ok && r.caseload.cases.length).toBe(3);
  });

  it.each([
    ['not JSON', 'this is not json {', 'notJson'],
    ['a JSON array', '[1,2,3]', 'foreign'],
    ['another program’s JSON', '{"name":"my-app","version":"1.0.0"}', 'foreign'],
    ['a newer schema', JSON.stringify({ format: 'tj-subsidies-caseload-backup', encrypted: false, caseload: { schemaVersion: 99, cases: [] } }), 'newerVersion'],
    ['a case with an invalid answer', JSON.stringify({ schemaVersion: 1, cases: [{ ...caseFor('x'), facts: { ...caseFor('x').facts, grade: 7 } }] }), 'invalid'],
    ['a truncated file', exportPlainJson(sample()).slice(0, 200), 'notJson'],
  ])('refuses %s with a reason', async (_name, text, code) => {
    const r = await readBackup(text);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.code).toBe(code);
  });

  it('refuses two cases with the same id', async () => {
    const c = caseFor('x');
    const r = await readBackup(JSON.stringify({ schemaVersion: 1, cases: [c, c] }));
    expect(!r.ok && r.error.code).toBe('invalid');
  });

  it('merges imported cases by id, keeping the others', () => {
    const a = sample();
    const b: Caseload = { schemaVersion: SCHEMA_VERSION, cases: [{ ...a.cases[0]!, notes: 'changed' }, caseFor('赵六')] };
    const m = mergeCaseloads(a, b);
    expect(m.added).toBe(1);
    expect(m.replaced).toBe(1);
    expect(m.caseload.cases).toHaveLength(4);
    expect(m.caseload.cases.find((c) => c.id === a.cases[0]!.id)?.notes).toBe('changed');
    expect(mergeCaseloads(emptyCaseload(), a).caseload).toEqual(a);
  });
});

describe('CSV export for office systems', () => {
  it('has the input columns of the facts schema and the result columns, one row per case', () => {
    const csv = exportCsv(sample());
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true });
    const [header, ...rows] = parsed.data;
    expect(header).toEqual(expect.arrayContaining(['caseId', ...INPUT_COLUMNS, 'livingStatus', 'careStatus', 'noticeLastOnTimeDay', 'rulesVersion']));
    expect(rows).toHaveLength(3);
    const col = (name: string) => header!.indexOf(name);
    expect(rows[0]![col('ref')]).toBe('张三');
    expect(rows[0]![col('livingStatus')]).toBe('paid');
    expect(rows[0]![col('caseNotes')]).toContain('"原件"');
    // a name a spreadsheet would run as a formula is escaped
    expect(rows[2]![col('ref')]!.startsWith("'=")).toBe(true);
  });
});
