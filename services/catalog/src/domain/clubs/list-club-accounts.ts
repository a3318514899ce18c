import type { DbOrTx } from '@sproul/common/db';
import { clubAdminRepository } from '../../data-access/club-admin-repository.js';

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
