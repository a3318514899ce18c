import { z } from 'zod';
import { defineEvent } from '../define-event.js';
import { idSchema } from './shared-fields.js';

/**
 * Where a student stands with a club. Applications and memberships are one record moved through these
 * statuses by engagement's state machine (`services/engagement/src/domain/membership-moves.ts`).
 */
export const membershipStatuses = [
  'applied',
  'under_review',
  'interview',
  'accepted',
  'rejected',
  'member',
  'alumni',
  'withdrawn',
  'removed',
] as const;
export type MembershipStatus = (typeof membershipStatuses)[number];

/** A membership (or application) moved to a new status. Carries its state, ordered per membership. */
export const MembershipChangedV1 = defineEvent(
  'MembershipChanged',
  1,
  z.object({
    membershipId: idSchema,
    clubId: idSchema,
    accountId: idSchema,
    status: z.enum(membershipStatuses),
    previousStatus: z.enum(membershipStatuses).nullable(),
    /** Who moved it: the student, one of the club's officers, or the platform (e.g. a deleted club). */
    movedBy: z.enum(['student', 'officer', 'platform']),
  }),
  { aggregate: { effect: 'state', of: (data) => ({ type: 'membership', id: data.membershipId }) } },
);

/** How many members (status `member`) a club has now; the catalog shows it on the club's page. */
export const ClubMembersCountedV1 = defineEvent(
  'ClubMembersCounted',
  1,
  z.object({ clubId: idSchema, members: z.number().int().min(0) }),
  { aggregate: { effect: 'state', of: (data) => ({ type: 'club-members', id: data.clubId }) } },
);
