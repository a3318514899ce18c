import { z } from 'zod';
import { defineEvent } from '../define-event.js';
import { idSchema } from './shared-fields.js';

/**
 * A student changed what recommendations are made of: interests (tag ids), studies, favourite clubs.
 * It carries the whole current state, so a consumer needs no earlier event to act on it.
 */
export const StudentProfileUpdatedV1 = defineEvent(
  'StudentProfileUpdated',
  1,
  z.object({
    userId: idSchema,
    /** Which of the fields below this change touched, e.g. ["interests"] or ["favorite_clubs"]. */
    changed: z.array(z.string().min(1)).min(1),
    interests: z.array(z.number().int().min(0)),
    majors: z.array(z.number().int().min(0)),
    minors: z.array(z.number().int().min(0)),
    year: z.number().int().min(0).nullable(),
    /** Catalog club ids (as in ClubCreated), in the student's order. */
    favoriteClubIds: z.array(idSchema),
  }),
  { aggregate: { effect: 'state', of: (data) => ({ type: 'student-profile', id: data.userId }) } },
);
