import { z } from 'zod';
import { defineEvent } from '../define-event.js';
import { emailSchema } from './shared-fields.js';

/**
 * An email was added to (`listed`) or removed from auth's RSO list, or restated in a replay. Each email
 * is its own aggregate, so a late removal never undoes a newer addition.
 */
export const RsoListEntryChangedV1 = defineEvent(
  'RsoListEntryChanged',
  1,
  z.object({ email: emailSchema, listed: z.boolean() }),
  { aggregate: { effect: 'state', of: (data) => ({ type: 'rso-email', id: data.email }) } },
);
