/**
 * How long the caseload's encryption takes for 1,000 cases: key derivation (PBKDF2-SHA256,
 * 600,000 iterations — paid once per unlock), encrypting (every save) and decrypting (every unlock).
 * Then the device vault with 10,000 cases: import, unlock and saving one case, with ratios against
 * references measured in the same run (PBKDF2, JSON.parse of the same cases, format 2's per-case opening).
 * Run: `npx tsx bench/crypto.ts` (Node's Web Crypto; a browser on a tablet will differ).
 */
import { evaluate } from '../src/engine/evaluate';
import { unknownFacts, type Facts } from '../src/facts/schema';
import { DEFAULT_ITERATIONS, deriveKey, openJson, randomBytes, sealJson, type Sealed } from '../src/storage/crypto';
import { makeCase, SCHEMA_VERSION, type Caseload } from '../src/storage/model';
import { exportCsv, exportPlainJson, readBackup } from '../src/storage/backup';

const N = Number(process.env.CASES ?? 1000);
const RUNS = Number(process.env.RUNS ?? 10);

function facts(i: number): Facts {
  const day = String(1 + (i % 28)).padStart(2, '0');
  return {
    ...unknownFacts(),
    ref: `个案 ${i} 张三李四王五`,
    hukou: i % 10 ? 'tianjin' : 'other',
    certificate: 'valid',
    category: (['visual', 'hearing', 'physical', 'mental'] as const)[i % 4]!,
    grade: ((i % 4) + 1) as 1 | 2 | 3 | 4,
    household: (['dibao', 'dibaoEdge', 'neither'] as const)[i % 3]!,
    tekun: 'no',
    workInjuryCareFee: 'no',
    inPrison: 'no',
    dibaoSince: i % 3 === 0 ? `2025-0${1 + (i % 9)}-${day}` : undefined,
    certifiedOn: i % 5 === 0 ? `2025-1${i % 3}-${day}` : undefined,
  };
}

const ms = (t: bigint) => Number(t) / 1e6;
function stats(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return `median ${s[Math.floor(s.length / 2)]!.toFixed(1)} ms, min ${s[0]!.toFixed(1)}, max ${s[s.length - 1]!.toFixed(1)} (n=${s.length})`;
}

const caseload: Caseload = {
  schemaVersion: SCHEMA_VERSION,
  cases: Array.from({ length: N }, (_, i) => makeCase(facts(i), evaluate(facts(i), { asOf: '2025-11-01' }), i % 2 ? '家访记录：需补材料；联系电话已核实。'.repeat(3) : '')),
};
const json = JSON.stringify(caseload);
console.log(`${N} cases, ${(json.length / 1024).toFixed(0)} KiB of JSON (${(Buffer.byteLength(json) / 1024).toFixed(0)} KiB UTF-8)`);

const derive: number[] = [];
const enc: number[] = [];
const dec: number[] = [];
const salt = randomBytes(16);
for (let r = 0; r < Math.min(RUNS, 5); r++) {
  const t = process.hrtime.bigint();
  await deriveKey('a passphrase of some length', salt, DEFAULT_ITERATIONS);
  derive.push(ms(process.hrtime.bigint() - t));
}
const key = await deriveKey('a passphrase of some length', salt);
for (let r = 0; r < RUNS; r++) {
  let t = process.hrtime.bigint();
  const sealed = await sealJson(key, caseload);
  enc.push(ms(process.hrtime.bigint() - t));
  t = process.hrtime.bigint();
  await openJson(key, sealed);
  dec.push(ms(process.hrtime.bigint() - t));
}
console.log(`PBKDF2-SHA256 ${DEFAULT_ITERATIONS} iterations (once per unlock): ${stats(derive)}`);
console.log(`encrypt ${N} cases (JSON + AES-GCM, every save): ${stats(enc)}`);
console.log(`decrypt ${N} cases (AES-GCM + JSON.parse, every unlock): ${stats(dec)}`);

const imp: number[] = [];
const text = exportPlainJson(caseload);
for (let r = 0; r < RUNS; r++) {
  const t = process.hrtime.bigint();
  const out = await readBackup(text);
  if (!out.ok) throw new Error('import failed');
  imp.push(ms(process.hrtime.bigint() - t));
}
console.log(`import + validate ${N} cases (plain JSON backup, zod): ${stats(imp)}`);
const t = process.hrtime.bigint();
exportCsv(caseload);
console.log(`CSV export of ${N} cases (re-evaluates each): ${ms(process.hrtime.bigint() - t).toFixed(1)} ms`);

// ------------------------------------------------------------------ the device vault at scale (format 3)
// The browser runs zod jitless (strict CSP): do the same here so validation costs what it costs there.
{
  const { config } = await import('zod');
  config({ jitless: true });
  const { memoryKV } = await import('../src/storage/kv');
  const { Vault } = await import('../src/storage/vault');
  const { aadFor } = await import('../src/storage/crypto');
  const BIG = Number(process.env.VAULT_CASES ?? 10_000);
  const cases = Array.from({ length: BIG }, (_, i) => ({
    ...makeCase(facts(i), evaluate(facts(i), { asOf: '2025-11-01' }), i % 2 ? '家访记录：需补材料；联系电话已核实。'.repeat(3) : ''),
    id: crypto.randomUUID(),
  }));
  const big: Caseload = { schemaVersion: SCHEMA_VERSION, cases };
  const text = exportPlainJson(big);
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const time = async (n: number, fn: () => unknown): Promise<number[]> => {
    const out: number[] = [];
    for (let r = 0; r < n; r++) {
      const t = process.hrtime.bigint();
      await fn();
      out.push(ms(process.hrtime.bigint() - t));
    }
    return out;
  };
  console.log(`\nvault with ${BIG} cases (${(text.length / 1024 / 1024).toFixed(1)} MB plain backup); memory key-value store (structured clone, like IndexedDB)`);

  // references measured in this run (absolute times vary about 3× between machines and loads)
  const refDerive = med(derive);
  const casesJson = JSON.stringify(cases);
  const refParse = med(await time(5, () => JSON.parse(casesJson)));
  // format 2 sealed each case on its own: its unlock read one record per case and opened each (below, as it did)
  const kv2 = memoryKV();
  await kv2.setMany(await Promise.all(cases.map(async (c) => [`c:${c.id}`, { rev: 1, ...(await sealJson(key, c, aadFor(`case/${c.id}`))) }] as [string, unknown])));
  const format2Unlock = async () => {
    const [k2, all] = await Promise.all([deriveKey('a passphrase of some length', salt), kv2.entries()]);
    for (let i = 0; i < all.length; i += 1000)
      await Promise.all(all.slice(i, i + 1000).map(([id, s]) => openJson(k2, s as Sealed, aadFor(`case/${id.slice(2)}`))));
  };
  console.log(`references: PBKDF2 ${refDerive.toFixed(0)} ms; JSON.parse of the ${BIG} cases ${refParse.toFixed(0)} ms`);
  const kv = memoryKV();
  const v = new Vault(kv);
  await v.create('a passphrase of some length');

  // import: read + validate the file, then seal the buckets and store all in one transaction
  let t0 = process.hrtime.bigint();
  const read = await readBackup(text);
  if (!read.ok) throw new Error('import failed');
  const tRead = ms(process.hrtime.bigint() - t0);
  let ticks = 0;
  t0 = process.hrtime.bigint();
  const w = await v.write(read.caseload.cases, [], { mode: 'import', onProgress: () => ticks++ });
  if (!w.ok || w.report.added.length !== BIG) throw new Error('import write failed');
  const tWrite = ms(process.hrtime.bigint() - t0);
  const tImport = tRead + tWrite;
  console.log(
    `import ${BIG} cases: ${tImport.toFixed(0)} ms = ${(tImport / refParse).toFixed(1)}× JSON.parse (read + validate ${tRead.toFixed(0)} ms, seal + store ${tWrite.toFixed(0)} ms, ${ticks} progress updates)`,
  );

  // unlock: PBKDF2 (while the store is read) + open each bucket + a shape check per case
  // format 3 and format 2 taken in turns, so both see the same load
  const tEntries = med(await time(3, () => kv.entries()));
  const unl: number[] = [];
  const unl2: number[] = [];
  for (let r = 0; r < 5; r++) {
    unl.push(...(await time(1, async () => {
      const res = await new Vault(kv).unlock('a passphrase of some length');
      if (!res.ok || res.caseload.cases.length !== BIG) throw new Error('unlock failed');
    })));
    unl2.push(...(await time(1, format2Unlock)));
  }
  const tUnlock = med(unl);
  console.log(`unlock with ${BIG} cases: ${stats(unl)}; reading the store ${tEntries.toFixed(0)} ms`);
  console.log(`  = ${(tUnlock / refDerive).toFixed(2)}× PBKDF2, ${(tUnlock / refParse).toFixed(1)}× JSON.parse`);
  console.log(`reference, unlocking format 2 (one record per case): ${stats(unl2)} → format 3 takes ${(tUnlock / med(unl2)).toFixed(2)}× its time`);

  // save one case, against the reference measured here: format 1 re-encrypted the whole caseload
  const one: number[] = [];
  const whole: number[] = [];
  const vkey = v.cryptoKey!;
  for (let r = 0; r < RUNS; r++) {
    const c = cases[r]!;
    let t = process.hrtime.bigint();
    const res = await v.write([{ ...c, notes: `第 ${r} 次`, updatedAt: new Date(Date.now() + r).toISOString() }]);
    one.push(ms(process.hrtime.bigint() - t));
    if (!res.ok) throw new Error('save failed');
    t = process.hrtime.bigint();
    await kv.set('format-1-reference', await sealJson(vkey, { schemaVersion: SCHEMA_VERSION, cases: v.caseload.cases }));
    whole.push(ms(process.hrtime.bigint() - t));
  }
  await kv.del('format-1-reference');
  console.log(`save one case of ${BIG}: ${stats(one)} = ${(med(one) / refDerive).toFixed(2)}× PBKDF2`);
  console.log(`reference, re-encrypting all ${BIG} as format 1 did: ${stats(whole)} → one save is ${(med(whole) / med(one)).toFixed(0)}× faster`);
  console.log(`\nsummary (limits: unlock < 1 s, save one < 200 ms, import < 10 s): unlock ${tUnlock.toFixed(0)} ms, save one ${med(one).toFixed(1)} ms, import ${tImport.toFixed(0)} ms`);
}
