/**
 * The command-line screener: npm run screen -- FILE [--as-of YYYY-MM-DD] [--format json|csv] [--lang zh-CN|en]
 *
 * CSV in → CSV out (the input columns + the result columns, one row per non-blank input row, the
 * problems of a bad row in its `error` column). JSON in (one record or an array) → JSON out (per
 * record its full result trace, or its errors). Bad rows never stop good ones. Exit codes: 0 done
 * (even with bad rows), 1 the input cannot be read at all, 2 bad options.
 */
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import Papa from 'papaparse';
import { rules } from '../../rules';
import { evaluate } from '../engine/evaluate';
import { CsvScreener, detectDelimiter, errorText, toCsv } from '../facts/csv';
import { formatIssue, parseFactsObject, type Lang } from '../facts/parse';
import { parseArgs, today, type Format, type Options } from './args';
import { decodeInput, NotTextError } from './input';
import { messages, type Messages } from './messages';

/** How many bad rows are listed on standard error; the rest are only in the output. */
const MAX_LISTED = 20;

class ReadFailure extends Error {}

const out = (s: string) => process.stdout.write(s);
const err = (s: string) => process.stderr.write(`${s}\n`);

function sniff(file: string, head: string): Format {
  const lower = file.toLowerCase();
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.csv') || lower.endsWith('.txt') || lower.endsWith('.tsv')) return 'csv';
  const c = head.trimStart()[0];
  return c === '{' || c === '[' ? 'json' : 'csv';
}

interface Counts {
  ok: number;
  bad: number;
}

async function screenJson(text: string, o: Options, m: Messages): Promise<Counts> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new ReadFailure(m.badJson((e as Error).message));
  }
  if (typeof data !== 'object' || data === null) throw new ReadFailure(m.notRecords);
  const many = Array.isArray(data);
  const records: unknown[] = Array.isArray(data) ? data : [data];
  const counts: Counts = { ok: 0, bad: 0 };
  const items: string[] = [];
  records.forEach((rec, index) => {
    const parsed = parseFactsObject(rec);
    if (!parsed.ok) {
      counts.bad++;
      const errors = parsed.issues.map((i) => ({ field: i.field, value: i.value, code: i.code, message: formatIssue(i, o.lang) }));
      if (counts.bad <= MAX_LISTED) err(m.recordError(index, errorText(parsed.issues, o.lang)));
      items.push(JSON.stringify({ index, errors }, null, 2));
    } else {
      counts.ok++;
      const ref = parsed.facts.ref;
      items.push(JSON.stringify({ index, ...(ref !== undefined ? { ref } : {}), result: evaluate(parsed.facts, { asOf: o.asOf }) }, null, 2));
    }
  });
  if (counts.bad > MAX_LISTED) err(m.moreErrors(counts.bad - MAX_LISTED));
  out(many ? `[\n${items.join(',\n')}\n]\n` : `${items[0]}\n`);
  return counts;
}

function screenCsv(text: AsyncGenerator<string>, head: string, o: Options, m: Messages): Promise<Counts> {
  const s = new CsvScreener(o.asOf, o.lang);
  const counts: Counts = { ok: 0, bad: 0 };
  const input = Readable.from(
    (async function* () {
      yield head;
      yield* text;
    })(),
  );
  return new Promise<Counts>((resolve, reject) => {
    let failure: Error | null = null;
    let headerWritten = false;
    const writeHeader = () => {
      if (headerWritten || !s.header) return;
      headerWritten = true;
      if (s.header.unknownColumns.length) err(m.unknownColumns(s.header.unknownColumns.join(', ')));
      out((o.bom ? '\uFEFF' : '') + toCsv([s.header.outputColumns]) + '\r\n');
    };
    Papa.parse<string[]>(input as unknown as File, {
      skipEmptyLines: false,
      delimiter: detectDelimiter(head.trimStart()),
      chunk(results, parser) {
        const rows: string[][] = [];
        for (const cells of results.data) {
          const wasHeader = !s.header;
          const outcome = s.push(cells);
          if (wasHeader && s.header) {
            if (!s.hasFactColumns) {
              failure = new ReadFailure(m.notFactsCsv(s.header.headers.join(', ').slice(0, 300)));
              reject(failure);
              parser.abort();
              input.destroy();
              return;
            }
            writeHeader();
          }
          if (!outcome) continue;
          if (outcome.errors.length) {
            counts.bad++;
            if (counts.bad <= MAX_LISTED) err(m.rowError(outcome.row, errorText(outcome.errors, o.lang)));
          } else counts.ok++;
          rows.push(s.outputRow(outcome));
        }
        if (rows.length) out(toCsv(rows) + '\r\n');
      },
      complete() {
        if (failure) return;
        writeHeader();
        if (counts.bad > MAX_LISTED) err(m.moreErrors(counts.bad - MAX_LISTED));
        resolve(counts);
      },
      error(e: Error) {
        reject(e instanceof NotTextError ? new ReadFailure(m.binary) : e);
      },
    });
    input.on('error', (e) => reject(e instanceof NotTextError ? new ReadFailure(m.binary) : e));
  });
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
    out(`${m.usage}\n`);
    return 0;
  }
  if (!o.fileGiven && process.stdin.isTTY) {
    // nothing piped in and no file named: say how to use it rather than wait for typing
    err(m.usage);
    return 2;
  }
  const name = o.file === '-' ? 'stdin' : o.file;
  try {
    const stream = o.file === '-' ? process.stdin : createReadStream(o.file, { highWaterMark: 256 * 1024 });
    const decoded = await decodeInput(stream).catch((e: NodeJS.ErrnoException) => {
      if (e instanceof NotTextError) throw new ReadFailure(m.binary);
      throw new ReadFailure(m.cannotRead(name, e.code === 'ENOENT' ? (o.lang === 'zh-CN' ? '文件不存在' : 'no such file') : e.message));
    });
    if (decoded.head.trim() === '') throw new ReadFailure(m.empty);
    if (decoded.encoding === 'gb18030') err(m.gbk);
    const format = o.format ?? sniff(o.file, decoded.head);
    if (o.asOf < rules.instrument.inForceFrom) err(m.notCovered(o.asOf, rules.instrument.inForceFrom));
    const counts =
      format === 'json'
        ? await screenJson(await collect(decoded.head, decoded.rest), o, m)
        : await screenCsv(decoded.rest, decoded.head, o, m);
    err(m.summary(counts.ok, counts.bad));
    if (o.stats) {
      const ms = performance.now() - started;
      err(`stats ${JSON.stringify({ rows: counts.ok + counts.bad, ms: Math.round(ms), maxRssKb: process.resourceUsage().maxRSS })}`);
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

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    err(`${langOf(process.argv) === 'en' ? 'Unexpected error' : '意外错误'}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    process.exitCode = 1;
  },
);
