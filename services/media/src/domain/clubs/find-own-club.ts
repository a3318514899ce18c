import type { DbOrTx } from '@sproul/common/db';
import { type Club, clubRepository } from '../../data-access/club-repository.js';
import { noClubForAccount } from '../../errors.js';

/** Who is uploading, from the access token: the account, and the club auth says it manages. */
export interface Officer {
  userId: string;
  clubId?: string | null;
}

/**
 * As the catalog decides it: the club the account owns, else the club of the token's `club` claim
 * (signed by auth). Never an id from the request, so no upload can name another club.
 */
export async function findOwnClub(db: DbOrTx, officer: Officer): Promise<Club> {
  const clubs = clubRepository(db);
  const club =
    (await clubs.findByOwner(officer.userId)) ??
    (officer.clubId ? await clubs.findById(officer.clubId) : undefined);
  if (!club) throw noClubForAccount();
  return club;
}
