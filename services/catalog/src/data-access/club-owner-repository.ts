import type { DbOrTx } from '@sproul/common/db';
import { and, desc, eq } from 'drizzle-orm';
import { clubOwnerGrants, clubs } from './schema.js';

/** Who owns which club, as auth's ClubOfficerChanged events tell it (`club_owner_grants`, `clubs.owner_*`). */
export const clubOwnerRepository = (db: DbOrTx) => ({
  /** Records that auth last said this account owns the club (which the caller found). */
  async recordOwner(clubId: string, accountId: string, email: string) {
    await db
      .insert(clubOwnerGrants)
      .values({ clubId, accountId, email })
      .onConflictDoUpdate({
        target: [clubOwnerGrants.clubId, clubOwnerGrants.accountId],
        set: { email, grantedAt: new Date() },
      });
  },

  /** Records that auth last said this account does not own the club (an officer now, or gone). */
  async forgetOwner(clubId: string, accountId: string) {
    await db
      .delete(clubOwnerGrants)
      .where(and(eq(clubOwnerGrants.clubId, clubId), eq(clubOwnerGrants.accountId, accountId)));
  },

  /** The accounts auth last said own the club, most recently recorded first. */
  async ownersOf(clubId: string) {
    return db
      .select({ accountId: clubOwnerGrants.accountId, email: clubOwnerGrants.email })
      .from(clubOwnerGrants)
      .where(eq(clubOwnerGrants.clubId, clubId))
      .orderBy(desc(clubOwnerGrants.grantedAt));
  },

  /** Makes the account the club's owner (`owner_user_id`, `owner_email`). */
  async setOwner(clubId: string, accountId: string, email: string) {
    await db.update(clubs).set({ ownerUserId: accountId, ownerEmail: email }).where(eq(clubs.id, clubId));
  },
});
