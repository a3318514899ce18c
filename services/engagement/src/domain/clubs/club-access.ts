import type { AccessClaims } from '@sproul/common/auth';
import type { DbOrTx } from '@sproul/common/db';
import { type Club, clubRepository } from '../../data-access/club-repository.js';
import { clubNotFound, notClubOfficer } from '../../errors.js';

/** The club a path's `:link` names; a deleted or unknown one is a 404. */
export async function findClub(db: DbOrTx, linkName: string): Promise<Club> {
  const club = await clubRepository(db).findByLink(linkName);
  if (!club) throw clubNotFound();
  return club;
}

/**
 * Whether the caller is one of the club's officers now, from engagement's copy of the teams (auth's
 * ClubOfficerChanged), never the token's `club` claim: a removed officer loses access as soon as the
 * event arrives, whatever their token still says.
 */
export async function isOfficerOf(db: DbOrTx, club: Club, claims: AccessClaims): Promise<boolean> {
  return (await clubRepository(db).officerRole(club.id, claims.sub)) !== undefined;
}

/** The club, if the caller is one of its officers (or, for `read`, an admin); else 403. */
export async function clubForOfficer(
  db: DbOrTx,
  linkName: string,
  claims: AccessClaims,
  access: 'read' | 'write',
): Promise<Club> {
  const club = await findClub(db, linkName);
  if (access === 'read' && claims.role === 'admin') return club;
  if (!(await isOfficerOf(db, club, claims))) throw notClubOfficer();
  return club;
}
