import { z } from 'zod';
import { defineEvent } from '../define-event.js';
import { aboutAccount, emailSchema, idSchema, roleSchema } from './shared-fields.js';

/** An account is gone: the catalog removes the officer's club or the student's profile. */
export const AccountDeletedV1 = defineEvent(
  'AccountDeleted',
  1,
  z.object({ userId: idSchema, email: emailSchema, role: roleSchema, clubId: idSchema.nullable() }),
  // Registration or confirmation arriving after it (a retry) must not bring the account's data back.
  { aggregate: { effect: 'end', of: aboutAccount } },
);
