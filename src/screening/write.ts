/** Writing CSV: cells quoted where needed, formula-like cells made harmless, long numbers kept as text. */

const NEEDS_QUOTES = /[",\r\n\uFEFF]|^ | $/;
const FORMULA = /^[=+\-@\t\r]/;

/** One CSV cell: quoted where needed (RFC 4180); a cell a spreadsheet would run as a formula gets a leading '. */
export function csvCell(text: string): string {
  let s = text;
  let quote = false;
  if (FORMULA.test(s)) {
    s = `'${s}`;
    quote = true;
  }
  if (quote || NEEDS_QUOTES.test(s)) return `"${s.replace(/"/g, '""')}"`;
  return s;
}

/** A cell that csvCell() changes: formula-like or space at the start, space at the end, or a quote, comma, line break or BOM anywhere. */
export const NEEDS_ESCAPE = /[",\r\n\uFEFF]|^[=+\-@\t\r ]| $/;

/** One CSV line: joined as it is when no cell needs quotes or a formula escape (the common case). */
export function csvLine(row: readonly string[]): string {
  for (let c = 0; c < row.length; c++) {
    if (NEEDS_ESCAPE.test(row[c] ?? '')) {
      let line = '';
      for (let k = 0; k < row.length; k++) line += (k ? ',' : '') + csvCell(row[k] ?? '');
      return line;
    }
  }
  return row.join(',');
}

/**
 * CSV text of rows (lines end with CR LF, none after the last). Written by hand rather than with
 * Papa.unparse because it is the hot path of a 100,000-row screening; the output is byte for byte
 * what Papa.unparse(rows, { escapeFormulae: true }) writes (a property test checks both).
 */
export function toCsv(rows: readonly (readonly string[])[]): string {
  const lines: string[] = new Array(rows.length);
  for (let r = 0; r < rows.length; r++) lines[r] = csvLine(rows[r]!);
  return lines.join('\r\n');
}

/** Digits a spreadsheet would turn into a number and spoil: 12 or more (an ID number, 1.20103E+17), or a leading zero. */
const SPOILT_NUMBER = /^(\d{12,}|0\d+)$/;

/**
 * A cell of digits that a spreadsheet would show in scientific notation, round to 15 digits or strip
 * of its leading zero, written as ="…" so that Excel and LibreOffice keep it as text. Reading an
 * exported file back gives the digits again (readKeptText).
 */
export const keepAsText = (cell: string): string => (SPOILT_NUMBER.test(cell) ? `="${cell}"` : cell);

/** The inverse of keepAsText on a cell read back. */
export const readKeptText = (cell: string): string => (cell.length > 3 && cell.charCodeAt(0) === 61 && cell.charCodeAt(1) === 34 && cell.endsWith('"') ? cell.slice(2, -1) : cell);

/** What csvCellKeepingText() writes before and after spoilt digits: ="…" quoted as RFC 4180 wants. */
export const KEPT_TEXT_OPEN = '"=""';
export const KEPT_TEXT_CLOSE = '"""';

/** keepAsText() as a CSV cell: ="…" quoted as RFC 4180 wants (no formula escape: it is digits only). */
export const csvCellKeepingText = (cell: string): string => (SPOILT_NUMBER.test(cell) ? KEPT_TEXT_OPEN + cell + KEPT_TEXT_CLOSE : csvCell(cell));

/** Whether a cell is digits that keepAsText() would change. */
export const isSpoiltNumber = (cell: string): boolean => SPOILT_NUMBER.test(cell);

/** isSpoiltNumber() of a cell given as bytes b[s..e) (a roster read as bytes: see bytes.ts). */
export function isSpoiltNumberBytes(b: Uint8Array, s: number, e: number): boolean {
  const n = e - s;
  // 12 digits or more, or a leading zero and more digits (SPOILT_NUMBER)
  if (n < 2 || (n < 12 && b[s] !== 48)) return false;
  for (let k = s; k < e; k++) {
    const c = b[k]!;
    if (c < 48 || c > 57) return false;
  }
  return true;
}
