/**
 * Cutting a CSV text into ranges of whole rows, so that several threads (the roster's Web Workers,
 * the command-line screener's worker threads) can screen one file in parallel with the right row
 * numbers. Pure: no DOM, no Node.
 */

export interface TextRange {
  start: number;
  end: number;
  /** the row number of the range's first line */
  firstRow: number;
}

/**
 * The quoted cells of a text as [open, close] quote positions, when every quote is where RFC 4180
 * puts it: a quoted cell starts at the start of a cell and its closing quote is followed by the
 * delimiter, a line break or the end (a quote inside is doubled). null for any other use of quotes,
 * where only a full parse knows where the rows end.
 */
export function quotedSpans(text: string, delimiter: string): number[][] | null {
  const spans: number[][] = [];
  const d = delimiter.length === 1 ? delimiter.charCodeAt(0) : -1;
  const endsCell = (c: number) => c === d || c === 10 || c === 13;
  let i = text.indexOf('"');
  while (i >= 0) {
    if (i > 0 && !endsCell(text.charCodeAt(i - 1))) return null;
    let j = i + 1;
    for (;;) {
      j = text.indexOf('"', j);
      if (j < 0) return null;
      if (text.charCodeAt(j + 1) === 34) j += 2;
      else break;
    }
    if (j + 1 < text.length && !endsCell(text.charCodeAt(j + 1))) return null;
    spans.push([i, j]);
    i = text.indexOf('"', j + 1);
  }
  return spans;
}

/**
 * Cuts a text into `parts` ranges of whole rows, so that several workers can screen one file in
 * parallel, each with the right row numbers. A row ends at a line feed (CR LF or LF alone, mixed in
 * one file as the CSV reader reads them); a line break inside a quoted cell does not end a row; a
 * text whose quotes are not well formed (see quotedSpans) stays one range. The header rows stay in
 * the first range; the line break at a cut belongs to neither side.
 */
export function splitRanges(text: string, parts: number, headerRow: number, delimiter = ','): TextRange[] {
  const whole = [{ start: 0, end: text.length, firstRow: 1 }];
  if (parts <= 1) return whole;
  const spans = quotedSpans(text, delimiter);
  if (!spans) return whole;
  const ranges: TextRange[] = [];
  let start = 0;
  let firstRow = 1;
  let rowsSeen = 0; // row-ending line breaks passed so far
  let si = 0;
  let k = 1;
  for (let p = text.indexOf('\n'); p >= 0 && k < parts; p = text.indexOf('\n', p + 1)) {
    while (si < spans.length && spans[si]![1]! < p) si++;
    if (si < spans.length && spans[si]![0]! < p) continue; // inside a quoted cell
    rowsSeen++;
    if (rowsSeen < headerRow || p < Math.floor((text.length * k) / parts)) continue;
    ranges.push({ start, end: p > start && text.charCodeAt(p - 1) === 13 ? p - 1 : p, firstRow });
    start = p + 1;
    firstRow = rowsSeen + 1;
    k++;
  }
  ranges.push({ start, end: text.length, firstRow });
  return ranges;
}
