// RFC 5545 text for the iCalendar feeds two services serve (the catalog's club feeds, engagement's
// students' feeds): escaping, line folding and UTC stamps, so both write the same valid lines.

export const CRLF = '\r\n';
const MAX_LINE_OCTETS = 75;

const isControl = (char: string) => {
  const code = char.charCodeAt(0);
  return code < 0x20 || code === 0x7f;
};

/** Drops control characters (RFC 5545 allows none in values) except those in `keep`. */
export const withoutControls = (value: string, keep = '') =>
  [...value].filter((char) => !isControl(char) || keep.includes(char)).join('');

/** RFC 5545 §3.3.11 TEXT: backslash, semicolon and comma escaped, newlines as `\n`, no other controls. */
export function escapeText(value: string): string {
  return withoutControls(value.replace(/\r\n?/g, '\n'), '\t\n')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\n/g, '\\n');
}

/** RFC 5545 §3.1: lines longer than 75 octets fold with CRLF + space, never inside a UTF-8 character. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char);
    // Continuation lines start with a space, which counts towards their 75 octets.
    const limit = parts.length === 0 ? MAX_LINE_OCTETS : MAX_LINE_OCTETS - 1;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

/** UTC date-time form, `20260114T183000Z`. */
export const utcStamp = (date: Date) =>
  date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
