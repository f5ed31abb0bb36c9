/**
 * The command-line screener's own words, zh-CN first and English second. Field and value messages
 * come from formatIssue (src/facts/parse.ts); these are the few sentences about the run itself.
 * (The CLI is a Node program outside the app bundle, so it keeps this small table instead of
 * loading i18next.)
 */
import type { Lang } from '../facts/parse';
import type { Counts } from '../screening/tally';

export const MESSAGES = {
  'zh-CN': {
    usage: `用法：tj-subsidy-screen [文件] [--as-of 年-月-日] [--format json|csv] [--lang zh-CN|en] [--no-bom] [--jobs N]
（在源码目录中：npm run screen -- [文件] …）
  文件      CSV（首行为栏目名）或 JSON（一条记录或数组）；省略或写 - 则读标准输入
  --as-of   按哪一天的政策计算，默认今天
  --format  输入格式；默认按扩展名或内容判断（以 { 或 [ 开头即 JSON）；输出格式与输入相同
  --lang    错误信息的语言，默认 zh-CN
  --no-bom  输出 CSV 时不写 UTF-8 BOM（默认写，便于 Excel 正确显示中文）
  --jobs    用几个线程筛查 CSV 文件（1–16，默认 1）；处理器核多、文件大时可加快
  -h, --help  显示本说明
例：tj-subsidy-screen 名单.csv --as-of 2026-12-01 > 筛查结果.csv
结果写到标准输出，提示和有错误的行写到标准错误。退出码：0 已筛查（即使有错误行），1 输入无法读取，2 选项有误。
不联网，数据不离开本机。`,
    unknownOption: (o: string) => `未知的选项 ${o}`,
    missingValue: (o: string) => `选项 ${o} 需要一个值`,
    badAsOf: (v: string) => `--as-of 的值“${v}”不是有效日期：请按 年-月-日 填写，如 2025-07-01`,
    badFormat: (v: string) => `--format 的值“${v}”无效：可填 json、csv`,
    badLang: (v: string) => `--lang 的值“${v}”无效：可填 zh-CN、en`,
    badJobs: (v: string) => `--jobs 的值“${v}”无效：可填 1 到 16 的整数`,
    tooManyFiles: '只能给一个输入文件',
    cannotRead: (f: string, why: string) => `无法读取输入 ${f}：${why}`,
    empty: '输入是空的：没有可筛查的记录',
    binary: '输入不是文本（CSV 或 JSON）',
    badJson: (why: string) => `输入不是有效的 JSON：${why}`,
    notFactsCsv: (headers: string) => `输入不是事实表 CSV：首行没有任何可识别的栏目（见到的是：${headers}）`,
    notRecords: 'JSON 应为一条记录（对象）或记录数组',
    unknownColumns: (cols: string) => `提示：这些栏目不属于事实表，原样保留，不参与计算：${cols}`,
    notCovered: (asOf: string, from: string) => `提示：${asOf} 早于本政策施行日 ${from}，所有记录都显示为“不在本政策范围内”（notCovered）`,
    rowError: (row: number, text: string) => `第 ${row} 行：${text}`,
    recordError: (index: number, text: string) => `第 ${index + 1} 条记录（index ${index}）：${text}`,
    moreErrors: (n: number) => `……另有 ${n} 行有错误（见输出的 error 栏）`,
    moreNotes: (n: number) => `……另有 ${n} 处引号问题`,
    summary: (c: Counts) =>
      `已筛查 ${c.rows} 条：${c.rows - c.error} 条有结果，${c.error} 条有错误` +
      (c.title || c.summary ? `；跳过标题行 ${c.title} 行、合计行 ${c.summary} 行` : ''),
    gbk: '提示：输入按 GB18030/GBK 编码读取',
  },
  en: {
    usage: `Usage: tj-subsidy-screen [FILE] [--as-of YYYY-MM-DD] [--format json|csv] [--lang zh-CN|en] [--no-bom] [--jobs N]
(in a clone of the source: npm run screen -- [FILE] …)
  FILE      CSV (header row of field names) or JSON (one record or an array); none or - reads standard input
  --as-of   the date the rules are applied for; default today
  --format  the input format; default from the extension or the content (JSON if it starts with { or [); output has the same format
  --lang    language of the messages; default zh-CN
  --no-bom  do not start CSV output with a UTF-8 BOM (written by default so that Excel shows Chinese correctly)
  --jobs    how many threads screen a CSV file (1–16, default 1); may help with a large file on a machine with many cores
  -h, --help  show this help
Example: tj-subsidy-screen roster.csv --as-of 2026-12-01 > screened.csv
Results go to standard output; notes and bad rows to standard error. Exit code: 0 screened (even with bad rows), 1 the input cannot be read, 2 a bad option.
Works offline; no data leaves this computer.`,
    unknownOption: (o: string) => `Unknown option ${o}`,
    missingValue: (o: string) => `Option ${o} needs a value`,
    badAsOf: (v: string) => `--as-of "${v}" is not a valid date; write it as YYYY-MM-DD, e.g. 2025-07-01`,
    badFormat: (v: string) => `--format "${v}" is not allowed; use json or csv`,
    badLang: (v: string) => `--lang "${v}" is not allowed; use zh-CN or en`,
    badJobs: (v: string) => `--jobs "${v}" is not allowed; use a whole number from 1 to 16`,
    tooManyFiles: 'Give at most one input file',
    cannotRead: (f: string, why: string) => `Cannot read the input ${f}: ${why}`,
    empty: 'The input is empty: there is nothing to screen',
    binary: 'The input is not text (CSV or JSON)',
    badJson: (why: string) => `The input is not valid JSON: ${why}`,
    notFactsCsv: (headers: string) => `The input is not a facts CSV: its first row names no known column (it has: ${headers})`,
    notRecords: 'JSON must be one record (an object) or an array of records',
    unknownColumns: (cols: string) => `Note: these columns are not facts; they are kept as they are and read by no rule: ${cols}`,
    notCovered: (asOf: string, from: string) => `Note: ${asOf} is before the rules took effect on ${from}; every record is shown as not covered (notCovered)`,
    rowError: (row: number, text: string) => `Row ${row}: ${text}`,
    recordError: (index: number, text: string) => `Record ${index + 1} (index ${index}): ${text}`,
    moreErrors: (n: number) => `…and ${n} more rows with errors (see the error column of the output)`,
    moreNotes: (n: number) => `…and ${n} more quote problems`,
    summary: (c: Counts) =>
      `Screened ${c.rows}: ${c.rows - c.error} with a result, ${c.error} with errors` + (c.title || c.summary ? `; skipped ${c.title} title and ${c.summary} summary rows` : ''),
    gbk: 'Note: the input was read as GB18030/GBK',
  },
} satisfies Record<Lang, Record<string, unknown>>;

export type Messages = (typeof MESSAGES)['en'];
export const messages = (lang: Lang): Messages => MESSAGES[lang];

/** --help: in the language asked for with --lang, else Chinese then English. */
export const helpText = (lang: Lang | null): string => (lang ? MESSAGES[lang].usage : `${MESSAGES['zh-CN'].usage}\n\n${MESSAGES.en.usage}`);
