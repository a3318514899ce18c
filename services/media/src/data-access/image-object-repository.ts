import type { DbOrTx } from '@sproul/common/db';
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { imageObjects, images } from './schema.js';

/** Which image names which object key: what the deleter and the orphan sweep must keep. */
export const imageObjectRepository = (db: DbOrTx) => ({
  async keysOf(imageId: string): Promise<string[]> {
    const rows = await db
      .select({ key: imageObjects.key })
      .from(imageObjects)
      .where(eq(imageObjects.imageId, imageId));
    return rows.map((row) => row.key);
  },
  /** Of these keys, those another image still shown or being uploaded uses. */
  async keysInUse(keys: string[], exceptImageId?: string): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows = await db
      .select({ key: imageObjects.key })
      .from(imageObjects)
      .innerJoin(images, eq(images.id, imageObjects.imageId))
      .where(
        and(
          inArray(imageObjects.key, keys),
          inArray(images.state, ['pending', 'live']),
          exceptImageId ? ne(images.id, exceptImageId) : sql`true`,
        ),
      );
    return new Set(rows.map((row) => row.key));
  },
  /** Of these keys, those any row names (whatever its state: to-delete rows are the deleter's). */
  async keysNamed(keys: string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows = await db
      .select({ key: imageObjects.key })
      .from(imageObjects)
      .where(inArray(imageObjects.key, keys));
    return new Set(rows.map((row) => row.key));
  },
  /** Every key any row names (the orphan sweep keeps these). */
  async allKeys(): Promise<Set<string>> {
    const rows = await db.select({ key: imageObjects.key }).from(imageObjects);
    return new Set(rows.map((row) => row.key));
  },
});
