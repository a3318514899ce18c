import { messagingTables } from '@sproul/common/messaging';
import { sql } from 'drizzle-orm';
import { bigint, customType, integer, pgSchema, text, timestamp } from 'drizzle-orm/pg-core';

/** Every table of the catalog service lives in this PostgreSQL schema. */
export const schema = pgSchema('catalog');

export const { outbox, inbox, aggregateVersions, appliedVersions } = messagingTables(schema);

export const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
export const timestamptz = (name: string) => timestamp(name, { withTimezone: true });
export const intArray = (name: string) => integer(name).array().notNull().default(sql`'{}'::integer[]`);
export const textArray = (name: string) => text(name).array().notNull().default(sql`'{}'::text[]`);
/**
 * Insertion order for a club's child lists (events, resources, FAQ, gallery): a bigint identity never
 * wraps and never collides, unlike upstream's slug ids (bug 9); the public id stays a UUID.
 */
export const listOrder = () => bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity();
