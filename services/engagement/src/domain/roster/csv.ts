/**
 * RFC 4180 CSV. A cell a spreadsheet would read as a formula (starting with = + - @, or a tab or
 * carriage return before one) gets a leading `'`: a student's answer must never run in an officer's
 * spreadsheet.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const toCsv = (rows: unknown[][]) =>
  `${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
