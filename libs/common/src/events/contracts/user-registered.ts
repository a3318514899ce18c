import { z } from 'zod';
import { defineEvent } from '../define-event.js';
import { aboutAccount, emailSchema, idSchema, roleSchema, timestampSchema } from './shared-fields.js';

/** The club an officer described when registering; the catalog creates it (hidden until confirmed). */
export const clubDraftSchema = z.object({
  name: z.string().min(1).max(200),
  tags: z.array(z.number().int().min(0)).min(1).max(3),
  num_users: z.number().int().min(0),
  app_required: z.boolean(),
  new_members: z.boolean(),
  apply_deadline_start: timestampSchema,
  apply_deadline_end: timestampSchema,
  recruiting_start: timestampSchema,
  recruiting_end: timestampSchema,
});

export const UserRegisteredV1 = defineEvent(
  'UserRegistered',
  1,
  z.object({
    userId: idSchema,
    email: emailSchema,
    role: roleSchema,
    name: z.string().max(200).nullable(),
    club: clubDraftSchema.nullable(),
  }),
  // A step: the catalog creates the club (or profile) even if the confirmation was applied first.
  { aggregate: { effect: 'once', of: aboutAccount } },
);
