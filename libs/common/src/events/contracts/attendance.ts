import { z } from 'zod';
import { defineEvent } from '../define-event.js';
import { emailSchema, idSchema } from './shared-fields.js';

/** Where a student stands with an event (engagement's RSVP state machine). */
export const rsvpStatuses = ['going', 'waitlisted', 'checked_in', 'cancelled', 'no_show'] as const;
export type RsvpStatus = (typeof rsvpStatuses)[number];

/** An RSVP moved to a new status (a new one, a cancellation, a waitlist promotion, a check-in). */
export const RsvpChangedV1 = defineEvent(
  'RsvpChanged',
  1,
  z.object({
    rsvpId: idSchema,
    eventId: idSchema,
    clubId: idSchema,
    accountId: idSchema,
    status: z.enum(rsvpStatuses),
    previousStatus: z.enum(rsvpStatuses).nullable(),
    movedBy: z.enum(['student', 'officer', 'platform']),
  }),
  { aggregate: { effect: 'state', of: (data) => ({ type: 'rsvp', id: data.rsvpId }) } },
);

/** Someone was checked in at an event (a scanned ticket or a walk-in by email); `count` is their nth. */
export const CheckedInV1 = defineEvent(
  'CheckedIn',
  1,
  z.object({
    eventId: idSchema,
    clubId: idSchema,
    accountId: idSchema.nullable(),
    email: emailSchema,
    count: z.number().int().min(1),
    walkIn: z.boolean(),
  }),
);
