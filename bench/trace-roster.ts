/**
 * What the roster page's long main-thread tasks are: picks the realistic 100,000-row roster on
 * #/roster of a build (as bench/roster-browser.ts does) under Chromium's tracing, then lists every
 * task of the page's main thread that took 50 ms or more after the pick, with what ran inside it
 * (trace events by total time, and the JavaScript functions with the most self time from the
 * sampling profiler). Build without minifying to read the function names:
 *
 *   npx vite build --outDir /tmp/x --emptyOutDir --minify false && DIST_DIR=/tmp/x npx tsx bench/trace-roster.ts
 *
 * env: DIST_DIR, BENCH_PORT, ROWS (100000), TRACE_OUT (write the raw trace JSON there, to open in DevTools).
 * Prints findings; asserts nothing.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { writeRealistic } from './realistic';
import { waitForServer } from './serve';

const DIST = process.env.DIST_DIR ?? '/tmp/roster-dist';
const PORT = Number(process.env.BENCH_PORT ?? 4392);
const ROWS = Number(process.env.ROWS ?? 100_000);

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: Record<string, unknown>;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  parent?: number;
}

async function main() {
  const csvPath = join(mkdtempSync(join(tmpdir(), 'roster-trace-')), 'roster.csv');
  writeRealistic(csvPath, ROWS);
  const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--strictPort', '--port', String(PORT), '--outDir', DIST], { stdio: 'ignore', detached: true });
  const base = `http://127.0.0.1:${PORT}/`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    await waitForServer(base);
    if ((await (await fetch(base)).text()) !== readFileSync(join(DIST, 'index.html'), 'utf8')) throw new Error(`port ${PORT} serves another build; set BENCH_PORT`);
    const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    await page.goto(`${base}#/roster`);
    await page.getByLabel('筛查日期').fill('2025-09-01');
    const cdp = await context.newCDPSession(page);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (e) => {
      events.push(...(e.value as unknown as TraceEvent[]));
    });
    const finished = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.start', {
      transferMode: 'ReportEvents',
      traceConfig: {
        // PROFILE=0: no sampling profiler (its overhead lengthens the tasks), trace events only
        includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'v8', 'blink.user_timing', 'toplevel', ...(process.env.PROFILE === '0' ? [] : ['disabled-by-default-v8.cpu_profiler'])],
      },
    });
    await page.getByLabel('选择 CSV 文件').setInputFiles(csvPath);
    // CSS selectors only from here on: a role or label query computes the accessible name of every
    // element (the mapping step has hundreds of options), a long task of the measuring, not the page's
    const start = page.locator('.roster-mapping button[type="submit"]');
    const table = page.locator('table.roster-table');
    await Promise.race([start.waitFor({ timeout: 120_000 }), table.waitFor({ timeout: 120_000 })]);
    const choices = page.locator('.roster-mapping-list select').first();
    await Promise.race([choices.waitFor({ timeout: 120_000 }), table.waitFor({ timeout: 120_000 })]);
    if (await start.isVisible()) await start.click();
    await table.waitFor({ timeout: 120_000 });
    await page.waitForTimeout(500);
    await cdp.send('Tracing.end');
    await finished;
    if (process.env.TRACE_OUT) writeFileSync(process.env.TRACE_OUT, JSON.stringify({ traceEvents: events }));

    // the page's main thread: CrRendererMain of the renderer that ran our page
    const names = events.filter((e) => e.ph === 'M' && e.name === 'thread_name');
    const mains = names.filter((e) => (e.args as { name?: string })?.name === 'CrRendererMain');
    // the one with the most RunTask time
    let main = mains[0]!;
    let most = -1;
    for (const m of mains) {
      const t = events.filter((e) => e.pid === m.pid && e.tid === m.tid && e.ph === 'X').reduce((s, e) => s + (e.dur ?? 0), 0);
      if (t > most) {
        most = t;
        main = m;
      }
    }
    const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts);
    // top-level tasks only (a ThreadControllerImpl::RunTask holds a RunTask of the same span)
    const allTasks = onMain.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask');
    const tasks: TraceEvent[] = [];
    let until = 0;
    for (const e of allTasks) {
      if (e.ts < until) continue; // inside the task before
      until = e.ts + e.dur!;
      if (e.dur! >= 50_000) tasks.push(e);
    }

    // the sampling profile of the main thread: nodes and samples from ProfileChunk events
    const nodes = new Map<number, ProfileNode>();
    const samples: { ts: number; node: number }[] = [];
    const profileIds = new Set(events.filter((e) => e.name === 'Profile' && e.pid === main.pid && e.tid === main.tid).map((e) => e.id));
    let clock = 0;
    for (const e of events) {
      if (e.name === 'Profile' && profileIds.has(e.id)) clock = (e.args as { data: { startTime: number } }).data.startTime;
    }
    for (const e of events.filter((x) => x.name === 'ProfileChunk' && profileIds.has(x.id)).sort((a, b) => a.ts - b.ts)) {
      const d = (e.args as { data: { cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[] } }).data;
      for (const n of d.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
      const s = d.cpuProfile?.samples ?? [];
      const dt = d.timeDeltas ?? [];
      for (let i = 0; i < s.length; i++) {
        clock += dt[i] ?? 0;
        samples.push({ ts: clock, node: s[i]! });
      }
    }
    const label = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} ${(n.callFrame.url ?? '').replace(/^.*\//, '')}:${n.callFrame.lineNumber + 1}`;
    const stack = (id: number) => {
      const out: string[] = [];
      for (let n = nodes.get(id); n; n = n.parent !== undefined ? nodes.get(n.parent) : undefined) out.push(n.callFrame.functionName || '(anon)');
      return out;
    };
    // parents: nodes list children, not parents
    for (const n of nodes.values()) for (const c of (n as unknown as { children?: number[] }).children ?? []) {
      const child = nodes.get(c);
      if (child) child.parent = n.id;
    }

    const t0 = tasks.length ? onMain[0]!.ts : 0;
    console.log(`main thread pid ${main.pid} tid ${main.tid}; ${tasks.length} tasks ≥ 50 ms after the pick; ${samples.length} profile samples`);
    for (const task of tasks) {
      // the task that starts the profiler is the tracing's own
      if (onMain.some((e) => e.name === 'CpuProfiler::StartProfiling' && e.ts >= task.ts && e.ts <= task.ts + task.dur!)) continue;
      const end = task.ts + task.dur!;
      const inside = onMain.filter((e) => e !== task && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= end);
      const byName = new Map<string, number>();
      for (const e of inside) byName.set(e.name, (byName.get(e.name) ?? 0) + e.dur!);
      const top = [...byName.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8);
      const self = new Map<string, number>();
      const total = new Map<string, number>();
      const inTask = samples.filter((s) => s.ts >= task.ts && s.ts <= end);
      for (let i = 0; i < inTask.length; i++) {
        const s = inTask[i]!;
        const dt = (inTask[i + 1]?.ts ?? end) - s.ts;
        const n = nodes.get(s.node);
        if (!n) continue;
        self.set(label(n), (self.get(label(n)) ?? 0) + dt);
        const seen = new Set<string>();
        for (let p: ProfileNode | undefined = n; p; p = p.parent !== undefined ? nodes.get(p.parent) : undefined) {
          const l = label(p);
          if (seen.has(l)) continue;
          seen.add(l);
          total.set(l, (total.get(l) ?? 0) + dt);
        }
      }
      console.log(`\ntask at +${((task.ts - t0) / 1000).toFixed(0)} ms: ${(task.dur! / 1000).toFixed(0)} ms`);
      console.log('  events: ' + top.map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`).join(', '));
      // what ran inside, as a tree of the events of 5 ms or more (three levels)
      const tree = (parent: TraceEvent, depth: number) => {
        const pend = parent.ts + parent.dur!;
        let until = 0;
        for (const e of inside) {
          if (e === parent || e.ts < parent.ts || e.ts + e.dur! > pend || e.ts < until) continue;
          if (e.ts === parent.ts && e.dur === parent.dur) continue;
          until = e.ts + e.dur!;
          if (e.dur! < 5000) continue;
          const data = e.args?.data as { type?: string; functionName?: string } | undefined;
          console.log(`  ${'  '.repeat(depth)}${e.name}${data?.type ? ` (${data.type})` : ''}${data?.functionName ? ` ${data.functionName}` : ''} ${(e.dur! / 1000).toFixed(1)} ms`);
          if (depth < Number(process.env.DEPTH ?? 3)) tree(e, depth + 1);
        }
      };
      tree(task, 0);
      if (process.env.ALL) {
        const names = new Map<string, number>();
        for (const e of inside) names.set(e.name, (names.get(e.name) ?? 0) + 1);
        console.log('  all events inside (count): ' + [...names.entries()].map(([k, v]) => `${k} ${v}`).join(', '));
      }
      const fc = inside.filter((e) => e.name === 'FunctionCall' || e.name === 'EventDispatch' || e.name === 'FireAnimationFrame' || e.name === 'TimerFire' || e.name === 'v8.run');
      for (const e of fc.slice(0, 6)) console.log(`  ${e.name} ${(e.dur! / 1000).toFixed(1)} ms ${JSON.stringify(e.args?.data ?? {}).slice(0, 160)}`);
      console.log('  self: ' + [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`).join('; '));
      console.log('  total: ' + [...total.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`).join('; '));
      if (process.env.STACKS) {
        const st = new Map<string, number>();
        for (let i = 0; i < inTask.length; i++) {
          const k = stack(inTask[i]!.node).slice(0, 14).join(' < ');
          st.set(k, (st.get(k) ?? 0) + ((inTask[i + 1]?.ts ?? end) - inTask[i]!.ts));
        }
        for (const [k, v] of [...st.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log(`    ${(v / 1000).toFixed(1)} ${k}`);
      }
    }
    await context.close();
  } finally {
    await browser.close();
    try {
      if (server.pid) process.kill(-server.pid, 'SIGTERM');
    } catch {
      /* gone */
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
