/**
 * The screener as an installable command: `npm pack` makes a tarball that an office's IT person
 * installs with `npm install -g ./….tgz` and runs as `tj-subsidy-screen`, offline. Here the tarball
 * is installed into a temporary prefix with an empty npm cache and --offline, so the install fails
 * if the package needed anything from a registry.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const tmp = mkdtempSync(join(tmpdir(), 'tj-pack-'));
const prefix = join(tmp, 'prefix');
const bin = join(prefix, 'bin', 'tj-subsidy-screen');
let tarball = '';
let files: string[] = [];

const npm = (args: string[], cwd = ROOT) =>
  execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, npm_config_update_notifier: 'false' } });

beforeAll(() => {
  const packed = JSON.parse(npm(['pack', '--json', '--pack-destination', tmp])) as { filename: string; files: { path: string }[] }[];
  tarball = join(tmp, packed[0]!.filename);
  files = packed[0]!.files.map((f) => f.path).sort();
  npm(['install', '--global', '--prefix', prefix, '--offline', '--cache', join(tmp, 'empty-cache'), '--no-audit', '--no-fund', tarball], tmp);
}, 180_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Runs the installed command from an unrelated folder, as a user would. */
function run(args: string[], cwd = tmp) {
  const r = spawnSync(bin, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the packed screener (tj-subsidy-screen)', { timeout: 120_000 }, () => {
  it('packs only the command and its prebuilt bundle, with no dependency to fetch', () => {
    expect(files).toContain('bin/tj-subsidy-screen.mjs');
    expect(files).toContain('dist-cli/screen.mjs');
    expect(files).toContain('dist-cli/screen-worker.mjs');
    expect(files.filter((f) => !/^(bin\/|dist-cli\/|package\.json$|README\.md$)/.test(f))).toEqual([]);
    const manifest = JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' })) as Record<string, unknown>;
    expect(manifest.bin).toEqual({ 'tj-subsidy-screen': 'bin/tj-subsidy-screen.mjs' });
    expect(manifest.dependencies ?? {}).toEqual({});
    expect(manifest.optionalDependencies ?? {}).toEqual({});
    expect(manifest.peerDependencies ?? {}).toEqual({});
  });

  it('installed offline from the tarball, screens a roster from another folder exactly as npm run screen does', () => {
    copyFileSync(join(ROOT, 'test', 'fixtures', 'deadlines.csv'), join(tmp, '名单.csv'));
    const r = run(['名单.csv', '--as-of', '2025-08-01']);
    expect(r.stderr).not.toMatch(/Error|Cannot find/);
    expect(r.code).toBe(0);
    const rows = Papa.parse<Record<string, string>>(r.stdout.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
    // 十一月底纳入低保: the 3-month notice period from 2024-11-30 ended 2025-02-28, so overdue on 2025-08-01
    expect(rows.find((x) => x.ref === '十一月底纳入低保')).toMatchObject({ row: '2', livingStatus: 'paid', total: '500', noticeLastOnTimeDay: '2025-02-28', noticeStatus: 'overdue' });
    const fromClone = spawnSync(process.execPath, ['scripts/screen.mjs', 'test/fixtures/deadlines.csv', '--as-of', '2025-08-01'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stdout).toBe(fromClone.stdout);
    expect(r.stderr).toBe(fromClone.stderr);
  });

  it('screens on two threads from the installed bundle with the same output', () => {
    copyFileSync(join(ROOT, 'test', 'fixtures', 'mixed.csv'), join(tmp, 'mixed.csv'));
    const one = run(['mixed.csv', '--as-of', '2025-08-01', '--lang', 'en']);
    const two = run(['mixed.csv', '--as-of', '2025-08-01', '--lang', 'en', '--jobs', '2']);
    expect(one.code).toBe(0);
    expect(one.stderr).toContain('Row 4:');
    expect(two.stdout).toBe(one.stdout);
    expect(two.stderr).toBe(one.stderr);
  });

  it('--help says how to use it in Chinese and in English, and --lang picks one', () => {
    const both = run(['--help']);
    expect(both.code).toBe(0);
    expect(both.stdout).toMatch(/^用法：tj-subsidy-screen /);
    expect(both.stdout).toContain('\nUsage: tj-subsidy-screen ');
    const en = run(['--help', '--lang', 'en']);
    expect(en.stdout).toMatch(/^Usage: tj-subsidy-screen /);
    expect(en.stdout).not.toContain('用法');
    const bad = run(['--as-of', 'tomorrow']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--as-of 的值“tomorrow”不是有效日期');
  });

  it('leaves nothing of the source tree in the installed package', () => {
    const installed = join(prefix, 'lib', 'node_modules', 'tianjin-disability-subsidies');
    expect(readdirSync(installed).sort()).toEqual(['README.md', 'bin', 'dist-cli', 'package.json']);
    expect(readFileSync(join(installed, 'bin', 'tj-subsidy-screen.mjs'), 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n/);
  });
});
