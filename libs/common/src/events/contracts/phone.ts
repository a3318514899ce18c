import { z } from 'zod';
import { defineEvent } from '../define-event.js';
import { idSchema } from './shared-fields.js';

/** A phone number in E.164 form: `+` then 8 to 15 digits. */
export const e164Schema = z.string().regex(/^\+[1-9]\d{7,14}$/, 'Expected an E.164 phone number');

/** An account's verified phone number changed (verified, replaced, or removed: `phone: null`). */
export const PhoneNumberChangedV1 = defineEvent(
  'PhoneNumberChanged',
  1,
  z.object({ userId: idSchema, phone: e164Schema.nullable() }),
  { aggregate: { effect: 'state', of: (data) => ({ type: 'account-phone', id: data.userId }) } },
);

/**
 * A text message to send; the mailer's SMS sender delivers it (the embedded default into the local
 * inbox, /_dev/mail). Verification codes are live secrets until used or expired.
 */
export const SmsRequestedV1 = defineEvent(
  'SmsRequested',
  1,
  z.object({
    to: e164Schema,
    text: z.string().min(1).max(480),
    purpose: z.enum(['phone-code', 'event-reminder']),
    userId: idSchema.nullable(),
  }),
  { carriesSecret: true },
);
