/**
 * CSV files the owner opens in Excel (RFC 4180: comma-separated, CRLF line ends, fields with a comma,
 * quote or line break in double quotes, quotes doubled).
 *
 * Two traps this guards against:
 * - Excel reads a CSV without a byte-order mark in the system's legacy code page (CP949 on a Korean
 *   Windows), so Hangul turns to mojibake. The document starts with U+FEFF, which Excel takes as UTF-8.
 * - CSV injection: a cell starting with = + - @ (or a tab or carriage return, which Excel skips before
 *   reading a formula) is run as a formula when opened. Customer names and notes are typed by anyone,
 *   so such text cells get a leading apostrophe, which shows the text as it is. Numbers are written as
 *   numbers: a negative amount stays a number.
 */

export type CsvCell = string | number | null | undefined;

export const BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly CsvCell[]): string {
  return cells.map(csvCell).join(',');
}

/** A whole file: the BOM, a header row and the rows, each line ended by CRLF. */
export function csvDocument(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return BOM + [header, ...rows].map((r) => `${csvLine(r)}\r\n`).join('');
}
