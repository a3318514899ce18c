import { z } from 'zod';
import { defineEvent } from '../define-event.js';
import { emailSchema, idSchema } from './shared-fields.js';

/** Every email the platform sends, by template; the mailer renders and delivers it. */
export const emailTemplates = ['confirm-email', 'reset-password', 'magic-link'] as const;

export const EmailRequestedV1 = defineEvent(
  'EmailRequested',
  1,
  z.object({
    to: emailSchema,
    template: z.enum(emailTemplates),
    /** Values the template shows, e.g. `confirm_url`. Links carry single-use tokens: never log them. */
    variables: z.record(z.string(), z.string().max(2000)),
    userId: idSchema.nullable(),
  }),
  // Confirmation, reset and magic links are live credentials until used or expired.
  { carriesSecret: true },
);
