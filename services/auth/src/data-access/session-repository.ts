import type { DbOrTx } from '@sproul/common/db';
import { and, eq, isNull } from 'drizzle-orm';
import { sessions } from './schema.js';

/** What a session's tokens act as (see `sessions.acting_as`). */
export type SessionActing = (typeof sessions.$inferSelect)['actingAs'];

export const sessionRepository = (db: DbOrTx) => ({
  async create(accountId: string, expiresAt: Date, clubId: string | null, actingAs: SessionActing) {
    const [row] = await db
      .insert(sessions)
      .values({ accountId, expiresAt, clubId, actingAs })
      .returning({ id: sessions.id });
    return row!.id;
  },

  async revoke(id: string, reason: string) {
    await db
      .update(sessions)
      .set({ revokedAt: new Date(), revokedReason: reason })
      .where(and(eq(sessions.id, id), isNull(sessions.revokedAt)));
  },

  /** The club the session's access tokens act for from now on (and, when given, what it acts as). */
  async setClub(id: string, clubId: string | null, actingAs?: SessionActing) {
    await db
      .update(sessions)
      .set(actingAs ? { clubId, actingAs } : { clubId })
      .where(eq(sessions.id, id));
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
