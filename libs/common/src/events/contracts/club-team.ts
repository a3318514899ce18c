import { z } from 'zod';
import { defineEvent } from '../define-event.js';
import { emailSchema, idSchema } from './shared-fields.js';

/** An officer's role in one club. Every club has exactly one owner (the account that registered it, or
 * whoever ownership was transferred to) and any number of officers. */
export const clubRoles = ['owner', 'officer'] as const;
export type ClubRole = (typeof clubRoles)[number];

/**
 * Auth changed someone's place in a club's team: granted on invitation acceptance or club registration,
 * changed on an ownership transfer, or ended (`role: null`) when the owner removed the officer, the
 * officer left, or the club or account is gone. Carries the whole state of that (club, account) pair,
 * so consumers (engagement's role checks) keep a copy and let no older change overwrite a newer one.
 */
export const ClubOfficerChangedV1 = defineEvent(
  'ClubOfficerChanged',
  1,
  z.object({
    clubId: idSchema,
    accountId: idSchema,
    email: emailSchema,
    name: z.string().max(200).nullable(),
    role: z.enum(clubRoles).nullable(),
    /** The account that made the change; null when the platform did (club registration, deletion). */
    changedBy: idSchema.nullable(),
  }),
  {
    aggregate: {
      effect: 'state',
      of: (data) => ({ type: 'club-officer', id: `${data.clubId}:${data.accountId}` }),
    },
  },
);

/** Platform roles an admin grants or revokes (Flux's `give_role`), beside an account's own kind. */
export const platformRoles = ['admin'] as const;

/** An admin granted or revoked a platform role; `roles` is every platform role the account now holds. */
export const PlatformRoleChangedV1 = defineEvent(
  'PlatformRoleChanged',
  1,
  z.object({
    accountId: idSchema,
    email: emailSchema,
    roles: z.array(z.enum(platformRoles)),
    changedBy: idSchema.nullable(),
  }),
  { aggregate: { effect: 'state', of: (data) => ({ type: 'platform-roles', id: data.accountId }) } },
);
