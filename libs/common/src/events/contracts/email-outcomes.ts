import { z } from 'zod';
import { defineEvent } from '../define-event.js';
import { emailSchema, idSchema } from './shared-fields.js';

/** The mailer handed an email to the provider. `requestId` is the EmailRequested event's id. */
export const EmailSentV1 = defineEvent(
  'EmailSent',
  1,
  z.object({
    requestId: z.uuid(),
    to: emailSchema,
    template: z.string().min(1).max(64),
    userId: idSchema.nullable(),
    providerMessageId: z.string().min(1).max(300),
  }),
);

/**
 * An email the mailer will not deliver: the provider refused it for good (`rejected`), the address is
 * on the suppression list (`suppressed`), or it received too many emails this hour (`limited`).
 */
export const EmailFailedV1 = defineEvent(
  'EmailFailed',
  1,
  z.object({
    requestId: z.uuid(),
    to: emailSchema,
    template: z.string().min(1).max(64),
    userId: idSchema.nullable(),
    reason: z.enum(['rejected', 'suppressed', 'limited']),
    /** The provider's error message, never the email's content. */
    error: z.string().max(1000).nullable(),
  }),
);
