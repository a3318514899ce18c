import { z } from 'zod';
import { defineEvent } from '../define-event.js';
import { idSchema, roleSchema } from './shared-fields.js';

/**
 * Someone used their account: signed in (any way: password, Basic, magic link, campus sign-on) or
 * traded a refresh token for a new access token. Activity, not a change of the account's state, so it
 * has no aggregate: the monitor keeps each account's latest time (`occurredAt`) and counts who was
 * active lately.
 */
export const AccountSignedInV1 = defineEvent(
  'AccountSignedIn',
  1,
  z.object({ userId: idSchema, role: roleSchema, via: z.enum(['sign-in', 'refresh']) }),
);
