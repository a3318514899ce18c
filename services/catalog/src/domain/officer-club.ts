import type { DbOrTx } from '@sproul/common/db';
import { type Club, clubRepository } from '../data-access/club-repository.js';
import { listFull, noClubForAccount } from '../errors.js';

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

/**
 * How many items of each list a club may hold. Upstream had no bound (but the gallery's five): every
 * write answers the whole list, so a list without one grows every answer without end.
 */
export const LIST_LIMITS = { resources: 100, events: 500, recruiting_events: 200, faq: 100 } as const;

/** 409: the list is full; removing an item makes room. */
export function assertRoomFor(list: keyof typeof LIST_LIMITS, size: number) {
  const limit = LIST_LIMITS[list];
  if (size >= limit) {
    throw listFull(list, limit);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Item ids are UUIDs: anything else names no item (and must not reach a uuid column as a query error). */
export const isItemId = (id: string) => UUID.test(id);
