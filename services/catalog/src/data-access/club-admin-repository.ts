import type { DbOrTx } from '@sproul/common/db';
import { asc } from 'drizzle-orm';
import { clubs } from './schema.js';

/** Read side of the dashboard's club page: every club, hidden ones included. */
export const clubAdminRepository = (db: DbOrTx) => ({
  async accounts() {
    return db
      .select({
        name: clubs.name,
        email: clubs.ownerEmail,
        confirmed: clubs.confirmed,
        reactivated: clubs.reactivated,
        hidden: clubs.hidden,
        link_name: clubs.linkName,
      })
      .from(clubs)
      .orderBy(asc(clubs.ownerEmail));
  },
});
