import type { DbOrTx } from '@sproul/common/db';
import { eq } from 'drizzle-orm';
import { clubs } from './schema.js';

export type Club = typeof clubs.$inferSelect;

/** Auth's copy of the catalog's clubs (names for invitation emails and pages). */
export const clubRepository = (db: DbOrTx) => ({
  async upsert(club: Club) {
    await db
      .insert(clubs)
      .values(club)
      .onConflictDoUpdate({ target: clubs.id, set: { linkName: club.linkName, name: club.name } });
  },

  async delete(id: string) {
    await db.delete(clubs).where(eq(clubs.id, id));
  },

  async find(id: string): Promise<Club | undefined> {
    const [row] = await db.select().from(clubs).where(eq(clubs.id, id));
    return row;
  },
});
