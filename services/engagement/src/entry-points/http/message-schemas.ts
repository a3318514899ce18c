import { bulkEmailFields, rsvpStatuses } from '@sproul/common/events';
import { z } from 'zod';
import { recipientStatuses } from '../../domain/messages/message-view.js';
import { linkParams, noControl, statusSchema } from './schemas.js';

const placeholders = `May use the placeholders ${bulkEmailFields.map((f) => `{{${f}}}`).join(', ')}`;

/**
 * Whom a message goes to: the roster's filter. Strict, so a key this version does not know (an event's
 * attendees, later) is a 400 rather than silently ignored and the message sent to everyone.
 */
const membershipRecipients = z.strictObject({
  statuses: z.array(statusSchema).min(1).max(20).describe('Membership statuses to include, e.g. ["member"]'),
  year: z.number().int().min(0).max(100).optional(),
  major: z.number().int().min(0).max(100_000).optional(),
});

/** An event's attendees instead (issue 21): its RSVPs in these statuses; `{{status}}` is the RSVP's. */
const eventRecipients = z.strictObject({
  event: z.strictObject({
    id: z.uuid().describe("The catalog's event id"),
    statuses: z.array(z.enum(rsvpStatuses)).min(1).max(5).describe('RSVP statuses, e.g. ["going"]'),
  }),
});

export const messageRecipientsSchema = z.union([membershipRecipients, eventRecipients]);

export const messageBody = z.strictObject({
  subject: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .refine(noControl, 'must be one line without control characters')
    .describe(placeholders),
  body: z
    .string()
    .min(1)
    .max(20_000)
    .refine((text) => text.trim().length > 0, 'must not be blank')
    .describe(`Plain text; URLs become links. ${placeholders}`),
  to: messageRecipientsSchema,
});

export const messageParams = linkParams.extend({ id: z.uuid() });

const wholeNumber = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

export const messagesQuery = z.object({
  limit: wholeNumber(1, 100).optional(),
  offset: wholeNumber(0, 1_000_000).optional(),
});

const countsView = z.object(
  Object.fromEntries(recipientStatuses.map((status) => [status, z.number().int()])) as Record<
    (typeof recipientStatuses)[number],
    z.ZodNumber
  >,
);

export const messageSummary = z.object({
  id: z.string().describe("Also the mailer's bulkId"),
  subject: z.string(),
  to: z.record(z.string(), z.unknown()).describe('The recipients filter as sent'),
  sent_by: z.string(),
  created_at: z.string(),
  recipient_count: z.number().int(),
  counts: countsView.describe('Recipients by delivery status'),
  done: z.boolean().describe('No recipient is pending'),
});

export const messageDetail = messageSummary.extend({
  body: z.string(),
  recipients: z.array(
    z.object({
      email: z.string(),
      account_id: z.string(),
      name: z.string().nullable(),
      status: z.enum(recipientStatuses),
      error: z.string().nullable(),
      updated_at: z.string(),
    }),
  ),
});
