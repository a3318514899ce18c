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
 * request, so no route can name another club: the club named in the token's `club` claim (signed by
 * auth for an officer of that club; a removed officer's tokens are denylisted), or, for a token
 * without one (issued before auth learned of the registration), the club the account owns, so such a
 * token works as soon as the club exists. The claim comes first: an officer of several clubs, or an
 * owner handed another club, edits the one they chose (switch-club).
 */
export async function findOwnClub(db: DbOrTx, officer: Officer): Promise<Club> {
  const clubs = clubRepository(db);
  const club = officer.clubId
    ? await clubs.findById(officer.clubId)
    : await clubs.findByOwner(officer.userId);
  if (!club) throw noClubForAccount();
  return club;
}
