import { membershipRepository } from '../../data-access/membership-repository.js';
import type { EngagementContext } from '../engagement-context.js';
import { membershipView } from './membership-view.js';

/** A student's applications and memberships, with each club's link and name and what they may do next. */
export async function studentMemberships(ctx: EngagementContext, accountId: string) {
  const memberships = membershipRepository(ctx.db);
  const rows = await memberships.ofStudent(accountId);
  const history = await memberships.history(rows.map((row) => row.membership.id));
  return rows.map(({ membership, club }) => ({
    club: { link_name: club.linkName, name: club.name },
    ...membershipView(
      membership,
      club,
      history.filter((move) => move.membershipId === membership.id),
      'student',
    ),
  }));
}
