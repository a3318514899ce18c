import type { DbOrTx } from '@sproul/common/db';
import { badRequest } from '@sproul/common/errors';
import type { Outbox } from '@sproul/common/messaging';
import { clubAdminRepository } from '../../data-access/club-admin-repository.js';
import { clubRepository } from '../../data-access/club-repository.js';
import { deleteClub } from './delete-club.js';

/** A row of the dashboard's club page (upstream's `/club/list`). */
export interface ClubAccount {
  name: string;
  email: string;
  confirmed: boolean;
  reactivated: boolean;
}

/** Every club, hidden ones included, by name (the same order on PostgreSQL and PGlite, whatever their collation). */
export async function listClubAccounts(db: DbOrTx): Promise<ClubAccount[]> {
  const rows = await clubAdminRepository(db).accounts();
  return rows.sort((a, b) => a.name.localeCompare(b.name, 'en') || a.email.localeCompare(b.email, 'en'));
}

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
