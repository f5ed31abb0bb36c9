/**
 * npm run bench
 *  (a) evaluations per second of evaluate() over varied generated facts (warm-up, then ~2 s);
 *  (b) a 100,000-row CSV screened end to end by the command-line screener as a child process:
 *      wall time, rows/s, MB/s, peak memory;
 *  (c) a realistic roster (bench/realistic.ts) screened, against the reference (bench/reference.mjs:
 *      papaparse reading it and writing every row back with twelve cells) and the floor
 *      (bench/floor.ts: reading the text and writing the same bytes back, no screening),
 *      CPU time alternated three times; then the same for the roster's first tenth, to tell what a
 *      run costs whatever its length (start-up, compiling, answers met first) from each further row.
 * Targets on a 2-core machine: ≥ 500,000 evaluations/s; the 100k-row file in < 1 s wall.
 * Timing is measured here only, never asserted in tests.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { loadavg } from 'node:os';
import { buildSync } from 'esbuild';
import { join } from 'node:path';
import { evaluate } from '../src/engine/evaluate';
import { FACT_FIELDS as INPUT_COLUMNS } from '../src/facts/schema';
import { toCsv } from '../src/screening/write';
import type { Facts } from '../src/facts/schema';
import { factsToRow, generateFacts, rng } from './generate';
import { writeRealistic } from './realistic';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'bench', 'out');
const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const AS_OF = '2025-08-01';

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Evaluations per wall second, and per second of this process's CPU time (steadier when other work shares the cores). */
function measure(facts: readonly Facts[], ms: number): { wall: number; cpu: number } {
  let n = 0;
  let sink = 0;
  const start = performance.now();
  const cpuStart = cpuMs();
  let now = start;
  while (now - start < ms) {
    for (let i = 0; i < 1000; i++) {
      const r = evaluate(facts[(n + i) % facts.length]!, { asOf: AS_OF });
      if (r.covered) sink += r.total;
    }
    n += 1000;
    now = performance.now();
  }
  if (sink < 0) console.log(sink); // keeps the work observable
  return { wall: (n / (now - start)) * 1000, cpu: (n / (cpuMs() - cpuStart)) * 1000 };
}

function evaluationsPerSecond() {
  const r = rng(2025);
  const varied = Array.from({ length: 10_000 }, () => generateFacts(r));
  const withDates = varied.filter((f) => f.dibaoSince || f.dibaoEdgeSince || f.certifiedOn);
  const withoutDates = varied.filter((f) => !(f.dibaoSince || f.dibaoEdgeSince || f.certifiedOn));
  measure(varied, 700); // warm-up
  return [
    { set: `varied (${fmt(varied.length)} people, ${Math.round((withDates.length / varied.length) * 100)}% with a notice trigger)`, perSecond: measure(varied, 2000) },
    { set: 'only people with a notice date', perSecond: measure(withDates, 1000) },
    { set: 'only people without a notice date', perSecond: measure(withoutDates, 1000) },
  ];
}

function generateCsv(file: string) {
  const r = rng(7);
  const fd = openSync(file, 'w');
  writeSync(fd, '\uFEFF' + toCsv([INPUT_COLUMNS as string[]]) + '\r\n');
  let batch: string[][] = [];
  for (let i = 0; i < ROWS; i++) {
    batch.push(factsToRow(generateFacts(r), INPUT_COLUMNS, r));
    if (batch.length === 5000) {
      writeSync(fd, toCsv(batch) + '\r\n');
      batch = [];
    }
  }
  if (batch.length) writeSync(fd, toCsv(batch) + '\r\n');
  closeSync(fd);
}

interface Run {
  wallMs: number;
  /** user + system CPU time, from /usr/bin/time (robust when other work shares the cores) */
  cpuMs: number | null;
  maxRssKb: number | null;
  cliMs: number | null;
  loadMs: number | null;
  threads: number | null;
  /** rows read from their bytes (src/screening/bytes.ts) */
  fromBytes: number | null;
  stderr: string;
}

function runCli(args: string[], stdoutFile: string, script = join('scripts', 'screen.mjs')): Run {
  const useTime = existsSync('/usr/bin/time');
  // as `npm run screen` runs it: the bundle (built before the first measured run)
  const cmd = useTime ? '/usr/bin/time' : process.execPath;
  const argv = useTime ? ['-v', process.execPath, script, ...args] : [script, ...args];
  const fd = openSync(stdoutFile, 'w');
  const start = performance.now();
  const p = spawnSync(cmd, argv, { cwd: ROOT, stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
  const wallMs = performance.now() - start;
  closeSync(fd);
  if (p.status !== 0) throw new Error(`screen failed (${p.status}): ${p.stderr}`);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(p.stderr);
  const stats = /stats (\{.*\})/.exec(p.stderr);
  const s = stats ? (JSON.parse(stats[1]!) as { ms: number; loadMs: number; maxRssKb: number; threads: number; fromBytes?: number }) : null;
  const user = /User time \(seconds\): ([\d.]+)/.exec(p.stderr);
  const sys = /System time \(seconds\): ([\d.]+)/.exec(p.stderr);
  const cpuMs = user && sys ? (Number(user[1]) + Number(sys[1])) * 1000 : null;
  return { wallMs, cpuMs, maxRssKb: rss ? Number(rss[1]) : (s?.maxRssKb ?? null), cliMs: s?.ms ?? null, loadMs: s?.loadMs ?? null, threads: s?.threads ?? null, fromBytes: s?.fromBytes ?? null, stderr: p.stderr };
}

function table(rows: string[][]) {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const [k, r] of rows.entries()) {
    console.log(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  '));
    if (k === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
}

function main() {
  mkdirSync(OUT, { recursive: true });
  const load = loadavg().map((x) => x.toFixed(1)).join(' ');
  console.log(`node ${process.version}, ${execFileSync('nproc').toString().trim()} cores, load average ${load} (other work on the machine slows every figure)\n`);

  console.log('(a) evaluate(facts, { asOf }) — target ≥ 500,000/s');
  const evals = evaluationsPerSecond();
  table([
    ['facts', 'evaluations/s (wall)', 'per CPU-second', 'target met (wall)'],
    ...evals.map((e) => [e.set, fmt(e.perSecond.wall), fmt(e.perSecond.cpu), e.perSecond.wall >= 500_000 ? 'yes' : 'NO']),
  ]);

  const file = join(OUT, `roster-${ROWS}.csv`);
  const t0 = performance.now();
  generateCsv(file);
  const mb = statSync(file).size / 1e6;
  console.log(`\n(b) command-line screener on ${fmt(ROWS)} rows (${fmt(mb, 1)} MB, generated in ${fmt(performance.now() - t0)} ms) — target < 1 s wall`);
  const one = join(OUT, 'roster-1.csv');
  writeFileSync(one, readFileSync(file, 'utf8').split('\r\n').slice(0, 2).join('\r\n'));
  execFileSync(process.execPath, [join('scripts', 'screen.mjs'), '--build-only'], { cwd: ROOT });
  const startup = runCli([one, '--as-of', AS_OF, '--stats'], join(OUT, 'result-1.csv'));
  const run = runCli([file, '--as-of', AS_OF, '--stats'], join(OUT, `result-${ROWS}.csv`));
  const outMb = statSync(join(OUT, `result-${ROWS}.csv`)).size / 1e6;
  const two = runCli([file, '--as-of', AS_OF, '--stats', '--jobs', '2'], join(OUT, `result-${ROWS}-two-threads.csv`));
  table([
    ['measure', 'value'],
    ['wall time, end to end', `${fmt(run.wallMs)} ms`],
    ['  the same on two threads (--jobs 2)', `${fmt(two.wallMs)} ms on ${two.threads ?? '?'} threads (CPU ${two.cpuMs === null ? 'n/a' : fmt(two.cpuMs)} ms, max RSS ${two.maxRssKb === null ? 'n/a' : fmt(two.maxRssKb / 1024, 1)} MB)`],
    ['  a 1-row file, for comparison (start-up + loading)', `${fmt(startup.wallMs)} ms`],
    [`  loading rules, engine and readers (in the ${fmt(ROWS)}-row run)`, run.loadMs === null ? 'n/a' : `${fmt(run.loadMs)} ms`],
    ['CPU time (user + sys), all threads', run.cpuMs === null ? 'n/a' : `${fmt(run.cpuMs)} ms (1-row file ${startup.cpuMs === null ? 'n/a' : fmt(startup.cpuMs)} ms)`],
    ['  screening after loading (read, screen, write)', run.cliMs === null ? 'n/a' : `${fmt(run.cliMs)} ms`],
    ['rows read from their bytes', run.fromBytes === null ? 'n/a' : fmt(run.fromBytes)],
    ['rows/s (wall)', fmt(ROWS / (run.wallMs / 1000))],
    ['MB/s read (wall)', fmt(mb / (run.wallMs / 1000), 1)],
    ['output size', `${fmt(outMb, 1)} MB`],
    ['peak memory (max RSS)', run.maxRssKb === null ? 'n/a' : `${fmt(run.maxRssKb / 1024, 1)} MB`],
    ['peak memory of a 1-row file', startup.maxRssKb === null ? 'n/a' : `${fmt(startup.maxRssKb / 1024, 1)} MB`],
    ['target < 1 s met', run.wallMs < 1000 ? 'yes' : 'NO'],
  ]);
  console.log(`\nOutput: ${join('bench', 'out', `result-${ROWS}.csv`)}`);

  // (c) a roster as a street office keeps it, against the least a screener must do with it
  const real = join(OUT, `realistic-${ROWS}.csv`);
  writeRealistic(real, ROWS);
  const realMb = statSync(real).size / 1e6;
  console.log(`\n(c) a realistic roster (${fmt(ROWS)} rows, ${fmt(realMb, 1)} MB: Chinese headers and values, 身份证号, 联系电话, 住址) — target: CPU time ≤ the reference`);
  const screened: Run[] = [];
  const reference: Run[] = [];
  const floor: Run[] = [];
  buildSync({ entryPoints: [join(ROOT, 'bench', 'floor.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: join(OUT, 'floor.mjs'), logLevel: 'warning' });
  for (let i = 0; i < 3; i++) {
    // alternated, so that all three see the same load on the machine
    screened.push(runCli([real, '--as-of', AS_OF, '--stats'], join(OUT, `realistic-result-${ROWS}.csv`)));
    reference.push(runCli([real], join(OUT, `realistic-reference-${ROWS}.csv`), join('bench', 'reference.mjs')));
    // the screener's output bytes per row beyond its input, written by the floor with no screening
    const extra = Math.max(0, Math.round((statSync(join(OUT, `realistic-result-${ROWS}.csv`)).size - statSync(real).size) / ROWS) - 2);
    floor.push(runCli([real, String(extra)], join(OUT, `realistic-floor-${ROWS}.csv`), join('bench', 'out', 'floor.mjs')));
  }
  const median = (xs: (number | null)[]) => {
    const v = xs.filter((x): x is number => x !== null).sort((a, b) => a - b);
    return v.length ? v[Math.floor(v.length / 2)]! : null;
  };
  const sCpu = median(screened.map((r) => r.cpuMs));
  const rCpu = median(reference.map((r) => r.cpuMs));
  const fCpu = median(floor.map((r) => r.cpuMs));
  const ms = (x: number | null) => (x === null ? 'n/a' : `${fmt(x)} ms`);
  table([
    ['measure (median of 3, alternated)', 'screener', 'reference: papaparse + twelve cells', 'floor: reading and writing as text, no screening'],
    ['CPU time (user + sys)', ms(sCpu), ms(rCpu), ms(fCpu)],
    ['wall time', ms(median(screened.map((r) => r.wallMs))), ms(median(reference.map((r) => r.wallMs))), ms(median(floor.map((r) => r.wallMs)))],
    ['rows read from their bytes', screened[0]!.fromBytes === null ? 'n/a' : fmt(screened[0]!.fromBytes), '', ''],
  ]);
  if (sCpu !== null && rCpu !== null) console.log(`ratio screener / reference (CPU): ${(sCpu / rCpu).toFixed(2)} (target ≤ 1.00: ${sCpu <= rCpu ? 'met' : 'NOT met'})`);
  if (fCpu !== null && rCpu !== null && sCpu !== null) console.log(`ratio floor / reference (CPU): ${(fCpu / rCpu).toFixed(2)}; the screener beyond the floor: ${fmt(sCpu - fCpu)} ms of CPU`);

  // what a run costs whatever its length (start-up, compiling, the answers met first) against what
  // each further row costs: the same roster's first tenth, alternated the same way
  const tenth = Math.floor(ROWS / 10);
  const head = join(OUT, `realistic-${tenth}.csv`);
  writeFileSync(head, readFileSync(real, 'utf8').split('\r\n').slice(0, tenth + 1).join('\r\n') + '\r\n');
  const sHead: Run[] = [];
  const rHead: Run[] = [];
  for (let i = 0; i < 3; i++) {
    sHead.push(runCli([head, '--as-of', AS_OF, '--stats'], join(OUT, `realistic-result-${tenth}.csv`)));
    rHead.push(runCli([head], join(OUT, `realistic-reference-${tenth}.csv`), join('bench', 'reference.mjs')));
  }
  const sHeadCpu = median(sHead.map((r) => r.cpuMs));
  const rHeadCpu = median(rHead.map((r) => r.cpuMs));
  if (sCpu === null || rCpu === null || sHeadCpu === null || rHeadCpu === null) return;
  table([
    [`the same roster's first ${fmt(tenth)} rows, against all ${fmt(ROWS)} (median of 3, alternated)`, 'screener', 'reference'],
    [`CPU time, first ${fmt(tenth)} rows`, ms(sHeadCpu), ms(rHeadCpu)],
    [`CPU time of the other ${fmt(ROWS - tenth)} rows (the difference)`, ms(sCpu - sHeadCpu), ms(rCpu - rHeadCpu)],
  ]);
  console.log(`ratio screener / reference for the rows after the first ${fmt(tenth)}: ${((sCpu - sHeadCpu) / (rCpu - rHeadCpu)).toFixed(2)}; for the first ${fmt(tenth)}: ${(sHeadCpu / rHeadCpu).toFixed(2)}`);
}

main();
