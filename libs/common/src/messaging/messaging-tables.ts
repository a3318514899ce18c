import { sql } from 'drizzle-orm';
import {
  bigserial,
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
 * describe) and the inbox (ids of events already handled, written in the same transaction as the effect).
 * Each service declares them in its own schema: `export const { outbox, inbox } = messagingTables(schema)`.
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
  return { outbox, inbox };
}

export type MessagingTables = ReturnType<typeof messagingTables>;
export type OutboxTable = MessagingTables['outbox'];
export type InboxTable = MessagingTables['inbox'];
