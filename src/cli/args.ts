/** Command-line options of the screener. Pure: no process access, so it is easy to test. */
import { isIsoDate, type Lang } from '../facts/parse';
import { messages } from './messages';

export type Format = 'json' | 'csv';

export interface Options {
  /** a path, or '-' for standard input */
  file: string;
  asOf: string;
  format: Format | null;
  lang: Lang;
  bom: boolean;
  help: boolean;
  /** hidden: timing and peak memory to standard error, for the benchmark */
  stats: boolean;
  /** how many threads screen a CSV file (null: one; see README for when more help) */
  jobs: number | null;
  /** a file (or '-') was named */
  fileGiven: boolean;
}

export type ArgsOutcome = { ok: true; options: Options } | { ok: false; lang: Lang; message: string };

const LANGS: readonly Lang[] = ['zh-CN', 'en'];

/** Today as YYYY-MM-DD in the machine's own time zone. */
export function today(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

export function parseArgs(argv: readonly string[], defaultAsOf: string): ArgsOutcome {
  // the language is read first so that every other message can use it
  let lang: Lang = 'zh-CN';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const v = a.startsWith('--lang=') ? a.slice(7) : a === '--lang' ? argv[i + 1] : undefined;
    if (v !== undefined && (LANGS as string[]).includes(v)) lang = v as Lang;
  }
  const m = messages(lang);
  const fail = (message: string): ArgsOutcome => ({ ok: false, lang, message });
  const o: Options = { file: '-', asOf: defaultAsOf, format: null, lang, bom: true, help: false, stats: false, jobs: null, fileGiven: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-' || !arg.startsWith('-')) {
      if (o.fileGiven) return fail(m.tooManyFiles);
      o.file = arg;
      o.fileGiven = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const takesValue = name === '--as-of' || name === '--format' || name === '--lang' || name === '--jobs';
    let value: string | undefined;
    if (takesValue) {
      value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || value === '') return fail(m.missingValue(name));
    } else if (eq > 0) return fail(m.unknownOption(arg));
    switch (name) {
      case '--as-of':
        if (!isIsoDate(value!)) return fail(m.badAsOf(value!));
        o.asOf = value!;
        break;
      case '--format':
        if (value !== 'json' && value !== 'csv') return fail(m.badFormat(value!));
        o.format = value;
        break;
      case '--lang':
        if (!(LANGS as string[]).includes(value!)) return fail(m.badLang(value!));
        break;
      case '--jobs':
        if (!/^([1-9]|1[0-6])$/.test(value!)) return fail(m.badJobs(value!));
        o.jobs = Number(value);
        break;
      case '--no-bom':
        o.bom = false;
        break;
      case '--stats':
        o.stats = true;
        break;
      case '-h':
      case '--help':
        o.help = true;
        break;
      default:
        return fail(m.unknownOption(arg));
    }
  }
  return { ok: true, options: o };
}
