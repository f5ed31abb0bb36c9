/**
 * The command-line screener: npm run screen -- FILE [--as-of YYYY-MM-DD] [--format json|csv] [--lang zh-CN|en]
 *
 * CSV in → CSV out (the input columns + the result columns, one row per non-blank input row, the
 * problems of a bad row in its `error` column). JSON in (one record or an array) → JSON out (per
 * record its full result trace, or its errors). Bad rows never stop good ones. Exit codes: 0 done
 * (even with bad rows), 1 the input cannot be read at all, 2 bad options.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { Readable } from 'node:stream';
import type { Lang } from '../facts/parse';
import { parseArgs, today, type Format } from './args';
import { decodeInput, NotTextError, ReadFailure } from './input';
import { helpText, messages } from './messages';

const out = (s: string) => process.stdout.write(s);
const err = (s: string) => process.stderr.write(`${s}\n`);

/**
 * A file read in 256 kB chunks with synchronous reads: nothing else runs meanwhile, and it keeps
 * the main thread from waiting on the I/O thread pool between chunks (measurable when the cores are
 * busy). Opening throws at once for a missing file.
 */
function fileStream(path: string): Readable {
  const fd = openSync(path, 'r');
  const size = 256 * 1024;
  return new Readable({
    highWaterMark: size,
    read() {
      try {
        const buf = Buffer.allocUnsafe(size);
        const n = readSync(fd, buf, 0, size, null);
        if (n === 0) {
          closeSync(fd);
          this.push(null);
        } else this.push(n === size ? buf : buf.subarray(0, n));
      } catch (e) {
        this.destroy(e as Error);
      }
    },
  });
}

function sniff(file: string, head: string): Format {
  const lower = file.toLowerCase();
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.csv') || lower.endsWith('.tsv')) return 'csv';
  const c = head.trimStart()[0];
  return c === '{' || c === '[' ? 'json' : 'csv';
}

async function collect(head: string, rest: AsyncGenerator<string>): Promise<string> {
  const parts = [head];
  for await (const s of rest) parts.push(s);
  return parts.join('');
}

async function main(argv: string[]): Promise<number> {
  const started = performance.now();
  const parsedArgs = parseArgs(argv, today());
  if (!parsedArgs.ok) {
    err(parsedArgs.message);
    err(messages(parsedArgs.lang).usage);
    return 2;
  }
  const o = parsedArgs.options;
  const m = messages(o.lang);
  if (o.help) {
    const langGiven = argv.some((a) => a === '--lang' || a.startsWith('--lang='));
    out(`${helpText(langGiven ? o.lang : null)}\n`);
    return 0;
  }
  if (!o.fileGiven && process.stdin.isTTY) {
    // nothing piped in and no file named: say how to use it rather than wait for typing
    err(m.usage);
    return 2;
  }
  const name = o.file === '-' ? 'stdin' : o.file;
  try {
    const stream = await Promise.resolve()
      .then(() => (o.file === '-' ? process.stdin : fileStream(o.file)))
      .catch((e: NodeJS.ErrnoException) => {
        throw new ReadFailure(m.cannotRead(name, e.code === 'ENOENT' ? (o.lang === 'zh-CN' ? '文件不存在' : 'no such file') : e.message));
      });
    const decoded = await decodeInput(stream).catch((e: NodeJS.ErrnoException) => {
      if (e instanceof NotTextError) throw new ReadFailure(m.binary);
      throw new ReadFailure(m.cannotRead(name, e.code === 'ENOENT' ? (o.lang === 'zh-CN' ? '文件不存在' : 'no such file') : e.message));
    });
    if (decoded.head.trim() === '') throw new ReadFailure(m.empty);
    if (decoded.encoding === 'gbk') err(m.gbk);
    const format = o.format ?? sniff(o.file, decoded.head);
    const loading = performance.now();
    const { canUseThreads, coveredFrom, screenCsv, screenCsvBytes, screenCsvThreads, screenJson } = await import('./screening');
    const loaded = performance.now();
    if (o.asOf < coveredFrom()) err(m.notCovered(o.asOf, coveredFrom()));
    const jobs = o.jobs ?? 1;
    const threaded = format === 'csv' && jobs > 1 && o.file !== '-' && canUseThreads();
    const report =
      format === 'json'
        ? await screenJson(await collect(decoded.head, decoded.rest), o, m)
        : threaded
          ? await screenCsvThreads(await collect(decoded.head, decoded.rest), o, m, jobs)
          : decoded.encoding === 'utf-8'
            ? await screenCsvBytes(decoded.bytes, decoded.head, o, m)
            : await screenCsv(decoded.rest, decoded.head, o, m);
    const counts = report.counts;
    err(m.summary(counts));
    if (o.stats) {
      // ms: screening after the rules, engine and readers were loaded; loadMs: loading them
      const stats = {
        rows: counts.rows,
        threads: report.threads,
        fromBytes: report.fromBytes ?? 0,
        ms: Math.round(performance.now() - loaded),
        loadMs: Math.round(loaded - loading),
        sinceStartMs: Math.round(performance.now() - started),
        maxRssKb: process.resourceUsage().maxRSS,
      };
      err(`stats ${JSON.stringify(stats)}`);
    }
    return 0;
  } catch (e) {
    if (e instanceof ReadFailure) {
      err(e.message);
      return 1;
    }
    if (e instanceof NotTextError) {
      err(m.binary);
      return 1;
    }
    throw e;
  }
}

const langOf = (argv: string[]): Lang => (argv.includes('en') || argv.includes('--lang=en') ? 'en' : 'zh-CN');

// the reader of our output went away (`… | head`): stop quietly, as other command-line tools do
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    err(`${langOf(process.argv) === 'en' ? 'Unexpected error' : '意外错误'}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    process.exitCode = 1;
  },
);
