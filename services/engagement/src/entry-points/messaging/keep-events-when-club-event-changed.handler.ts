import {
  ClubEventCancelledV1,
  ClubEventChangedV1,
  ClubEventScheduledV1,
  type EventData,
} from '@sproul/common/events';
import { on } from '@sproul/common/messaging';
import { rsvpRepository } from '../../data-access/rsvp-repository.js';

type Scheduled = EventData<typeof ClubEventScheduledV1>;

const copy = ({ eventId, clubId, event }: Scheduled) => ({
  id: eventId,
  clubId,
  kind: event.kind,
  name: event.name,
  location: event.location,
  startsAt: new Date(event.starts_at),
  endsAt: new Date(event.ends_at),
  inviteOnly: event.invite_only,
});

/** Engagement's copy of a club's event (RSVPs need its times and name); officers' settings are kept. */
export const keepEventWhenClubEventScheduled = () =>
  on(ClubEventScheduledV1, async ({ data }, tx) => rsvpRepository(tx).upsertEvent(copy(data)));

export const keepEventWhenClubEventChanged = () =>
  on(ClubEventChangedV1, async ({ data }, tx) => rsvpRepository(tx).upsertEvent(copy(data)));

/** A cancelled event stays, marked: its RSVPs stay in students' feeds (STATUS:CANCELLED), new ones 409. */
export const markEventWhenClubEventCancelled = () =>
  on(ClubEventCancelledV1, async ({ data }, tx) => rsvpRepository(tx).cancelEvent(data.eventId));
