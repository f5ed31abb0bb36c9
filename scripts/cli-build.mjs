/**
 * How the command-line screener is bundled, in one place: `npm run screen` (scripts/screen.mjs)
 * builds it into node_modules/.cache/screen/ when the sources change, and `npm pack`
 * (scripts/pack-cli.mjs, the prepack script) builds it into dist-cli/ for the installable command.
 * The bundle holds everything it needs (papaparse, zod, the rules' JSON …): nothing to install.
 */
export const SCREENER_ENTRY_POINTS = { screen: 'src/cli/screen.ts', 'screen-worker': 'src/cli/screen-worker.ts' };

/** esbuild options for a bundle of the screener in `outdir` (the worker must sit beside it). */
export const screenerBuildOptions = (root, outdir) => ({
  absWorkingDir: root,
  entryPoints: SCREENER_ENTRY_POINTS,
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outdir,
  outExtension: { '.js': '.mjs' },
  metafile: true,
  logLevel: 'warning',
  // papaparse is CommonJS and asks for require()
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});
