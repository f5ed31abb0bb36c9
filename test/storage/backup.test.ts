import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { FACT_FIELDS as INPUT_COLUMNS } from '../../src/facts/schema';
import { parseFactsCells } from '../../src/facts/parse';
import { headerField } from '../../src/screening/headers';
import { fieldName } from '../../src/screening/messages';
import { DEFAULT_ITERATIONS, deriveKey, fromBase64, randomBytes, toBase64 } from '../../src/storage/crypto';
import { exportCsv, exportEncryptedJson, exportPlainJson, mergeCaseloads, readBackup } from '../../src/storage/backup';
import { emptyCaseload, SCHEMA_VERSION, type Caseload } from '../../src/storage/model';
import { caseFor } from '../caseload/fixtures';

const PASSPHRASE = 'backup passphrase 1';
const SALT = toBase64(randomBytes(16));

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

  it('merges imported cases by id, the newer updatedAt winning case by case, and counts what came from each side', () => {
    const a = sample();
    const [x, y] = [a.cases[0]!, a.cases[1]!];
    const b: Caseload = {
      schemaVersion: SCHEMA_VERSION,
      cases: [{ ...x, notes: 'newer in the file', updatedAt: '2030-01-01T00:00:00.000Z' }, { ...y, notes: 'older in the file', updatedAt: '2000-01-01T00:00:00.000Z' }, caseFor('赵六')],
    };
    const m = mergeCaseloads(a, b);
    expect([m.added, m.replaced, m.kept, m.same]).toEqual([1, 1, 1, 0]);
    expect(m.caseload.cases).toHaveLength(4);
    expect(m.caseload.cases.find((c) => c.id === x.id)?.notes).toBe('newer in the file');
    expect(m.caseload.cases.find((c) => c.id === y.id)?.notes).toBe(y.notes);
    expect(mergeCaseloads(emptyCaseload(), a).caseload).toEqual(a);
  });
});

describe('crafted backup files are refused with a reason', () => {
  it('refuses a case id with a line break (it would inject lines into a calendar file)', async () => {
    const c = { ...caseFor('x'), id: 'abc\r\nATTACH:http://example.invalid/x' };
    const r = await readBackup(JSON.stringify({ schemaVersion: 1, cases: [c] }));
    expect(!r.ok && r.error).toMatchObject({ code: 'invalid', detail: expect.stringContaining('cases.0.id') });
  });

  it('refuses field names such as constructor and __proto__ in a case', async () => {
    for (const key of ['constructor', '__proto__', 'toString']) {
      const text = JSON.stringify({ cases: [{ id: 'p-1', savedAt: 1, answers: { hukou: 'tianjin' } }] }).replace('"hukou"', `"${key}":"x","hukou"`);
      const r = await readBackup(text);
      expect(!r.ok && r.error.code, key).toBe('invalid');
      expect(!r.ok && r.error.code === 'invalid' && r.error.detail, key).toContain(key);
    }
    const facts = JSON.stringify({ schemaVersion: 1, cases: [caseFor('x')] }).replace('"hukou"', '"__proto__":{"polluted":1},"hukou"');
    const r = await readBackup(facts);
    expect(!r.ok && r.error.code).toBe('invalid');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses __proto__ and constructor field names inside an encrypted backup as in a plain one, naming the field, whichever key opens it', async () => {
    const key = await deriveKey(PASSPHRASE, fromBase64(SALT));
    const kdf = { name: 'PBKDF2' as const, hash: 'SHA-256' as const, iterations: DEFAULT_ITERATIONS, salt: SALT };
    const plain = JSON.stringify({ schemaVersion: 1, cases: [caseFor('x')] });
    for (const [field, text] of [
      ['__proto__', plain.replace('"hukou"', '"__proto__":{"polluted":1},"hukou"')],
      ['constructor', plain.replace('"hukou"', '"constructor":{"polluted":1},"hukou"')],
      ['constructor', plain.replace('"cases"', '"constructor":"x","cases"')],
    ] as const) {
      // JSON.parse keeps the field as an own property, so the file carries it sealed
      const file = await exportEncryptedJson(JSON.parse(text) as Caseload, { key, kdf });
      for (const opts of [{ passphrase: PASSPHRASE }, { device: { key, salt: SALT } }]) {
        const r = await readBackup(file, opts);
        expect(!r.ok && r.error, field).toEqual({ code: 'invalid', detail: `field name "${field}"` });
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // the same caseload without them opens
    const ok = await readBackup(await exportEncryptedJson(JSON.parse(plain) as Caseload, { key, kdf }), { passphrase: PASSPHRASE });
    expect(ok.ok).toBe(true);
  });

  it('refuses an encrypted backup asking for 2^31 PBKDF2 iterations before deriving anything', async () => {
    const file = JSON.stringify({
      format: 'tj-subsidies-caseload-backup',
      schemaVersion: 1,
      exportedAt: '2025-01-01T00:00:00.000Z',
      encrypted: true,
      kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: 2 ** 31, salt: 'AAAAAAAAAAAAAAAAAAAAAA==' },
      cipher: 'AES-GCM',
      sealed: { iv: 'AAAAAAAAAAAAAAAA', data: 'AAAA' },
    });
    const t0 = Date.now();
    const r = await readBackup(file, { passphrase: 'whatever pass' });
    expect(!r.ok && r.error).toEqual({ code: 'iterations', found: 2 ** 31 });
    expect(Date.now() - t0).toBeLessThan(5000);
  });
});

describe('CSV export for office systems', () => {
  it('has the input columns of the facts schema and the result columns, one row per case', () => {
    const csv = exportCsv(sample(), 'en');
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

describe('the case export in the interface language', () => {
  it('in Chinese has Chinese column names and values, and the answers read back through the CSV reader', () => {
    const csv = exportCsv(sample(), 'zh-CN');
    const [header, ...rows] = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
    const col = (name: string) => header!.indexOf(name);
    expect(header).toEqual(expect.arrayContaining(['个案编号', '姓名或编号', '户籍', '残疾等级', '生活补贴结果', '最迟告知日']));
    expect(header).not.toContain('livingStatus');
    expect(rows[0]![col('户籍')]).toBe('天津');
    expect(rows[0]![col('生活补贴结果')]).toBe('可领取');
    expect(rows[0]![col('残疾等级')]).toMatch(/^[一二三四]级$/);
    for (const f of INPUT_COLUMNS) expect(headerField(header![col(fieldName(f, 'zh-CN'))]!), f).toBe(f);
    const back = parseFactsCells(Object.fromEntries(INPUT_COLUMNS.map((f) => [f, rows[0]![col(fieldName(f, 'zh-CN'))]!])));
    expect(back.ok).toBe(true);
  });
});
