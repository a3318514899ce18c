import type { DbOrTx } from '@sproul/common/db';
import type { MembershipStatus } from '@sproul/common/events';
import type { Club } from '../../data-access/club-repository.js';
import {
  type Membership,
  type MembershipMove,
  membershipRepository,
} from '../../data-access/membership-repository.js';
import { allowedMoves, type Side } from '../membership-moves.js';

/** A membership as the API shows it: its state, history, and the moves the caller may make next. */
export function membershipView(
  membership: Membership,
  club: Pick<Club, 'accepting' | 'applicationRequired'>,
  history: MembershipMove[],
  side: Side | null,
) {
  return {
    id: membership.id,
    status: membership.status as MembershipStatus,
    answers: membership.answers,
    has_resume: membership.hasResume,
    year: membership.year,
    major: membership.major,
    applied_at: membership.appliedAt.toISOString(),
    updated_at: membership.updatedAt.toISOString(),
    history: history.map((move) => ({
      from: move.fromStatus,
      to: move.toStatus,
      by: move.by,
      note: move.note,
      at: move.at.toISOString(),
    })),
    allowed_moves: side ? allowedMoves(membership.status as MembershipStatus, side, club) : [],
  };
}

/** One membership's view, its history read. */
export async function viewOf(db: DbOrTx, membership: Membership, club: Club, side: Side | null) {
  const history = await membershipRepository(db).history([membership.id]);
  return membershipView(membership, club, history, side);
}
