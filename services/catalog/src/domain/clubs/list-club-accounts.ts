import type { DbOrTx } from '@sproul/common/db';
import { clubAdminRepository } from '../../data-access/club-admin-repository.js';
import type { Club } from '../../data-access/club-repository.js';

/** A row of the dashboard's club page: upstream's `/club/list` fields, then whether an admin hid it and its link. */
export interface ClubAccount {
  name: string;
  email: string;
  confirmed: boolean;
  reactivated: boolean;
  hidden: boolean;
  link_name: string;
}

export const clubAccount = (club: Club): ClubAccount => ({
  name: club.name,
  email: club.ownerEmail,
  confirmed: club.confirmed,
  reactivated: club.reactivated,
  hidden: club.hidden,
  link_name: club.linkName,
});

/** Every club, hidden ones included, by name (the same order on PostgreSQL and PGlite, whatever their collation). */
export async function listClubAccounts(db: DbOrTx): Promise<ClubAccount[]> {
  const rows = await clubAdminRepository(db).accounts();
  return rows.sort((a, b) => a.name.localeCompare(b.name, 'en') || a.email.localeCompare(b.email, 'en'));
}
