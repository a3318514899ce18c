import { ClubEventCancelledV1, ClubEventScheduledV1 } from '@sproul/common/events';
import type { EngagementHarness } from './engagement-harness.js';

export interface EventTimes {
  startsAt?: Date;
  endsAt?: Date;
}

/** Helpers for RSVP tests over an engagement harness: club events from the catalog, RSVPs, check-ins. */
export const rsvpHelpers = (e: EngagementHarness) => {
  const base = (link: string, eventId: string) => `/api/clubs/${link}/events/${eventId}`;
  const helpers = {
    /** An event the catalog scheduled (tomorrow for two hours unless told). */
    async addEvent(clubId: string, times: EventTimes = {}, name = 'Hack night') {
      const eventId = crypto.randomUUID();
      const startsAt = times.startsAt ?? new Date(Date.now() + 24 * 3600_000);
      const endsAt = times.endsAt ?? new Date(startsAt.getTime() + 2 * 3600_000);
      await e.emit(
        ClubEventScheduledV1,
        {
          eventId,
          clubId,
          event: {
            kind: 'event',
            name,
            location: 'Sproul Plaza',
            starts_at: startsAt.toISOString(),
            ends_at: endsAt.toISOString(),
            invite_only: false,
          },
        },
        'catalog',
      );
      return eventId;
    },
    cancelEvent: (clubId: string, eventId: string) =>
      e.emit(
        ClubEventCancelledV1,
        { eventId, clubId, name: 'Hack night', starts_at: new Date().toISOString() },
        'catalog',
      ),
    settings: (link: string, eventId: string, token: string, body: Record<string, unknown>) =>
      e.client(`${base(link, eventId)}/rsvp-settings`, {
        method: 'PUT',
        token,
        body: { capacity: null, waitlist: true, members_only: false, rsvp_deadline: null, ...body },
      }),
    rsvp: (link: string, eventId: string, token: string) =>
      e.client(`${base(link, eventId)}/rsvps`, { method: 'POST', token }),
    move: (link: string, eventId: string, id: string, token: string, status: string) =>
      e.client(`${base(link, eventId)}/rsvps/${id}/status`, { method: 'POST', token, body: { status } }),
    checkIn: (link: string, eventId: string, token: string, body: Record<string, unknown>) =>
      e.client(`${base(link, eventId)}/check-in`, { method: 'POST', token, body }),
    overview: (link: string, eventId: string, token?: string) =>
      e.client(`${base(link, eventId)}/rsvp`, token ? { token } : {}),
    attendance: (link: string, eventId: string, token: string, query = '') =>
      e.client(`${base(link, eventId)}/rsvps${query}`, { token }),
    base,
  };
  return helpers;
};
