// A minimal RFC 5545 writer for students' feeds (the catalog has its own; services share no code
// outside libs/common): TEXT escaping, 75-octet folding, UTC stamps.

const isControl = (char: string) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f;

/** TEXT: backslash, semicolon and comma escaped, newlines as `\n`, no other control characters. */
export const escapeText = (value: string) =>
  [...value.replace(/\r\n?/g, '\n')]
    .filter((char) => char === '\n' || !isControl(char))
    .join('')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\n/g, '\\n');

/** Lines over 75 octets fold with CRLF + space, never inside a UTF-8 character. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char);
    if (octets + size > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

export const utcStamp = (date: Date) =>
  date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

export interface FeedEvent {
  id: string;
  name: string;
  location: string;
  startsAt: Date;
  endsAt: Date;
  cancelled: boolean;
  clubName: string | null;
}

/** A VCALENDAR of these events; a cancelled one stays, marked `STATUS:CANCELLED`. */
export function calendarOf(title: string, events: FeedEvent[], now: Date): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//sproul.club//engagement//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(title)}`,
  ];
  for (const event of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${event.id}@sproul.club`,
      `DTSTAMP:${utcStamp(now)}`,
      `DTSTART:${utcStamp(event.startsAt)}`,
      ...(event.endsAt > event.startsAt ? [`DTEND:${utcStamp(event.endsAt)}`] : []),
      `SUMMARY:${escapeText(event.clubName ? `${event.name} (${event.clubName})` : event.name)}`,
      ...(event.location ? [`LOCATION:${escapeText(event.location)}`] : []),
      `STATUS:${event.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
