import type { Response } from 'express';

/**
 * Spreadsheet programs run a cell that starts with one of these as a formula (CSV injection): a club
 * named `=HYPERLINK(...)` must open as text in the admin's Excel. A leading apostrophe makes it text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One RFC 4180 cell: text neutralised against formulas, quoted when it holds a quote, comma or newline. */
export function csvCell(value: string | number | boolean): string {
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Upstream's downloads write booleans as Yes/No. */
export const yesNo = (value: boolean) => (value ? 'Yes' : 'No');

/** Sends a CSV file download that no cache keeps (upstream: `cache_timeout=0`). */
export function sendCsv(
  res: Response,
  filename: string,
  header: string[],
  rows: (string | number | boolean)[][],
) {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  res.setHeader('Cache-Control', 'no-store');
  res.send(`${lines.join('\r\n')}\r\n`);
}
