import { z } from 'zod';
import { defineEvent } from '../define-event.js';
import { idSchema, linkNameSchema } from './shared-fields.js';

/** What other services (recommender, monitor) need to know of a club, without reading the catalog. */
export const clubSummarySchema = z.object({
  name: z.string().min(1).max(200),
  link_name: linkNameSchema,
  tags: z.array(z.number().int().min(0)),
  num_users: z.number().int().min(0),
  app_required: z.boolean(),
  new_members: z.boolean(),
  about_us: z.string(),
  get_involved: z.string(),
  visible: z.boolean(),
});

/** Club events are about the club (`club`/clubId); created and updated carry its whole summary. */
const aboutClub = (data: { clubId: string }) => ({ type: 'club', id: data.clubId });

export const ClubCreatedV1 = defineEvent(
  'ClubCreated',
  1,
  z.object({ clubId: idSchema, ownerUserId: idSchema, club: clubSummarySchema }),
  { aggregate: { effect: 'state', of: aboutClub } },
);

export const ClubUpdatedV1 = defineEvent(
  'ClubUpdated',
  1,
  z.object({
    clubId: idSchema,
    /** Names of the fields this change touched, e.g. ["about_us", "events"]. */
    changed: z.array(z.string().min(1)).min(1),
    club: clubSummarySchema,
    /**
     * Set when a rename gave the club a new link_name; the old one redirects. A consumer may skip an
     * update older than one it applied (`state`), so keep redirects from this only if missing one is harmless.
     */
    previousLinkName: linkNameSchema.optional(),
  }),
  { aggregate: { effect: 'state', of: aboutClub } },
);

export const ClubDeletedV1 = defineEvent(
  'ClubDeleted',
  1,
  z.object({ clubId: idSchema, ownerUserId: idSchema, link_name: linkNameSchema }),
  { aggregate: { effect: 'end', of: aboutClub } },
);
