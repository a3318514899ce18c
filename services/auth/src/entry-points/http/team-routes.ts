import { z } from 'zod';
import {
  getTeam,
  inviteOfficer,
  listMyClubs,
  removeOfficer,
  revokeInvitation,
  switchClub,
  transferOwnership,
} from '../../domain/club-team.js';
import { ok, signedIn, success, TEAM } from './answers.js';
import { route } from './route.js';
import { email } from './schemas.js';

// A club's officer team. Every route acts on the club the caller's access token acts for (its `club`
// claim; POST /api/user/switch-club changes it), and answers 403 to anyone not running that club.

const id = z.string().min(1).max(64);
const accountId = z.uuid();

const invitation = z
  .object({
    id: z.string(),
    email: z.string(),
    role: z.string(),
    created_at: z.string(),
    expires_at: z.string(),
  })
  .meta({ id: 'OfficerInvitation' });

const team = z.object({
  club_id: z.string(),
  officers: z.array(
    z.object({
      account_id: z.string(),
      email: z.string(),
      name: z.string().nullable(),
      role: z.enum(['owner', 'officer']),
      granted_at: z.string(),
    }),
  ),
  invitations: z.array(invitation),
});

const myClubs = z.array(
  z.object({
    club_id: z.string(),
    name: z.string().nullable(),
    role: z.enum(['owner', 'officer']),
    active: z.boolean(),
  }),
);

export const teamRoutes = [
  route(
    {
      method: 'get',
      path: '/api/user/clubs',
      tag: TEAM,
      summary: 'The clubs the caller runs, with their role; `active` is the one this token acts for',
      auth: 'signed-in',
      responses: { 200: { description: 'Clubs', schema: myClubs } },
    },
    ({ ctx, claims }) => listMyClubs(ctx, claims),
  ),
  route(
    {
      method: 'post',
      path: '/api/user/switch-club',
      tag: TEAM,
      summary: 'New tokens acting for another club the caller runs (the session keeps it on refresh)',
      auth: 'signed-in',
      body: z.strictObject({ club_id: id }),
      responses: signedIn,
      errors: [403],
    },
    ({ ctx, claims, body }) => switchClub(ctx, claims, body.club_id),
  ),
  route(
    {
      method: 'get',
      path: '/api/user/team',
      tag: TEAM,
      summary: "The club's officers and open invitations",
      auth: 'signed-in',
      responses: { 200: { description: 'Team', schema: team } },
      errors: [403],
    },
    ({ ctx, claims }) => getTeam(ctx, claims),
  ),
  route(
    {
      method: 'post',
      path: '/api/user/team/invitations',
      tag: TEAM,
      summary: 'Invite an address to the team (owner); replaces its open invitation; emails a 72-hour link',
      auth: 'signed-in',
      body: z.strictObject({ email }),
      responses: { 201: { description: 'Invited', schema: z.object({ invitation }) } },
      errors: [403, 409],
    },
    async ({ ctx, claims, body }) => ({ invitation: await inviteOfficer(ctx, claims, body.email) }),
  ),
  route(
    {
      method: 'delete',
      path: '/api/user/team/invitations/:id',
      tag: TEAM,
      summary: 'Revoke an open invitation (owner)',
      auth: 'signed-in',
      params: z.object({ id: z.uuid() }),
      responses: ok,
      errors: [403, 404],
    },
    async ({ ctx, claims, params }) => {
      await revokeInvitation(ctx, claims, params.id);
      return success;
    },
  ),
  route(
    {
      method: 'delete',
      path: '/api/user/team/officers/:accountId',
      tag: TEAM,
      summary: 'Remove an officer (owner), or leave (your own id); the owner must transfer ownership first',
      auth: 'signed-in',
      params: z.object({ accountId }),
      responses: ok,
      errors: [403, 404, 409],
    },
    async ({ ctx, claims, params }) => {
      await removeOfficer(ctx, claims, params.accountId);
      return success;
    },
  ),
  route(
    {
      method: 'post',
      path: '/api/user/team/transfer-ownership',
      tag: TEAM,
      summary: 'Make another officer the owner (owner); the old owner stays an officer',
      auth: 'signed-in',
      body: z.strictObject({ account_id: accountId }),
      responses: ok,
      errors: [403, 409],
    },
    async ({ ctx, claims, body }) => {
      await transferOwnership(ctx, claims, body.account_id);
      return success;
    },
  ),
];
