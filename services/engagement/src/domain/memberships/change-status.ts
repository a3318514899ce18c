import type { AccessClaims } from '@sproul/common/auth';
import type { MembershipStatus } from '@sproul/common/events';
import type { Club } from '../../data-access/club-repository.js';
import { type Membership, membershipRepository } from '../../data-access/membership-repository.js';
import { invalidMove, membershipNotFound, notClubOfficer } from '../../errors.js';
import { findClub, isOfficerOf } from '../clubs/club-access.js';
import type { EngagementContext } from '../engagement-context.js';
import { allowedMoves, findMove, type Side } from '../membership-moves.js';
import { applyMove } from './apply-move.js';
import { viewOf } from './membership-view.js';

type Db = EngagementContext['db'] | Parameters<typeof membershipRepository>[0];

/**
 * Which side of a membership the caller is on: the student it belongs to, or one of the club's
 * officers (from engagement's copy of the team). The student's own side wins, so an officer never
 * reviews their own application. Anyone else: 404 for a membership they may not know of.
 */
export async function callerSide(db: Db, club: Club, membership: Membership, claims: AccessClaims) {
  if (membership.accountId === claims.sub) return 'student' as const;
  if (await isOfficerOf(db, club, claims)) return 'officer' as const;
  return undefined;
}

/** A membership of this club, seen by the caller (officer, its student, or for reading an admin). */
export async function membershipFor(
  db: Db,
  linkName: string,
  id: string,
  claims: AccessClaims,
  access: 'read' | 'write',
): Promise<{ club: Club; membership: Membership; side: Side | null }> {
  const club = await findClub(db, linkName);
  const membership = await membershipRepository(db).find(id);
  if (!membership || membership.clubId !== club.id) throw membershipNotFound();
  const side = await callerSide(db, club, membership, claims);
  if (side) return { club, membership, side };
  if (access === 'read' && claims.role === 'admin') return { club, membership, side: null };
  throw notClubOfficer();
}

/** The caller moves a membership to `to`, if the table lets their side; else a 409 with what they may do. */
export async function changeStatus(
  ctx: EngagementContext,
  claims: AccessClaims,
  linkName: string,
  id: string,
  to: MembershipStatus,
  note: string | null,
) {
  return ctx.outbox.transaction(async (tx) => {
    const { club, membership, side } = await membershipFor(tx, linkName, id, claims, 'write');
    const from = membership.status as MembershipStatus;
    const actor = side as Side;
    // Joining again goes through the application route (it takes new answers).
    if (!findMove(from, to, actor, club) || (actor === 'student' && (to === 'applied' || to === 'member'))) {
      throw invalidMove(from, movesHere(from, actor, club));
    }
    const at = ctx.clock();
    const move = { from, to, actor: { side: actor, id: claims.sub }, note, at };
    const row = await applyMove(tx, ctx.outbox, move, club.id, () =>
      membershipRepository(tx).move(membership.id, from, to, at),
    );
    if (!row) {
      const now = (await membershipRepository(tx).find(membership.id)) ?? membership;
      const status = now.status as MembershipStatus;
      throw invalidMove(status, movesHere(status, actor, club));
    }
    return viewOf(tx, row, club, actor);
  });
}

/** Moves this route makes: a student's re-application is the join route's, so it is not listed here. */
const movesHere = (from: MembershipStatus, side: Side, club: Club) =>
  allowedMoves(from, side, club).filter((to) => side !== 'student' || (to !== 'applied' && to !== 'member'));
