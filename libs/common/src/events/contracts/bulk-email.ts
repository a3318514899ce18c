import { z } from 'zod';
import { defineEvent } from '../define-event.js';
import { emailSchema, idSchema } from './shared-fields.js';

/**
 * Per-recipient fields a bulk email's subject and body may name as `{{field}}`. The requester checks a
 * template names no other field before queueing it; the mailer fills them in (HTML-escaped in HTML).
 */
export const bulkEmailFields = ['first_name', 'name', 'email', 'status', 'club_name', 'club_url'] as const;
export type BulkEmailField = (typeof bulkEmailFields)[number];

export const bulkEmailRecipientSchema = z.object({
  to: emailSchema,
  userId: idSchema.nullable(),
  fields: z.partialRecord(z.enum(bulkEmailFields), z.string().max(500)),
});

/** Most recipients one bulk email may have (a large club's whole roster). */
export const BULK_EMAIL_MAX_RECIPIENTS = 5000;

/**
 * A club's officers asked to email a set of its people (engagement's messaging). The mailer queues one
 * delivery per recipient, sends them throttled, skips suppressed and unsubscribed addresses (an
 * unsubscribe from a club's bulk mail holds for that club), and reports outcomes with
 * BulkEmailProgressed. Delivered once per `bulkId` and recipient, however often the event arrives.
 */
export const BulkEmailRequestedV1 = defineEvent(
  'BulkEmailRequested',
  1,
  z.object({
    bulkId: z.uuid(),
    clubId: idSchema,
    clubName: z.string().min(1).max(200),
    requestedBy: idSchema,
    subject: z.string().min(1).max(200),
    /** Plain text with `{{field}}` placeholders; URLs become links in the HTML part. */
    body: z.string().min(1).max(20_000),
    recipients: z.array(bulkEmailRecipientSchema).min(1).max(BULK_EMAIL_MAX_RECIPIENTS),
  }),
);

export const bulkRecipientOutcomes = ['sent', 'failed', 'suppressed', 'unsubscribed', 'limited'] as const;

/**
 * Outcomes of some of a bulk email's recipients, published by the mailer as a batch is sent. Each event
 * names only recipients that reached a final outcome since the last one; consumers apply every event
 * (no aggregate ordering: each carries different recipients) and count what is still pending themselves.
 */
export const BulkEmailProgressedV1 = defineEvent(
  'BulkEmailProgressed',
  1,
  z.object({
    bulkId: z.uuid(),
    clubId: idSchema,
    outcomes: z
      .array(
        z.object({
          to: emailSchema,
          outcome: z.enum(bulkRecipientOutcomes),
          /** The provider's error, never the email's content. */
          error: z.string().max(1000).nullable(),
        }),
      )
      .min(1),
  }),
);
