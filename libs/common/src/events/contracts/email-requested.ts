import { z } from 'zod';
import { defineEvent } from '../define-event.js';
import { emailSchema, idSchema } from './shared-fields.js';

export const emailTemplates = [
  'confirm-email',
  'reset-password',
  'magic-link',
  'account-exists',
  'officer-invitation',
  'rsvp-promoted',
] as const;

/**
 * Every email the platform sends, by template; the mailer renders and delivers it. `account-exists`
 * (added in v1, as every earlier event stays valid) tells an owner that someone tried to register
 * their address again: `signin_url`, `recover_url`. `officer-invitation` (also added in v1) invites
 * someone to a club's team: `accept_url`, `club_name`, `inviter`, `role`, `expires_at`. `rsvp-promoted`
 * (added in v1 too) tells a waitlisted student a seat freed up: `event_name`, `club_name`, `starts_at`,
 * `location`, `ticket_url`. A request, not a
 * change of an aggregate's state: it carries no aggregate version, and every one is delivered.
 */
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
