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

/** Upstream's social links that hold a URL (`contact_email` is a contact, not a link). */
export const socialLinkNames = [
  'website',
  'facebook',
  'instagram',
  'linkedin',
  'twitter',
  'youtube',
  'github',
  'behance',
  'medium',
  'gcalendar',
  'discord',
] as const;

const instant = z.iso.datetime({ offset: true });

/**
 * Version 2 of the summary: what the statistics read (monitor) besides v1's fields. Only whether a
 * link or picture is set, never its value; event start times, not the events.
 */
export const clubSummaryV2Schema = clubSummarySchema.extend({
  confirmed: z.boolean(),
  reactivated: z.boolean(),
  registered_at: instant,
  reactivated_last: instant.nullable(),
  has_logo: z.boolean(),
  has_banner: z.boolean(),
  /** Names of the social links that are set (a non-empty URL). */
  social_links: z.array(z.enum(socialLinkNames)),
  apply_deadline_start: instant.nullable(),
  apply_deadline_end: instant.nullable(),
  recruiting_start: instant.nullable(),
  recruiting_end: instant.nullable(),
  /** Start of each of the club's events (not recruiting events). */
  event_starts: z.array(instant),
});

/**
 * v2 of ClubCreated and ClubUpdated, published beside v1 in the same transaction (the aggregate's
 * versions are shared, so each consumer sees its version in order). The catalog also answers a
 * ReadModelReplayRequested with one ClubUpdated v2 per club (`changed: ["replay"]`).
 */
export const ClubCreatedV2 = defineEvent(
  'ClubCreated',
  2,
  z.object({ clubId: idSchema, ownerUserId: idSchema, club: clubSummaryV2Schema }),
  { aggregate: { effect: 'state', of: aboutClub } },
);

export const ClubUpdatedV2 = defineEvent(
  'ClubUpdated',
  2,
  z.object({
    clubId: idSchema,
    changed: z.array(z.string().min(1)).min(1),
    club: clubSummaryV2Schema,
    previousLinkName: linkNameSchema.optional(),
  }),
  { aggregate: { effect: 'state', of: aboutClub } },
);
