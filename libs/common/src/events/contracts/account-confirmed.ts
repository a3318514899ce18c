import { z } from 'zod';
import { defineEvent } from '../define-event.js';
import { aboutAccount, emailSchema, idSchema, roleSchema } from './shared-fields.js';

export const AccountConfirmedV1 = defineEvent(
  'AccountConfirmed',
  1,
  z.object({ userId: idSchema, email: emailSchema, role: roleSchema }),
  // A step, not a snapshot: it must take effect even after a later event of the account was applied.
  { aggregate: { effect: 'once', of: aboutAccount } },
);
