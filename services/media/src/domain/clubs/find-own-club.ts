import type { DbOrTx } from '@sproul/common/db';
import { type Club, clubRepository } from '../../data-access/club-repository.js';
import { noClubForAccount } from '../../errors.js';

/** Who is uploading, from the access token: the account, and the club auth says it manages. */
export interface Officer {
  userId: string;
  clubId?: string | null;
}

/**
 * As the catalog decides it: the club of the token's `club` claim (signed by auth; an officer of
 * several clubs, or an owner handed another, uploads to the one it acts for), else, for a token without
 * one, the club the account owns. Never an id from the request, so no upload can name another club. A
 * claimed club media has not heard of (created before media was deployed) is taken on auth's word; a
 * deleted one (its tombstone) is not.
 */
export async function findOwnClub(db: DbOrTx, officer: Officer): Promise<Pick<Club, 'id'>> {
  const clubs = clubRepository(db);
  if (!officer.clubId) {
    const owned = await clubs.findByOwner(officer.userId);
    if (!owned) throw noClubForAccount();
    return owned;
  }
  const claimed = await clubs.findById(officer.clubId);
  if (claimed?.deleted) throw noClubForAccount();
  return claimed ?? { id: officer.clubId };
}
