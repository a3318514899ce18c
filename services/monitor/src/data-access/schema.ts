import { messagingTables, replayTables } from '@sproul/common/messaging';
import { bigserial, boolean, index, integer, pgSchema, text, timestamp } from 'drizzle-orm/pg-core';

/** Every table of the monitor service lives in this PostgreSQL schema. */
export const schema = pgSchema('monitor');

export const { outbox, inbox, aggregateVersions, appliedVersions } = messagingTables(schema);

const timestamptz = (name: string) => timestamp(name, { withTimezone: true });

// Read models: built only from events (see src/entry-points/messaging), dropped and rebuilt by a replay.

/** Officer and student accounts (auth's UserRegistered, AccountConfirmed, AccountDeleted, AccountSnapshot). */
export const accounts = schema.table(
  'accounts',
  {
    userId: text('user_id').primaryKey(),
    role: text('role').notNull(),
    /** Null while only the confirmation has arrived (events may come out of order). */
    registeredAt: timestamptz('registered_at'),
    confirmedAt: timestamptz('confirmed_at'),
  },
  (t) => [index('accounts_role_idx').on(t.role, t.registeredAt)],
);

/** Emails on auth's RSO list (RsoListEntryChanged); a removed one stays as `listed = false`. */
export const rsoEmails = schema.table('rso_emails', {
  email: text('email').primaryKey(),
  listed: boolean('listed').notNull(),
});

/** Clubs as ClubCreated / ClubUpdated v2 describe them; ClubDeleted removes the row. */
export const clubs = schema.table(
  'clubs',
  {
    clubId: text('club_id').primaryKey(),
    name: text('name').notNull(),
    tags: integer('tags').array().notNull(),
    appRequired: boolean('app_required').notNull(),
    newMembers: boolean('new_members').notNull(),
    visible: boolean('visible').notNull(),
    confirmed: boolean('confirmed').notNull(),
    reactivated: boolean('reactivated').notNull(),
    registeredAt: timestamptz('registered_at').notNull(),
    reactivatedLast: timestamptz('reactivated_last'),
    hasLogo: boolean('has_logo').notNull(),
    hasBanner: boolean('has_banner').notNull(),
    socialLinks: text('social_links').array().notNull(),
    applyDeadlineStart: timestamptz('apply_deadline_start'),
    applyDeadlineEnd: timestamptz('apply_deadline_end'),
    recruitingStart: timestamptz('recruiting_start'),
    recruitingEnd: timestamptz('recruiting_end'),
    eventStarts: timestamptz('event_starts').array().notNull(),
  },
  (t) => [index('clubs_confirmed_idx').on(t.confirmed)],
);

/** Club images the media service stores (ImageStored, ImageDeleted): one logo and banner per club, the gallery. */
export const clubImages = schema.table(
  'club_images',
  {
    imageId: text('image_id').primaryKey(),
    clubId: text('club_id').notNull(),
    purpose: text('purpose').notNull(),
  },
  (t) => [index('club_images_club_idx').on(t.clubId, t.purpose)],
);

/** The catalog's tag names (TagChanged snapshots), for the public statistics' clubs by tag. */
export const tags = schema.table('tags', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
});

/** Each account's latest sign-in or token refresh (AccountSignedIn): who was active lately. */
export const activity = schema.table(
  'activity',
  {
    userId: text('user_id').primaryKey(),
    role: text('role').notNull(),
    lastSeenAt: timestamptz('last_seen_at').notNull(),
  },
  (t) => [index('activity_last_seen_idx').on(t.lastSeenAt)],
);

/** Catalog searches counted per replica and interval (CatalogSearchesCounted); kept a day. */
export const catalogSearches = schema.table(
  'catalog_searches',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countedTo: timestamptz('counted_to').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [index('catalog_searches_to_idx').on(t.countedTo)],
);

/**
 * Replays this monitor asked for (a rebuild; the first start asks for one when there is none), and
 * the owners' answers: the retry job stops once all have answered (see replayTables).
 */
export const { replays, replayAnswers } = replayTables(schema);
