import { messagingTables } from '@sproul/common/messaging';
import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgSchema,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

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

/**
 * One bulk email an officer asked for (BulkEmailRequested), kept until its recipients are done. Its
 * subject and body are kept (unlike the delivery log's) because the sender renders them recipient by
 * recipient, possibly hours later.
 */
export const bulkEmails = schema.table('bulk_emails', {
  bulkId: uuid('bulk_id').primaryKey(),
  clubId: text('club_id').notNull(),
  clubName: text('club_name').notNull(),
  requestedBy: text('requested_by').notNull(),
  subject: text('subject').notNull(),
  body: text('body').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  /** Set when no recipient is left pending or sending. */
  finishedAt: timestamp('finished_at', { withTimezone: true }),
});

/** `sending` is internal (claimed by a sender); the others are what BulkEmailProgressed reports. */
export const bulkRecipientStatuses = [
  'pending',
  'sending',
  'sent',
  'failed',
  'suppressed',
  'unsubscribed',
  'limited',
] as const;
export type BulkRecipientStatus = (typeof bulkRecipientStatuses)[number];

/** One row per (bulk email, address): the primary key makes a duplicate address one email. */
export const bulkRecipients = schema.table(
  'bulk_recipients',
  {
    bulkId: uuid('bulk_id')
      .notNull()
      .references(() => bulkEmails.bulkId, { onDelete: 'cascade' }),
    /** Lower-cased. */
    email: text('email').notNull(),
    userId: text('user_id'),
    fields: jsonb('fields').$type<Record<string, string>>().notNull(),
    status: text('status', { enum: bulkRecipientStatuses }).notNull().default('pending'),
    error: text('error'),
    attempts: integer('attempts').notNull().default(0),
    /** Sent as X-Sproul-Delivery, so that a claim left by a crash can ask the provider (wasAccepted). */
    deliveryId: uuid('delivery_id').notNull(),
    /** The run that claimed the row: only it records the outcome (a stale claim taken over loses it). */
    claimToken: uuid('claim_token'),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    /** Back-off after a transient failure: not claimed again before this. */
    notBefore: timestamp('not_before', { withTimezone: true }),
    /** The last attempt got no answer: the provider may have the email; ask before sending again. */
    inDoubt: boolean('in_doubt').notNull().default(false),
    providerMessageId: text('provider_message_id'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (table) => [
    primaryKey({ columns: [table.bulkId, table.email] }),
    // The sender looks for work among pending and claimed rows only.
    index('bulk_recipients_open_idx')
      .on(table.bulkId, table.status)
      .where(sql`status in ('pending', 'sending')`),
    // The global rate counts recent claims.
    index('bulk_recipients_claimed_idx').on(table.claimedAt),
  ],
);
