import { messagingTables } from '@sproul/common/messaging';
import { sql } from 'drizzle-orm';
import { index, integer, pgSchema, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Every table of the mailer service lives in this PostgreSQL schema. */
export const schema = pgSchema('mailer');

export const { outbox, inbox, aggregateVersions, appliedVersions } = messagingTables(schema);

export const deliveryStatuses = ['queued', 'sending', 'sent', 'failed', 'suppressed', 'limited'] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

/**
 * One row per email asked for, keyed by the event's id: the claim that makes delivery exactly-once and
 * the status an operator reads. Never the body or the variables (links are live single-use tokens).
 */
export const deliveries = schema.table(
  'deliveries',
  {
    id: uuid('id').primaryKey(),
    to: text('to').notNull(),
    template: text('template').notNull(),
    subject: text('subject').notNull(),
    status: text('status', { enum: deliveryStatuses }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    providerMessageId: text('provider_message_id'),
    error: text('error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (table) => [
    // The per-address limit counts one address's recent sends.
    index('deliveries_to_created_idx').on(table.to, table.createdAt),
    index('deliveries_status_idx').on(table.status).where(sql`status in ('queued', 'sending')`),
  ],
);

/** Addresses mail is not sent to: hard bounces, complaints, and unsubscribes (by category). */
export const suppressions = schema.table(
  'suppressions',
  {
    /** Lower-cased, so a bounce for Foo@x.org stops mail to foo@x.org. */
    address: text('address').notNull(),
    /** `all` (bounce, complaint) or a bulk category a one-click unsubscribe left. */
    scope: text('scope').notNull(),
    reason: text('reason', { enum: ['bounce', 'complaint', 'unsubscribe'] }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.address, table.scope] })],
);
