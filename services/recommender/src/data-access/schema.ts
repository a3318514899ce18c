import { messagingTables } from '@sproul/common/messaging';
import { boolean, customType, integer, jsonb, pgSchema, serial, text, timestamp } from 'drizzle-orm/pg-core';
import type { ScoreParams } from '../domain/model/club-space.js';
import type { ModelFigures } from '../domain/model/tune.js';

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

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});

/**
 * Trained models, one row per version with its evaluation figures on the committed set. The answering
 * model is the newest accepted one; a candidate that did worse is kept, not accepted, for the record.
 */
export const modelVersions = schema.table('model_versions', {
  version: serial('version').primaryKey(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  accepted: boolean('accepted').notNull(),
  /** Why it was trained: first start, schedule or drift. */
  reason: text('reason').notNull(),
  backend: text('backend').notNull(),
  corpusSize: integer('corpus_size').notNull(),
  trainMs: integer('train_ms').notNull(),
  params: jsonb('params').$type<ScoreParams>().notNull(),
  figures: jsonb('figures').$type<ModelFigures>().notNull(),
  terms: jsonb('terms').$type<string[]>().notNull(),
  /** Float32 little-endian: each term's IDF, then the terms × dims projection. */
  idf: bytea('idf').notNull(),
  projection: bytea('projection').notNull(),
  dims: integer('dims').notNull(),
});

/** What the recommender knows of each student, kept from the catalog's StudentProfileUpdated. */
export const studentProfiles = schema.table('student_profiles', {
  userId: text('user_id').primaryKey(),
  interests: integer('interests').array().notNull(),
  majors: integer('majors').array().notNull(),
  favoriteClubIds: text('favorite_club_ids').array().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
