import { describe, expect, it } from 'vitest';
import { quotedSpans, splitRanges } from '../../src/screening/split';

describe('cutting a file into parts of whole rows', () => {
  it('cuts a text without quotes at line breaks after the header, with each part\'s first row number', () => {
    const text = ['h', '', 'a', 'b', 'c', 'd', 'e', 'f'].join('\n');
    const ranges = splitRanges(text, 3, 1);
    expect(ranges.map((r) => [text.slice(r.start, r.end), r.firstRow])).toEqual([
      ['h\n\na', 1],
      ['b\nc\nd', 4],
      ['e\nf', 7],
    ]);
    expect(splitRanges('h\r\na\r\nb', 2, 1).map((r) => r.firstRow)).toEqual([1, 3]);
  });

  it('counts rows of a file whose lines end in CR LF and LF mixed, as the CSV reader reads them, and cuts before the CR of a CR LF', () => {
    const text = 'h\na\r\nb\nc\r\nd\ne\r\nf';
    const ranges = splitRanges(text, 3, 1);
    expect(ranges.map((r) => [text.slice(r.start, r.end), r.firstRow])).toEqual([
      ['h\na\r\nb', 1],
      ['c\r\nd', 4],
      ['e\r\nf', 6],
    ]);
  });

  it('never cuts inside a quoted cell, whose line break does not end a row', () => {
    const text = 'h\n"a\nb"\nc\nd';
    expect(splitRanges(text, 2, 1).map((r) => [text.slice(r.start, r.end), r.firstRow])).toEqual([
      ['h\n"a\nb"', 1],
      ['c\nd', 3],
    ]);
  });

  it('keeps a text with a quote in the middle of a cell in one part', () => {
    expect(splitRanges('h\na"b\nc\nd\ne', 2, 1)).toEqual([{ start: 0, end: 11, firstRow: 1 }]);
    expect(quotedSpans('a,"b""c",d', ',')).toEqual([[2, 7]]);
    expect(quotedSpans('a,"b"c', ',')).toBeNull();
    expect(quotedSpans('a,"b', ',')).toBeNull();
  });
});
