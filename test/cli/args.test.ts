import { describe, expect, it } from 'vitest';
import { parseArgs, today } from '../../src/cli/args';

const TODAY = '2025-08-01';

describe('the screener options', () => {
  it('reads a file, --as-of, --format and --lang, in either "--name value" or "--name=value" form', () => {
    const r = parseArgs(['list.txt', '--as-of=2024-12-31', '--format', 'csv', '--lang', 'en', '--no-bom'], TODAY);
    expect(r).toEqual({ ok: true, options: expect.objectContaining({ file: 'list.txt', fileGiven: true, asOf: '2024-12-31', format: 'csv', lang: 'en', bom: false }) });
  });

  it('reads standard input, today, Chinese messages and a format from the content when nothing is given', () => {
    const r = parseArgs([], TODAY);
    expect(r).toEqual({ ok: true, options: expect.objectContaining({ file: '-', fileGiven: false, asOf: TODAY, format: null, lang: 'zh-CN', bom: true }) });
  });

  it('refuses an impossible --as-of date with a sentence in the chosen language', () => {
    expect(parseArgs(['--as-of', '2025-02-29', '--lang', 'en'], TODAY)).toEqual({ ok: false, lang: 'en', message: expect.stringContaining('--as-of "2025-02-29" is not a valid date') });
    expect(parseArgs(['--as-of', '1/8/2025'], TODAY)).toMatchObject({ ok: false, message: expect.stringContaining('不是有效日期') });
  });

  it('refuses unknown options, a missing value, a second file and an unknown format or language', () => {
    expect(parseArgs(['--fast'], TODAY)).toMatchObject({ ok: false, message: '未知的选项 --fast' });
    expect(parseArgs(['--as-of'], TODAY)).toMatchObject({ ok: false, message: expect.stringContaining('--as-of') });
    expect(parseArgs(['a.csv', 'b.csv', '--lang=en'], TODAY)).toMatchObject({ ok: false, message: 'Give at most one input file' });
    expect(parseArgs(['--format', 'xlsx'], TODAY)).toMatchObject({ ok: false });
    expect(parseArgs(['--lang', 'fr'], TODAY)).toMatchObject({ ok: false, lang: 'zh-CN' });
  });

  it('writes today as YYYY-MM-DD in local time', () => {
    expect(today(new Date(2025, 0, 5, 23, 59))).toBe('2025-01-05');
  });
});
