import { integer, text } from 'drizzle-orm/pg-core';
import { schema } from './catalog-schema.js';

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

/** Student metadata lookups, upstream's shapes (`{id, major}`, `{id, minor}`, `{id, year}`), ids 0..n-1. */
export const majors = schema.table('majors', {
  id: integer('id').primaryKey(),
  major: text('major').notNull(),
});

export const minors = schema.table('minors', {
  id: integer('id').primaryKey(),
  minor: text('minor').notNull(),
});

export const years = schema.table('years', {
  id: integer('id').primaryKey(),
  year: text('year').notNull(),
});
