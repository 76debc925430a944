/**
 * CSV as spreadsheets open it cleanly: RFC 4180 quoting, CRLF line ends, and cells that a spreadsheet would
 * run as a formula neutralised (OWASP's CSV injection advice).
 */

/** Put first in a download so Excel reads the file as UTF-8 rather than the system's code page. */
export const byteOrderMark = '\uFEFF'

// OWASP: = + - @ start a formula, and a tab or carriage return first can hide one in some spreadsheets.
const formulaStart = /^[=+\-@\t\r]/

/** One cell: a leading `'` where a spreadsheet would read a formula, then quoted if it holds `"`, `,` or a line break. */
export function csvCell(value: string): string {
  const safe = formulaStart.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
}

/** One record, ended with CRLF as RFC 4180 asks. */
export function csvRow(values: readonly string[]): string {
  return `${values.map(csvCell).join(',')}\r\n`
}
