import { AppError, type DbOrTx } from '@sproul/common';
import { type Club, clubRepository } from '../data-access/club-repository.js';

/**
 * An officer reaches only the club they own: it is looked up by their account id (the token's
 * subject), never by an id from the request, so no route can name another club. The token's `club`
 * claim is not needed, and a token issued before the club existed still works once it does.
 */
export async function findOwnClub(db: DbOrTx, officerId: string): Promise<Club> {
  const club = await clubRepository(db).findByOwner(officerId);
  if (!club) throw clubNotFound();
  return club;
}

export const clubNotFound = () =>
  new AppError('CATALOG.CLUB_NOT_FOUND', 404, 'No club belongs to this account (yet)');

/**
 * How many items of each list a club may hold. Upstream had no bound (but the gallery's five): every
 * write answers the whole list, so a list without one grows every answer without end.
 */
export const LIST_LIMITS = { resources: 100, events: 500, recruiting_events: 200, faq: 100 } as const;

/** 409: the list is full; removing an item makes room. */
export function assertRoomFor(list: keyof typeof LIST_LIMITS, size: number) {
  const limit = LIST_LIMITS[list];
  if (size >= limit) {
    throw new AppError(
      'CATALOG.LIST_FULL',
      409,
      `A club can have at most ${limit} ${list.replace('_', ' ')}`,
      {
        limit,
      },
    );
  }
}

export const itemNotFound = (what: string) =>
  new AppError('CATALOG.ITEM_NOT_FOUND', 404, `Requested ${what} does not exist`);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Item ids are UUIDs: anything else names no item (and must not reach a uuid column as a query error). */
export const isItemId = (id: string) => UUID.test(id);
