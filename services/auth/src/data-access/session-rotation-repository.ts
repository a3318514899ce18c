import type { DbOrTx } from '@sproul/common/db';
import { eq, sql } from 'drizzle-orm';
import { sessions } from './schema.js';

/** Refresh-token rotation: the session row under lock (refresh and logout read it so), its next generation. */
export const sessionRotationRepository = (db: DbOrTx) => ({
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
});
