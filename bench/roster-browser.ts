/**
 * Roster screening in the browser, measured: a 100,000-row CSV is picked on the roster page
 * (#/roster) of a production build, and the script reports
 *   - rows per second from the file input's change event to the results table being in the page,
 *   - the peak JS heap of the page and of the screening workers (CDP Runtime.getHeapUsage, sampled every 50 ms),
 *   - the longest main-thread task from the pick to the frame that shows the table
 *     (PerformanceObserver 'longtask'; VERBOSE=1 lists each; bench/trace-roster.ts tells what they are).
 *
 * Usage: npx vite build --outDir /tmp/roster-dist && npx tsx bench/roster-browser.ts
 *   env: DIST_DIR (default /tmp/roster-dist), BENCH_PORT (4392), ROWS (100000), RUNS (3),
 *   KIND (realistic: a street office's roster with Chinese headers and values, bench/realistic.ts;
 *   generated: one column per fact field). The command-line screener screens the same file in the
 *   same run, and the ratio browser / command line is printed.
 * Prints numbers; asserts nothing.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { factsToRow, generateFacts, rng } from './generate';
import { writeRealistic } from './realistic';
import { FACT_FIELDS } from '../src/facts/schema';
import { RosterCore } from '../src/roster/core';
import { proposeMapping } from '../src/roster/mapping';
import { waitForServer } from './serve';

const DIST = process.env.DIST_DIR ?? '/tmp/roster-dist';
const PORT = Number(process.env.BENCH_PORT ?? 4392);
const ROWS = Number(process.env.ROWS ?? 100_000);
const RUNS = Number(process.env.RUNS ?? 3);
const KIND = process.env.KIND ?? 'realistic';

function makeCsv(n: number): Buffer {
  const r = rng(20250901);
  const lines = [FACT_FIELDS.join(',')];
  for (let i = 0; i < n; i++) {
    const cells = factsToRow(generateFacts(r), FACT_FIELDS, r).map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c));
    lines.push(cells.join(','));
  }
  return Buffer.from('\uFEFF' + lines.join('\r\n') + '\r\n', 'utf8');
}

/**
 * Reads the screening worker's JS heap: attach to the worker target through the browser's CDP
 * session and ask Runtime.getHeapUsage (messages relayed with Target.sendMessageToTarget).
 */
async function workerHeapReader(browser: Browser): Promise<() => Promise<number>> {
  const b = await browser.newBrowserCDPSession();
  const sessions = new Map<string, string>(); // targetId → sessionId
  let next = 1;
  const pending = new Map<number, (v: { usedSize?: number }) => void>();
  b.on('Target.receivedMessageFromTarget', (e: { sessionId: string; message: string }) => {
    const m = JSON.parse(e.message) as { id?: number; result?: { usedSize?: number } };
    if (m.id && pending.has(m.id)) {
      pending.get(m.id)!(m.result ?? {});
      pending.delete(m.id);
    }
  });
  /** the sum over all screening workers of the page */
  return async () => {
    const { targetInfos } = (await b.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
    for (const t of targetInfos)
      if (t.type === 'worker' && t.url.includes('screen.worker') && !sessions.has(t.targetId))
        sessions.set(t.targetId, ((await b.send('Target.attachToTarget', { targetId: t.targetId, flatten: false })) as { sessionId: string }).sessionId);
    let total = 0;
    for (const sessionId of sessions.values()) {
      const id = next++;
      const got = new Promise<{ usedSize?: number }>((resolve) => {
        pending.set(id, resolve);
        setTimeout(() => resolve({}), 2000);
      });
      await b.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method: 'Runtime.getHeapUsage' }) }).catch(() => undefined);
      total += (await got).usedSize ?? 0;
    }
    return total;
  };
}

const mb = (b: number) => (b / 1024 / 1024).toFixed(1);

async function main() {
  // a real file, so Playwright hands it to the browser as a file (not a buffer built in the page)
  const csvPath = join(mkdtempSync(join(tmpdir(), 'roster-bench-')), 'roster-100k.csv');
  if (KIND === 'realistic') writeRealistic(csvPath, ROWS);
  else writeFileSync(csvPath, makeCsv(ROWS));
  const csv = readFileSync(csvPath);
  console.log(`roster-browser: ${ROWS} rows, ${mb(csv.length)} MB CSV, build ${DIST}; ${cpus().length} CPUs, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--strictPort', '--port', String(PORT), '--outDir', DIST], { stdio: 'ignore', detached: true });
  const stop = () => {
    try {
      if (server.pid) process.kill(-server.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  };
  const base = `http://127.0.0.1:${PORT}/`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--enable-precise-memory-info'],
  });
  try {
    await waitForServer(base);
    // make sure the server on that port is ours (serving DIST), not someone else's
    if ((await (await fetch(base)).text()) !== readFileSync(join(DIST, 'index.html'), 'utf8')) throw new Error(`port ${PORT} serves another build; set BENCH_PORT`);
    const results: { ms: number; workerMs: number; longest: number; longCount: number; heapPage: number; heapWorker: number }[] = [];
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
      const page = await context.newPage();
      await page.addInitScript(() => {
        const w = window as unknown as { __long: { start: number; duration: number }[]; __t0: number; __t1: number };
        w.__long = [];
        w.__t0 = 0;
        w.__t1 = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) w.__long.push({ start: e.startTime, duration: e.duration });
        }).observe({ type: 'longtask', buffered: true });
        document.addEventListener('change', (e) => {
          if ((e.target as HTMLInputElement).type === 'file') w.__t0 = performance.now();
        }, true);
        // time spent handling each kind of worker message (the page's share of the work)
        const handled: Record<string, { n: number; total: number; max: number }> = {};
        (window as unknown as { __handled: typeof handled }).__handled = handled;
        const Native = window.Worker;
        window.Worker = class extends Native {
          set onmessage(fn: ((e: MessageEvent) => void) | null) {
            super.onmessage = fn
              ? (e: MessageEvent) => {
                  const t = performance.now();
                  fn.call(this, e);
                  const d = performance.now() - t;
                  const k = (handled[(e.data as { type: string }).type] ??= { n: 0, total: 0, max: 0 });
                  k.n++;
                  k.total += d;
                  k.max = Math.max(k.max, d);
                }
              : null;
          }
          get onmessage() {
            return super.onmessage;
          }
        } as typeof Worker;
        new MutationObserver(() => {
          if (!w.__t1 && document.querySelector('table.roster-table')) w.__t1 = performance.now();
        }).observe(document, { childList: true, subtree: true });
      });
      await page.goto(`${base}#/roster`);
      await page.getByLabel('筛查日期').fill('2025-09-01');
      const cdp = await context.newCDPSession(page);
      const workerHeap = await workerHeapReader(browser);
      let heapPage = 0;
      let heapWorker = 0;
      let sampling = true;
      const sampler = (async () => {
        while (sampling) {
          try {
            const h = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
            heapPage = Math.max(heapPage, h.usedSize);
            heapWorker = Math.max(heapWorker, await workerHeap());
          } catch {
            /* page busy or closing */
          }
          await new Promise((r) => setTimeout(r, 50));
        }
      })();
      await page.getByLabel('选择 CSV 文件').setInputFiles(csvPath);
      // Chinese headers: the mapping step asks to confirm the proposed columns (the time on it is left
      // out); a person reads the columns' choices first, so the click waits until they are shown
      // CSS selectors only from here on: a role or label query computes the accessible name of every
      // element (the mapping step has hundreds of options), a long task of the measuring, not the page's
      const start = page.locator('.roster-mapping button[type="submit"]');
      const choices = page.locator('.roster-mapping-list select').first();
      const table = page.locator('table.roster-table');
      await Promise.race([choices.waitFor({ timeout: 120_000 }), table.waitFor({ timeout: 120_000 })]);
      let mappingMs = 0;
      if (await choices.isVisible()) {
        mappingMs = await page.evaluate(() => performance.now() - (window as unknown as { __t0: number }).__t0);
        await page.evaluate(() => ((window as unknown as { __tStart: number }).__tStart = performance.now()));
        await start.click();
        mappingMs = (await page.evaluate(() => (window as unknown as { __tStart: number }).__tStart - (window as unknown as { __t0: number }).__t0)) - mappingMs;
      }
      await table.waitFor({ timeout: 120_000 });
      sampling = false;
      await sampler;
      // The task that put the table in the page is still running when the table appears, and the
      // observer reports a long task only after it ends: wait for the frame that shows the table
      // (its style, layout and paint are the screening's too), then let the observer deliver.
      const m = await page.evaluate(async () => {
        const w = window as unknown as { __long: { start: number; duration: number }[]; __t0: number; __t1: number };
        await new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        const t2 = performance.now();
        await new Promise((r) => setTimeout(r, 500));
        // from the pick to the frame that shows the table (not the page's load before, nor anything after)
        const during = w.__long.filter((l) => l.start + l.duration >= w.__t0 && l.start <= t2);
        return {
          t0: w.__t0,
          t1: w.__t1,
          longest: Math.max(0, ...during.map((l) => l.duration)),
          longCount: during.length,
          during: during.map((l) => `+${Math.round(l.start - w.__t0)}: ${Math.round(l.duration)}`),
          handled: (window as unknown as { __handled: unknown }).__handled,
        };
      });
      if (process.env.VERBOSE) console.log('  long tasks after the pick (ms after it: duration)', m.during.join(', '), '\n  message handlers', JSON.stringify(m.handled));
      const shown = await page.locator('.roster-results > p').first().textContent();
      const workerMs = Number(/用时 ([\d.]+) 秒/.exec(shown ?? '')?.[1] ?? NaN) * 1000;
      const ms = m.t1 - m.t0 - mappingMs;
      results.push({ ms, workerMs, longest: m.longest, longCount: m.longCount, heapPage, heapWorker });
      console.log(
        `run ${run + 1}: ${ms.toFixed(0)} ms pick→table (${Math.round(ROWS / (ms / 1000))} rows/s; worker screening ${workerMs.toFixed(0)} ms), ` +
          `longest main-thread task ${m.longest.toFixed(0)} ms (${m.longCount} tasks ≥ 50 ms), peak heap page ${mb(heapPage)} MB, workers (sum) ${heapWorker ? mb(heapWorker) + ' MB' : 'n/a'}`,
      );
      await context.close();
    }
    const sorted = [...results].sort((a, b) => a.ms - b.ms);
    const med = sorted[Math.floor(sorted.length / 2)]!;
    console.log(
      `median: ${med.ms.toFixed(0)} ms for ${ROWS} rows = ${Math.round(ROWS / (med.ms / 1000))} rows/s; ` +
        `worst longest task ${Math.max(...results.map((r) => r.longest)).toFixed(0)} ms; ` +
        `peak heap page ${mb(Math.max(...results.map((r) => r.heapPage)))} MB, workers (sum) ${mb(Math.max(...results.map((r) => r.heapWorker)))} MB`,
    );
    // the command-line screener on the same file, in the same run
    const cli: number[] = [];
    execFileSync(process.execPath, ['scripts/screen.mjs', '--build-only']);
    for (let run = 0; run < RUNS; run++) {
      const t = performance.now();
      execFileSync(process.execPath, ['scripts/screen.mjs', csvPath, '--as-of', '2025-09-01'], { stdio: ['ignore', 'ignore', 'ignore'], maxBuffer: 1 << 30 });
      cli.push(performance.now() - t);
      console.log(`cli run ${run + 1}: ${cli[run]!.toFixed(0)} ms (wall, process start to exit, output to /dev/null)`);
    }
    const cliMed = [...cli].sort((a, b) => a - b)[Math.floor(cli.length / 2)]!;
    console.log(`browser / command line (medians, same file, same run): ${med.ms.toFixed(0)} ms / ${cliMed.toFixed(0)} ms = ${(med.ms / cliMed).toFixed(2)}×`);
  } finally {
    await browser.close();
    stop();
  }
  // the same screening core in this Node process, one thread: CPU time is less disturbed by other load
  // the columns as the page maps them: the header matcher's proposal for the file's own headers
  let headers: string[] = [];
  const core = new RosterCore({
    post: (m) => {
      if (m.type === 'loaded') headers = m.headers;
    },
    yieldTurn: () => Promise.resolve(),
  });
  const bytes = csv.buffer.slice(csv.byteOffset, csv.byteOffset + csv.byteLength) as ArrayBuffer;
  for (let i = 0; i < 2; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await core.handle({ type: 'load', job: i, bytes });
    await core.handle({ type: 'screen', job: i, mapping: proposeMapping(headers), asOf: '2025-09-01' });
    const c = process.cpuUsage(c0);
    console.log(`screening core in Node (one thread), pass ${i + 1}: ${((c.user + c.system) / 1000).toFixed(0)} ms CPU, ${(performance.now() - t0).toFixed(0)} ms wall`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
