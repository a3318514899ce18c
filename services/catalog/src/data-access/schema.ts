import { messagingTables } from '@sproul/common';
import { integer, pgSchema, text } from 'drizzle-orm/pg-core';

/** Every table of the catalog service lives in this PostgreSQL schema. */
export const schema = pgSchema('catalog');

export const { outbox, inbox } = messagingTables(schema);

/** Club categories. Ids run 0..n-1 in list order: the upstream web client indexes them by position. */
export const tags = schema.table('tags', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
});

/** Member-count ranges ("1-20", …), indexed by position in the web client too. */
export const numUserTags = schema.table('num_user_tags', {
  id: integer('id').primaryKey(),
  value: text('value').notNull(),
});
