import type { DbOrTx } from '@sproul/common/db';
import { type RsvpStatus, rsvpStatuses } from '@sproul/common/events';
import type { EngagementConfig } from '../../config.js';
import { type ClubEvent, type Rsvp, rsvpRepository } from '../../data-access/rsvp-repository.js';
import { ticketOf } from './tickets.js';

/** An event's RSVP settings, as officers set them (defaults for one never configured). */
export const settingsView = (event: ClubEvent) => ({
  capacity: event.capacity,
  waitlist: event.waitlist,
  members_only: event.membersOnly,
  rsvp_deadline: event.rsvpDeadline?.toISOString() ?? null,
});

/** Counts by every RSVP status, zeros included. */
export async function countsOf(db: DbOrTx, eventId: string) {
  const counts = await rsvpRepository(db).counts(eventId);
  return Object.fromEntries(rsvpStatuses.map((status) => [status, counts[status] ?? 0])) as Record<
    RsvpStatus,
    number
  >;
}

/** The student's view of their RSVP: status, waitlist place, and ticket. */
export async function rsvpView(db: DbOrTx, config: EngagementConfig, rsvp: Rsvp) {
  const position =
    rsvp.status === 'waitlisted'
      ? ((await rsvpRepository(db).waitlistPositions(rsvp.eventId)).get(rsvp.id) ?? null)
      : null;
  return {
    id: rsvp.id,
    event_id: rsvp.eventId,
    status: rsvp.status as RsvpStatus,
    position,
    ticket: ticketOf(config, rsvp.id, rsvp.eventId),
  };
}

/** What a feed or a student's list shows of an event. */
export const eventSummary = (event: ClubEvent) => ({
  id: event.id,
  club_id: event.clubId,
  kind: event.kind,
  name: event.name,
  location: event.location,
  starts_at: event.startsAt.toISOString(),
  ends_at: event.endsAt.toISOString(),
  cancelled: event.cancelled,
});
