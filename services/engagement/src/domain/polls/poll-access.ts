import type { AccessClaims } from '@sproul/common/auth';
import type { DbOrTx } from '@sproul/common/db';
import type { Club } from '../../data-access/club-repository.js';
import { membershipRepository } from '../../data-access/membership-repository.js';
import { notClubMember } from '../../errors.js';
import { findClub, isOfficerOf } from '../clubs/club-access.js';

/** How the caller stands with a club's polls: officers run them, admins read, members read and vote. */
export interface PollReader {
  club: Club;
  officer: boolean;
  admin: boolean;
  member: boolean;
}

async function isMemberOf(db: DbOrTx, club: Club, accountId: string) {
  return (await membershipRepository(db).findFor(club.id, accountId))?.status === 'member';
}

/** The club's polls may be read by its officers, admins and its members (status `member`); else 403. */
export async function pollReader(db: DbOrTx, linkName: string, claims: AccessClaims): Promise<PollReader> {
  const club = await findClub(db, linkName);
  const officer = await isOfficerOf(db, club, claims);
  const member = await isMemberOf(db, club, claims.sub);
  const admin = claims.role === 'admin';
  if (!officer && !member && !admin) throw notClubMember();
  return { club, officer, admin, member };
}

/** Only members (status `member`) vote: an officer who is not one of the members does not. */
export async function clubForVoter(db: DbOrTx, linkName: string, claims: AccessClaims): Promise<Club> {
  const club = await findClub(db, linkName);
  if (!(await isMemberOf(db, club, claims.sub))) throw notClubMember();
  return club;
}
