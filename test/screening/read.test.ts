import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CsvReader, readCsv } from '../../src/screening/read';
import { toCsv } from '../../src/screening/write';

describe('reading CSV in one pass', () => {
  it('reads what papaparse reads for any well-formed file, however the text is cut into chunks', () => {
    const unit = fc.constantFrom('a', '低', ',', '"', '\n', ' ', 'x');
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit, maxLength: 5 }), { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 9 }), (rows, cut) => {
        const text = toCsv(rows.map((r) => r.map((c) => c.replace(/^[=+\-@\t\r ]+|\s+$/g, ''))));
        const expected = Papa.parse<string[]>(text, { delimiter: ',' }).data;
        const got: string[][] = [];
        const r = new CsvReader(',', (cells) => got.push(cells));
        for (let i = 0; i < text.length; i += cut) r.push(text.slice(i, i + cut));
        r.end();
        expect(got).toEqual(expected);
        expect(r.problems.filter((p) => p.kind === 'stray')).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('gives the line as it is for a row without quotes (written back unchanged), and null otherwise', () => {
    const lines: (string | null)[] = [];
    const r = new CsvReader(',', (_, line) => lines.push(line));
    r.push('a,b\r\n"c",d\n');
    r.end();
    expect(lines).toEqual(['a,b', null]);
  });

  it('reads a stray quote as a plain character and reports its row, instead of merging the rest of the file into one cell', () => {
    const rows = ['ref,grade', ...Array.from({ length: 1000 }, (_, i) => (i === 8 ? '"王五,一级' : `p${i},一级`))];
    const { rows: got, problems } = readCsv(rows.join('\r\n'), ',');
    expect(got).toHaveLength(1001);
    expect(got[9]).toEqual(['"王五', '一级']);
    expect(got[1000]).toEqual(['p999', '一级']);
    expect(problems).toEqual([{ row: 10, kind: 'stray' }]);
  });

  it('reports a quote that closes a cell followed by more text, and reads the rows after it', () => {
    const { rows, problems } = readCsv('h,i\n"a"b,c\nd,e\n', ',');
    expect(rows.slice(0, 3)).toEqual([['h', 'i'], ['"a"b', 'c'], ['d', 'e']]);
    expect(problems).toEqual([{ row: 2, kind: 'stray' }]);
  });

  it('reads a quoted cell with line breaks as one cell and says how many lines it covers', () => {
    const { rows, problems } = readCsv('h,i\n"a\nb\nc",d\ne,f', ',');
    expect(rows).toEqual([['h', 'i'], ['a\nb\nc', 'd'], ['e', 'f']]);
    expect(problems).toEqual([{ row: 2, kind: 'multiline', lines: 3 }]);
  });

  it('reads one very long line given in many small chunks whole, once', () => {
    const line = 'x'.repeat(2_000_000);
    const got: string[][] = [];
    const r = new CsvReader(',', (cells) => got.push(cells));
    for (let i = 0; i < line.length; i += 1000) r.push(line.slice(i, i + 1000));
    r.push(',y\n');
    r.end();
    expect(got).toHaveLength(1);
    expect(got[0]![0]!.length).toBe(2_000_000);
    expect(got[0]![1]).toBe('y');
  });
});
