import { CRLF, escapeText, foldLine, utcStamp } from '@sproul/common/ical';

// A students' feed: the events they RSVPed to.

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
  return `${lines.map(foldLine).join(CRLF)}${CRLF}`;
}
