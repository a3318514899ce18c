import type { DbOrTx } from '@sproul/common/db';
import { eq, inArray } from 'drizzle-orm';
import { knownNumUserTags, knownTags } from './schema.js';

/** Auth's copy of the catalog's tags and member-count ranges, kept from TagChanged snapshots. */
export const catalogMetadataRepository = (db: DbOrTx) => ({
  async replace(tags: { id: number; name: string }[], numUserTags: { id: number; value: string }[]) {
    await db.delete(knownTags);
    await db.delete(knownNumUserTags);
    if (tags.length > 0) await db.insert(knownTags).values(tags);
    if (numUserTags.length > 0) await db.insert(knownNumUserTags).values(numUserTags);
  },

  async missingTags(ids: number[]): Promise<number[]> {
    if (ids.length === 0) return [];
    const found = await db.select({ id: knownTags.id }).from(knownTags).where(inArray(knownTags.id, ids));
    const known = new Set(found.map((row) => row.id));
    return ids.filter((id) => !known.has(id));
  },

  async numUsersExists(id: number) {
    const [row] = await db
      .select({ id: knownNumUserTags.id })
      .from(knownNumUserTags)
      .where(eq(knownNumUserTags.id, id));
    return Boolean(row);
  },
});
