/**
 * The prepack script: before `npm pack` makes the tarball, bundles the screener into dist-cli/
 * (bin/tj-subsidy-screen.mjs runs it). The tarball then runs with Node alone, offline.
 */
import { rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { screenerBuildOptions } from './cli-build.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'dist-cli');
rmSync(OUT, { recursive: true, force: true });
await esbuild.build({ ...screenerBuildOptions(ROOT, OUT), metafile: false, minify: true, legalComments: 'linked' });
