import { badRequest } from '@sproul/common/errors';
import type { Outbox } from '@sproul/common/messaging';
import { clubRepository } from '../../data-access/club-repository.js';
import { deleteClub } from './delete-club.js';

/**
 * Deletes the club of the officer with this email, with all it holds, and announces ClubDeleted in
 * the same transaction (media drops the club's images; auth decides what becomes of the account).
 */
export async function deleteClubOfOfficer(outbox: Outbox, email: string): Promise<void> {
  await outbox.transaction(async (tx) => {
    const club = await clubRepository(tx).findByOwnerEmail(email);
    if (!club || !(await deleteClub(tx, outbox, club))) throw badRequest('The user does not exist!');
  });
}
