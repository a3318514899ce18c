import type { DbOrTx } from '@sproul/common/db';
import { and, eq, isNull } from 'drizzle-orm';
import { sessions } from './schema.js';

export const sessionRepository = (db: DbOrTx) => ({
  async create(accountId: string, expiresAt: Date, clubId: string | null) {
    const [row] = await db
      .insert(sessions)
      .values({ accountId, expiresAt, clubId })
      .returning({ id: sessions.id });
    return row!.id;
  },

  async revoke(id: string, reason: string) {
    await db
      .update(sessions)
      .set({ revokedAt: new Date(), revokedReason: reason })
      .where(and(eq(sessions.id, id), isNull(sessions.revokedAt)));
  },

  /** The club the session's access tokens act for from now on. */
  async setClub(id: string, clubId: string | null) {
    await db.update(sessions).set({ clubId }).where(eq(sessions.id, id));
  },

  /** Ends every live session of an account; returns their ids. */
  async revokeAll(accountId: string, reason: string) {
    const rows = await db
      .update(sessions)
      .set({ revokedAt: new Date(), revokedReason: reason })
      .where(and(eq(sessions.accountId, accountId), isNull(sessions.revokedAt)))
      .returning({ id: sessions.id });
    return rows.map((row) => row.id);
  },
});
