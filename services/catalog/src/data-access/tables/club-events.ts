import { boolean, index, text, uuid } from 'drizzle-orm/pg-core';
import { intArray, listOrder, schema, textArray, timestamptz } from './catalog-schema.js';
import { clubs } from './clubs.js';

/** Events and recruiting events (`kind`), upstream's Event / RecruitingEvent. */
export const clubEvents = schema.table(
  'club_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    seq: listOrder(),
    clubId: uuid('club_id')
      .notNull()
      .references(() => clubs.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['event', 'recruiting'] }).notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    /** Upstream's legacy single link, kept because the web client still sends and reads it. */
    link: text('link'),
    links: textArray('links'),
    /** Recruiting events only: a video-call link. */
    virtualLink: text('virtual_link'),
    location: text('location').notNull().default(''),
    tags: intArray('tags'),
    inviteOnly: boolean('invite_only').notNull().default(false),
    eventStart: timestamptz('event_start').notNull(),
    eventEnd: timestamptz('event_end').notNull(),
  },
  (t) => [
    index('club_events_club_idx').on(t.clubId, t.kind, t.seq),
    index('club_events_start_idx').on(t.eventStart),
  ],
);
