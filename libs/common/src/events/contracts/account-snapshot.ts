import { z } from 'zod';
import { defineEvent } from '../define-event.js';
import { aboutAccount, emailSchema, idSchema, roleSchema } from './shared-fields.js';

/**
 * An account as it is now, with the times of its registration and confirmation: auth's answer to a
 * ReadModelReplayRequested (one per account), from which a read model rebuilt from scratch learns the
 * accounts whose UserRegistered it no longer has. A snapshot of the account aggregate (`state`).
 */
export const AccountSnapshotV1 = defineEvent(
  'AccountSnapshot',
  1,
  z.object({
    userId: idSchema,
    email: emailSchema,
    role: roleSchema,
    registeredAt: z.iso.datetime({ offset: true }),
    confirmedAt: z.iso.datetime({ offset: true }).nullable(),
    /** The replay this answers. */
    replayId: z.uuid(),
  }),
  { aggregate: { effect: 'state', of: aboutAccount } },
);
