import type { DbOrTx } from '@sproul/common/db';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { sessions } from './schema.js';

export const sessionRepository = (db: DbOrTx) => ({
  async create(accountId: string, expiresAt: Date) {
    const [row] = await db.insert(sessions).values({ accountId, expiresAt }).returning({ id: sessions.id });
    return row!.id;
  },

  /** The session row, locked until the transaction ends (concurrent refreshes queue up). */
  async lock(id: string) {
    const [row] = await db.select().from(sessions).where(eq(sessions.id, id)).for('update');
    return row;
  },

  /** Records the presented generation and mints the next one; returns its number. */
  async advance(id: string, presented: number, expiresAt: Date) {
    const [row] = await db
      .update(sessions)
      .set({
        highestPresented: sql`greatest(${sessions.highestPresented}, ${presented})`,
        latestGeneration: sql`${sessions.latestGeneration} + 1`,
        expiresAt,
      })
      .where(eq(sessions.id, id))
      .returning({ generation: sessions.latestGeneration });
    return row!.generation;
  },

  async revoke(id: string, reason: string) {
    await db
      .update(sessions)
      .set({ revokedAt: new Date(), revokedReason: reason })
      .where(and(eq(sessions.id, id), isNull(sessions.revokedAt)));
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
