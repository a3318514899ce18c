import {
  ClubEventCancelledV1,
  ClubEventChangedV1,
  ClubEventScheduledV1,
  type clubEventSummarySchema,
  type EventEnvelope,
  makeEvent,
} from '@sproul/common/events';
import type { z } from 'zod';
import type { ClubEvent } from '../../data-access/club-event-repository.js';

// The contract bounds what it carries more tightly than the catalog stores (locations up to 1000).
const NAME_MAX = 300;
const LOCATION_MAX = 500;
const nameOf = (event: ClubEvent) => event.name.slice(0, NAME_MAX) || 'Untitled event';

/** What engagement keeps of a club's event (the contract's summary). */
export const clubEventSummary = (event: ClubEvent): z.input<typeof clubEventSummarySchema> => ({
  kind: event.kind,
  name: nameOf(event),
  location: event.location.slice(0, LOCATION_MAX),
  starts_at: event.eventStart.toISOString(),
  ends_at: event.eventEnd.toISOString(),
  invite_only: event.inviteOnly,
});

const about = (event: ClubEvent) => ({
  eventId: event.id,
  clubId: event.clubId,
  event: clubEventSummary(event),
});

/** An added event; also how a replay restates one (a `state` event: it overrides older state). */
export const clubEventScheduled = (event: ClubEvent): EventEnvelope =>
  makeEvent(ClubEventScheduledV1, about(event), 'catalog');

/**
 * An edited event, or nothing when what other services know of it (its summary) stays the same: a new
 * description or tags announce nothing.
 */
export const clubEventChanged = (before: ClubEvent, after: ClubEvent): EventEnvelope[] =>
  JSON.stringify(clubEventSummary(before)) === JSON.stringify(clubEventSummary(after))
    ? []
    : [makeEvent(ClubEventChangedV1, about(after), 'catalog')];

export const clubEventCancelled = (event: ClubEvent): EventEnvelope =>
  makeEvent(
    ClubEventCancelledV1,
    {
      eventId: event.id,
      clubId: event.clubId,
      name: nameOf(event),
      starts_at: event.eventStart.toISOString(),
    },
    'catalog',
  );
