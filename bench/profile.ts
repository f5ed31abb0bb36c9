/**
 * Where evaluate() spends its time: npm run bench:profile writes a V8 CPU profile to bench/out/
 * and prints the functions with the most self time. (Run: node --cpu-prof --cpu-prof-dir=bench/out --import tsx bench/profile.ts)
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { evaluate } from '../src/engine/evaluate';
import { generateFacts, rng } from './generate';

const r = rng(2025);
const facts = Array.from({ length: 10_000 }, () => generateFacts(r));
const ms = Number(process.env.PROFILE_MS ?? 3000);
const start = performance.now();
let n = 0;
while (performance.now() - start < ms) {
  for (let i = 0; i < 1000; i++) evaluate(facts[(n + i) % facts.length]!, { asOf: '2025-08-01' });
  n += 1000;
}
console.log(`${n} evaluations in ${ms} ms`);

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
/** Summarises the newest .cpuprofile of an earlier run (profiles are written at exit). */
export function summarise(dir: string, top = 25): void {
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  if (!files.length) return;
  const newest = files.map((f) => join(dir, f)).sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0]!;
  const p = JSON.parse(readFileSync(newest, 'utf8')) as { nodes: Node[]; samples: number[] };
  const self = new Map<number, number>();
  for (const s of p.samples) self.set(s, (self.get(s) ?? 0) + 1);
  const byFn = new Map<string, number>();
  for (const node of p.nodes) {
    const { functionName, url, lineNumber } = node.callFrame;
    const key = `${functionName || '(anonymous)'} ${url.replace(/^.*node_modules\//, '').replace(/^.*\/work\/main\//, '')}:${lineNumber + 1}`;
    byFn.set(key, (byFn.get(key) ?? 0) + (self.get(node.id) ?? 0));
  }
  const total = p.samples.length;
  console.log(`\nself time in ${newest}`);
  for (const [k, v] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${((v / total) * 100).toFixed(1).padStart(5)}%  ${k}`);
}
if (process.env.SUMMARISE) summarise(process.env.SUMMARISE);
