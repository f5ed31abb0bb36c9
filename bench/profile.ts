/**
 * Where the time goes: npx tsx bench/profile.ts [engine|cli]
 *  engine — evaluate() over varied generated facts for 3 s;
 *  cli    — the command-line screener on bench/out/roster-100000.csv (run `npm run bench` first).
 * Runs the work under `node --cpu-prof` (through tsx), then prints the functions with the most
 * self time. The .cpuprofile stays in bench/out/ for Chrome DevTools.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluate } from '../src/engine/evaluate';
import { generateFacts, rng } from './generate';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'bench', 'out');

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
}

function summarise(file: string, top = 25) {
  const p = JSON.parse(readFileSync(file, 'utf8')) as { nodes: ProfileNode[]; samples: number[] };
  const self = new Map<number, number>();
  for (const s of p.samples) self.set(s, (self.get(s) ?? 0) + 1);
  const byFn = new Map<string, number>();
  for (const n of p.nodes) {
    const where = n.callFrame.url.replace(/^.*node_modules\//, '').replace(/^.*?\/(src|rules|bench)\//, '$1/');
    const key = `${n.callFrame.functionName || '(anonymous)'}  ${where}`;
    byFn.set(key, (byFn.get(key) ?? 0) + (self.get(n.id) ?? 0));
  }
  console.log(`self time, ${p.samples.length} samples — ${file}`);
  for (const [k, v] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${((v / p.samples.length) * 100).toFixed(1).padStart(5)}%  ${k}`);
}

function profile(args: string[]) {
  const dir = mkdtempSync(join(OUT, 'prof-'));
  const p = spawnSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--import', 'tsx', ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (p.status !== 0) throw new Error(`profiled run failed (${p.status})`);
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error('no profile written');
  summarise(join(dir, file));
}

function engineLoop() {
  const r = rng(2025);
  const facts = Array.from({ length: 10_000 }, () => generateFacts(r));
  const start = performance.now();
  let n = 0;
  while (performance.now() - start < 3000) {
    for (let i = 0; i < 1000; i++) evaluate(facts[(n + i) % facts.length]!, { asOf: '2025-08-01' });
    n += 1000;
  }
  console.error(`${n} evaluations in 3 s`);
}

const what = process.argv[2] ?? 'engine';
if (what === '--loop') engineLoop();
else if (what === 'engine') profile([join('bench', 'profile.ts'), '--loop']);
// the bundle `npm run screen` runs, on one thread (a profile covers the main thread only)
else if (what === 'cli') profile([join('scripts', 'screen.mjs'), join('bench', 'out', 'roster-100000.csv'), '--as-of', '2025-08-01', '--jobs', '1']);
else {
  console.error('usage: npx tsx bench/profile.ts [engine|cli]');
  process.exitCode = 2;
}
