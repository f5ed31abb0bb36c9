/**
 * The screening itself, for src/cli/screen.ts: loaded only once the options are good and the input
 * is readable, so that usage errors and --help answer at once.
 */
import { Readable } from 'node:stream';
import Papa from 'papaparse';
import { rules } from '../../rules';
import { evaluate } from '../engine/evaluate';
import { CsvScreener, detectDelimiter, errorText, toCsv } from '../facts/csv';
import { formatIssue, parseFactsObject } from '../facts/parse';
import type { Options } from './args';
import { NotTextError, ReadFailure } from './input';
import type { Messages } from './messages';

const out = (s: string) => process.stdout.write(s);
const err = (s: string) => process.stderr.write(`${s}\n`);

/** The first date the rules cover. */
export const coveredFrom = (): string => rules.instrument.inForceFrom;

/** How many bad rows are listed on standard error; the rest are only in the output. */
const MAX_LISTED = 20;

export interface Counts {
  ok: number;
  bad: number;
}

export async function screenJson(text: string, o: Options, m: Messages): Promise<Counts> {
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

export function screenCsv(text: AsyncGenerator<string>, head: string, o: Options, m: Messages): Promise<Counts> {
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

