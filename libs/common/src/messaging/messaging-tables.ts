import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  type PgSchema,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type { EventEnvelope } from '../events/envelope.js';

/**
 * The outbox (events waiting to be published, written in the same transaction as the change they
 * describe) and the inbox (ids of events already handled, written in the same transaction as the effect),
 * with their aggregate versions: the last version the outbox gave each aggregate's events, and the last
 * one each consumer applied. Each service declares them in its own schema:
 * `export const { outbox, inbox, aggregateVersions, appliedVersions } = messagingTables(schema)`.
 */
export function messagingTables(schema: PgSchema) {
  const outbox = schema.table(
    'outbox',
    {
      id: bigserial('id', { mode: 'number' }).primaryKey(),
      eventId: uuid('event_id').notNull().unique(),
      type: text('type').notNull(),
      version: integer('version').notNull(),
      payload: jsonb('payload').$type<EventEnvelope>().notNull(),
      createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
      sentAt: timestamp('sent_at', { withTimezone: true }),
      /** Set instead of sent_at when a row breaks its contract: set aside, kept, never relayed. */
      error: text('error'),
    },
    (table) => [
      index('outbox_unsent_idx').on(table.id).where(sql`${table.sentAt} is null and ${table.error} is null`),
    ],
  );
  const inbox = schema.table(
    'inbox',
    {
      consumer: text('consumer').notNull(),
      eventId: uuid('event_id').notNull(),
      type: text('type').notNull(),
      processedAt: timestamp('processed_at', { withTimezone: true }).notNull().defaultNow(),
    },
    (table) => [primaryKey({ columns: [table.consumer, table.eventId] })],
  );
  /** Producer side: one row per aggregate its events were about, bumped in the producing transaction. */
  const aggregateVersions = schema.table(
    'aggregate_versions',
    {
      aggregateType: text('aggregate_type').notNull(),
      aggregateId: text('aggregate_id').notNull(),
      version: bigint('version', { mode: 'number' }).notNull(),
    },
    (table) => [primaryKey({ columns: [table.aggregateType, table.aggregateId] })],
  );
  /** Consumer side: per aggregate, the newest state (or end) version applied, in the effect's transaction. */
  const appliedVersions = schema.table(
    'applied_versions',
    {
      consumer: text('consumer').notNull(),
      aggregateType: text('aggregate_type').notNull(),
      aggregateId: text('aggregate_id').notNull(),
      version: bigint('version', { mode: 'number' }).notNull(),
      /** The applied version was the aggregate's end: nothing older takes effect any more. */
      ended: boolean('ended').notNull().default(false),
    },
    (table) => [primaryKey({ columns: [table.consumer, table.aggregateType, table.aggregateId] })],
  );
  return { outbox, inbox, aggregateVersions, appliedVersions };
}

export type MessagingTables = ReturnType<typeof messagingTables>;
export type OutboxTable = MessagingTables['outbox'];
export type InboxTable = MessagingTables['inbox'];
export type AggregateVersionsTable = MessagingTables['aggregateVersions'];
export type AppliedVersionsTable = MessagingTables['appliedVersions'];
