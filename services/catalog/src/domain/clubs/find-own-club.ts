import type { DbOrTx } from '@sproul/common/db';
import { type Club, clubRepository } from '../../data-access/club-repository.js';
import { noClubForAccount } from '../../errors.js';

/** Who is editing, from the access token: the account, and the club auth says it manages. */
export interface Officer {
  userId: string;
  clubId?: string | null;
}

/**
 * An officer reaches only the club they manage, found from the token, never from an id in the
 * request, so no route can name another club: the club their account owns, or else the club named in
 * the token's `club` claim (signed by auth, which sets it for the accounts of a club). A token issued
 * before the club existed works as soon as it does, since ownership is the first test.
 */
export async function findOwnClub(db: DbOrTx, officer: Officer): Promise<Club> {
  const clubs = clubRepository(db);
  const club =
    (await clubs.findByOwner(officer.userId)) ??
    (officer.clubId ? await clubs.findById(officer.clubId) : undefined);
  if (!club) throw noClubForAccount();
  return club;
}
