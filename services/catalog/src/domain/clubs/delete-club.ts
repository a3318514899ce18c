import type { Tx } from '@sproul/common/db';
import { ClubDeletedV1, makeEvent } from '@sproul/common/events';
import type { Outbox } from '@sproul/common/messaging';
import { type Club, clubRepository } from '../../data-access/club-repository.js';

/**
 * Deletes a club with everything it holds (events, resources, FAQ, gallery, redirects, students'
 * favourites and boards) and announces it (ClubDeleted: media drops its images, auth unlinks the
 * officer), in the caller's transaction. False when the club was already gone.
 */
export async function deleteClub(tx: Tx, outbox: Outbox, club: Pick<Club, 'id'>): Promise<boolean> {
  const deleted = await clubRepository(tx).delete(club.id);
  if (!deleted) return false;
  await outbox.append(tx, [
    makeEvent(
      ClubDeletedV1,
      { clubId: deleted.id, ownerUserId: deleted.ownerUserId, link_name: deleted.linkName },
      'catalog',
    ),
  ]);
  return true;
}
