import { CRLF, escapeText, foldLine, utcStamp, withoutControls } from '@sproul/common/ical';
import type { CancelledClubEvent } from '../../data-access/cancelled-club-event-repository.js';
import type { ClubEvent } from '../../data-access/club-event-repository.js';

// The catalog's tests check the text rules through this module.
export { escapeText, foldLine };

export interface FeedClub {
  name: string;
}

/** What a feed entry shows of an event, live or cancelled. */
interface FeedEvent {
  id: string;
  kind: ClubEvent['kind'];
  name: string;
  description: string;
  location: string;
  url: string | null;
  inviteOnly: boolean;
  eventStart: Date;
  eventEnd: Date;
}

const live = (event: ClubEvent): FeedEvent => ({
  ...event,
  url: event.links[0] ?? event.link ?? event.virtualLink ?? null,
});

function vevent(event: FeedEvent, now: Date, cancelled: boolean): string[] {
  return [
    'BEGIN:VEVENT',
    // The event's own id: a renamed club's events stay the same events in subscribers' calendars.
    `UID:${event.id}@sproul.club`,
    `DTSTAMP:${utcStamp(now)}`,
    `DTSTART:${utcStamp(event.eventStart)}`,
    // An end not after the start is not a valid DTEND; without one the event is just its start.
    ...(event.eventEnd > event.eventStart ? [`DTEND:${utcStamp(event.eventEnd)}`] : []),
    `SUMMARY:${escapeText(event.name)}`,
    ...(event.description ? [`DESCRIPTION:${escapeText(event.description)}`] : []),
    ...(event.location ? [`LOCATION:${escapeText(event.location)}`] : []),
    // A URI value is not TEXT: no escaping, but nothing that could break the line either.
    ...(event.url ? [`URL:${withoutControls(event.url).replace(/\s/g, '')}`] : []),
    ...(event.kind === 'recruiting' ? ['CATEGORIES:Recruiting'] : []),
    ...(event.inviteOnly ? ['CLASS:PRIVATE'] : []),
    // RFC 5545 §3.8.7.4: a client replaces its copy only for a higher SEQUENCE than it holds (live
    // events carry none, i.e. 0), so the cancellation is one revision later.
    ...(cancelled ? ['STATUS:CANCELLED', 'SEQUENCE:1'] : []),
    'END:VEVENT',
  ];
}

/**
 * An iCalendar (RFC 5545) feed of a club's events and recruiting events; times in UTC. Events removed
 * lately are listed too, as cancelled, so subscribed calendars drop them rather than keep them forever.
 */
export function clubEventsFeed(
  club: FeedClub,
  events: ClubEvent[],
  now = new Date(),
  cancelled: CancelledClubEvent[] = [],
): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//sproul.club//catalog//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(club.name)}`,
  ];
  for (const event of events) lines.push(...vevent(live(event), now, false));
  for (const event of cancelled) lines.push(...vevent(event, now, true));
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}
