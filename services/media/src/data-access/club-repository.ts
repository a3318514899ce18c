import type { DbOrTx } from '@sproul/common/db';
import { and, eq, sql } from 'drizzle-orm';
import { clubs } from './schema.js';

export type Club = typeof clubs.$inferSelect;

/** Media's copy of the catalog's clubs: enough to know which club an officer uploads to. */
export const clubRepository = (db: DbOrTx) => ({
  async findById(id: string): Promise<Club | undefined> {
    const [row] = await db.select().from(clubs).where(eq(clubs.id, id));
    return row;
  },
  async findByOwner(userId: string): Promise<Club | undefined> {
    const [row] = await db
      .select()
      .from(clubs)
      .where(and(eq(clubs.ownerUserId, userId), eq(clubs.deleted, false)))
      .limit(1);
    return row;
  },
  async upsert(club: Omit<Club, 'deleted'>, deleted = false) {
    await db
      .insert(clubs)
      .values({ ...club, deleted })
      .onConflictDoUpdate({
        target: clubs.id,
        set: { ownerUserId: sql`excluded.owner_user_id`, linkName: sql`excluded.link_name`, deleted },
      });
  },
  async updateLinkName(id: string, linkName: string) {
    await db.update(clubs).set({ linkName }).where(eq(clubs.id, id));
  },
});

/**
 * Serialises, per club, what records keys with what deletes objects: an upload's intent and the
 * deleter's "is this key still used?" check never interleave. Held to commit.
 */
export async function lockClubObjects(db: DbOrTx, clubId: string) {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`media:club:${clubId}`}))`);
}
