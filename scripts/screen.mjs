/**
 * `npm run screen`: runs the command-line screener (src/cli/screen.ts) from a bundle that esbuild
 * builds when the sources have changed, into node_modules/.cache/screen/. A bundle starts in about
 * 0.1 s where running the TypeScript sources through tsx takes about 1 s, and it lets a large file
 * be screened on several threads (src/cli/screen-worker.ts).
 *
 * `node scripts/screen.mjs --build-only` builds (if needed) and prints the bundle's path.
 */
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { screenerBuildOptions } from './cli-build.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CACHE = join(ROOT, 'node_modules', '.cache', 'screen');
const CURRENT = join(CACHE, 'current.json');

/** The last build, if every file it was built from is unchanged (same size and modification time). */
function freshBuild() {
  let current;
  try {
    current = JSON.parse(readFileSync(CURRENT, 'utf8'));
  } catch {
    return null;
  }
  for (const [file, stamp] of Object.entries(current.inputs)) {
    try {
      const s = statSync(join(ROOT, file));
      if (`${s.size}:${s.mtimeMs}` !== stamp) return null;
    } catch {
      return null;
    }
  }
  return join(CACHE, current.dir, 'screen.mjs');
}

async function build() {
  const esbuild = await import('esbuild');
  mkdirSync(CACHE, { recursive: true });
  // a new directory per build, then the pointer to it replaced in one rename: runs that start
  // meanwhile use the previous build or their own, never a half-written one
  const dir = `build-${process.pid}-${Date.now()}`;
  const outdir = join(CACHE, dir);
  const result = await esbuild.build(screenerBuildOptions(ROOT, outdir));
  const inputs = {};
  for (const file of [...Object.keys(result.metafile.inputs), 'scripts/screen.mjs', 'scripts/cli-build.mjs', 'package-lock.json']) {
    const s = statSync(join(ROOT, file));
    inputs[relative(ROOT, join(ROOT, file))] = `${s.size}:${s.mtimeMs}`;
  }
  const tmp = `${CURRENT}.${process.pid}`;
  writeFileSync(tmp, JSON.stringify({ dir, inputs }));
  renameSync(tmp, CURRENT);
  // earlier builds that no run has started from in the last ten minutes
  for (const d of readdirSync(CACHE)) {
    if (!d.startsWith('build-') || d === dir) continue;
    const at = Number(d.split('-')[2]);
    if (Date.now() - at > 10 * 60_000) rmSync(join(CACHE, d), { recursive: true, force: true });
  }
  return join(outdir, 'screen.mjs');
}

const bundle = freshBuild() ?? (await build());
if (process.argv[2] === '--build-only') console.log(bundle);
else await import(pathToFileURL(bundle).href);
