import { messagingTables } from '@sproul/common/messaging';
import { boolean, integer, pgSchema, text, timestamp } from 'drizzle-orm/pg-core';

/** Every table of the recommender service lives in this PostgreSQL schema. */
export const schema = pgSchema('recommender');

export const { outbox, inbox, aggregateVersions, appliedVersions } = messagingTables(schema);

/**
 * The recommender's own copy of what it needs of each club, kept from the catalog's ClubCreated,
 * ClubUpdated and ClubDeleted events: it never reads the catalog's tables.
 */
export const clubs = schema.table('clubs', {
  clubId: text('club_id').primaryKey(),
  linkName: text('link_name').notNull().unique(),
  name: text('name').notNull(),
  tags: integer('tags').array().notNull(),
  /** about_us and get_involved, the text the similarity is computed from. */
  description: text('description').notNull(),
  visible: boolean('visible').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
