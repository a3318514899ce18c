import type { AccessClaims } from '@sproul/common/auth';
import { EmailRequestedV1, makeEvent } from '@sproul/common/events';
import type { TeamMember } from '../data-access/club-officer-repository.js';
import type { Invitation } from '../data-access/invitation-repository.js';
import {
  accountGone,
  alreadyOfficer,
  invitationNotFound,
  notClubOfficer,
  notTeamMember,
  ownerOnly,
  ownerStays,
  transferTarget,
} from '../errors.js';
import { type AuthContext, SOURCE, type Work } from './auth-context.js';
import { normalizeEmail } from './email-address.js';
import { officerChanged } from './officer-changes.js';
import { hashToken, newSecretToken } from './secret-tokens.js';
import { denyOfficer, type SessionTokens, switchSessionClub } from './sessions.js';

/** An invitation stays open 72 hours. */
export const INVITATION_TTL_MS = 72 * 3600_000;

type Caller = Pick<AccessClaims, 'sub' | 'club' | 'sid'>;

/**
 * The caller as an officer of the club their token acts for (its `club` claim). A token without one,
 * or acting for a club they no longer run, may not touch any team: 403.
 */
async function actingOfficer(unit: Pick<Work, 'officers'>, caller: Caller, lock = false) {
  if (!caller.club) throw notClubOfficer();
  const me = await unit.officers.find(caller.club, caller.sub, lock);
  if (!me) throw notClubOfficer();
  return me;
}

async function actingOwner(unit: Pick<Work, 'officers'>, caller: Caller, lock = false) {
  const me = await actingOfficer(unit, caller, lock);
  if (me.role !== 'owner') throw ownerOnly();
  return me;
}

export const invitationView = (invitation: Invitation) => ({
  id: invitation.id,
  email: invitation.email,
  role: invitation.role,
  created_at: invitation.createdAt.toISOString(),
  expires_at: invitation.expiresAt.toISOString(),
});

const officerView = (member: TeamMember) => ({
  account_id: member.accountId,
  email: member.email,
  name: member.name,
  role: member.role,
  granted_at: member.grantedAt.toISOString(),
});

/** The clubs the caller runs, with their role and whether the token acts for it. */
export async function listMyClubs(ctx: AuthContext, caller: Caller) {
  const grants = await ctx.read.officers.clubsOf(caller.sub);
  return Promise.all(
    grants.map(async (grant) => ({
      club_id: grant.clubId,
      name: (await ctx.read.clubs.find(grant.clubId))?.name ?? null,
      role: grant.role,
      active: grant.clubId === caller.club,
    })),
  );
}

/** New tokens acting for another club the caller runs (403 when they do not run it). */
export async function switchClub(ctx: AuthContext, caller: Caller, clubId: string): Promise<SessionTokens> {
  return ctx.transaction(async (unit) => {
    if (!(await unit.officers.find(clubId, caller.sub))) throw notClubOfficer();
    const account = await unit.accounts.findById(caller.sub);
    if (!account) throw accountGone();
    const tokens = await switchSessionClub(ctx, unit, account, caller.sid, clubId);
    if (!tokens) throw accountGone();
    return tokens;
  });
}

/** The team of the caller's club: officers and open invitations (any officer may read it). */
export async function getTeam(ctx: AuthContext, caller: Caller) {
  const me = await actingOfficer(ctx.read, caller);
  const [officers, invitations] = await Promise.all([
    ctx.read.officers.team(me.clubId),
    ctx.read.invitations.pendingOf(me.clubId),
  ]);
  return {
    club_id: me.clubId,
    officers: officers.map(officerView),
    invitations: invitations.map(invitationView),
  };
}

/**
 * The owner invites an address to the team: a single-use link valid 72 hours is emailed (through the
 * outbox: only if the invitation commits). A new invitation of the same address replaces the open one.
 */
export async function inviteOfficer(ctx: AuthContext, caller: Caller, rawEmail: string) {
  const email = normalizeEmail(rawEmail);
  return ctx.transaction(async (unit) => {
    const me = await actingOwner(unit, caller);
    const invitee = await unit.accounts.findByEmail(email);
    if (invitee && (await unit.officers.find(me.clubId, invitee.id))) throw alreadyOfficer();
    const token = newSecretToken();
    const invitation = await unit.invitations.replace({
      clubId: me.clubId,
      email,
      role: 'officer',
      tokenHash: hashToken(token),
      invitedBy: me.accountId,
      expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
    });
    const club = await unit.clubs.find(me.clubId);
    await unit.publish(
      makeEvent(
        EmailRequestedV1,
        {
          to: email,
          template: 'officer-invitation',
          variables: {
            // The gateway's own page (as confirm and magic links lead to the gateway): the web client has none.
            accept_url: new URL(`/accept-invitation?token=${token}`, ctx.config.PUBLIC_BASE_URL).href,
            club_name: club?.name ?? 'a club',
            inviter: me.name ?? me.email,
            role: invitation.role,
            expires_at: invitation.expiresAt.toISOString(),
          },
          userId: invitee?.id ?? null,
        },
        SOURCE,
      ),
    );
    return invitationView(invitation);
  });
}

export async function revokeInvitation(ctx: AuthContext, caller: Caller, id: string) {
  await ctx.transaction(async (unit) => {
    const me = await actingOwner(unit, caller);
    if (!(await unit.invitations.revoke(me.clubId, id))) throw invitationNotFound();
  });
}

/**
 * The owner removes an officer, or an officer leaves (removes themself). The owner stays until they
 * transfer ownership. The removed officer's tokens for the club stop working at once.
 */
export async function removeOfficer(ctx: AuthContext, caller: Caller, accountId: string) {
  const removed = await ctx.transaction(async (unit) => {
    const me = await actingOfficer(unit, caller);
    if (accountId !== me.accountId && me.role !== 'owner') throw ownerOnly();
    const target = await unit.officers.find(me.clubId, accountId, true);
    if (!target) throw notTeamMember();
    if (target.role === 'owner') throw ownerStays();
    await unit.officers.remove(me.clubId, accountId);
    await unit.publish(officerChanged(target, null, me.accountId));
    return target;
  });
  await denyOfficer(ctx, [removed]);
}

/**
 * The owner hands the club to another of its officers and stays as an officer; both rows change in one
 * transaction (the old owner's first: the one-owner index holds at every statement).
 */
export async function transferOwnership(ctx: AuthContext, caller: Caller, accountId: string) {
  await ctx.transaction(async (unit) => {
    const me = await actingOwner(unit, caller, true);
    if (accountId === me.accountId) throw transferTarget();
    const target = await unit.officers.find(me.clubId, accountId, true);
    if (!target) throw transferTarget();
    await unit.officers.setRole(me.clubId, me.accountId, 'officer');
    await unit.officers.setRole(me.clubId, target.accountId, 'owner');
    await unit.publish(
      officerChanged(me, 'officer', me.accountId),
      officerChanged(target, 'owner', me.accountId),
    );
  });
}
