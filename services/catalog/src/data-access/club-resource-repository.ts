import type { DbOrTx } from '@sproul/common/db';
import { and, asc, eq } from 'drizzle-orm';
import { clubResources } from './schema.js';

export type ClubResource = typeof clubResources.$inferSelect;
export type NewClubResource = { name: string; link: string };

/** A club's resources (links with a name), in the order they were added. */
export const clubResourceRepository = (db: DbOrTx) => ({
  async list(clubId: string): Promise<ClubResource[]> {
    return db
      .select()
      .from(clubResources)
      .where(eq(clubResources.clubId, clubId))
      .orderBy(asc(clubResources.seq));
  },

  async add(clubId: string, resource: NewClubResource): Promise<ClubResource> {
    const [row] = await db
      .insert(clubResources)
      .values({ ...resource, clubId })
      .returning();
    return row as ClubResource;
  },

  async addMany(clubId: string, resources: NewClubResource[]) {
    if (resources.length === 0) return;
    await db.insert(clubResources).values(resources.map((resource) => ({ ...resource, clubId })));
  },

  /** Undefined when the club has no such resource. */
  async update(
    clubId: string,
    id: string,
    changes: Partial<NewClubResource>,
  ): Promise<ClubResource | undefined> {
    const [row] = await db
      .update(clubResources)
      .set(changes)
      .where(and(eq(clubResources.clubId, clubId), eq(clubResources.id, id)))
      .returning();
    return row;
  },

  /** False when the club has no such resource. */
  async remove(clubId: string, id: string): Promise<boolean> {
    const removed = await db
      .delete(clubResources)
      .where(and(eq(clubResources.clubId, clubId), eq(clubResources.id, id)))
      .returning({ id: clubResources.id });
    return removed.length > 0;
  },
});
