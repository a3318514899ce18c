import { boolean, index, text, uuid } from 'drizzle-orm/pg-core';
import { schema, timestamptz } from './catalog-schema.js';
import { clubs } from './clubs.js';

/**
 * Events officers removed, kept for a while (CANCELLED_EVENT_DAYS) only so the club's iCalendar feed can
 * tell subscribed calendars they are cancelled. A table of its own rather than a flag on club_events: no
 * read of club_events (club page, search text, ClubUpdated's event starts, lists) can show them by mistake.
 */
export const cancelledClubEvents = schema.table(
  'cancelled_club_events',
  {
    /** The removed event's id: the same UID in the feed as when it was live. */
    id: uuid('id').primaryKey(),
    clubId: uuid('club_id')
      .notNull()
      .references(() => clubs.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['event', 'recruiting'] }).notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    location: text('location').notNull().default(''),
    url: text('url'),
    inviteOnly: boolean('invite_only').notNull().default(false),
    eventStart: timestamptz('event_start').notNull(),
    eventEnd: timestamptz('event_end').notNull(),
    cancelledAt: timestamptz('cancelled_at').notNull(),
  },
  (t) => [
    index('cancelled_club_events_club_idx').on(t.clubId, t.cancelledAt),
    index('cancelled_club_events_at_idx').on(t.cancelledAt),
  ],
);
