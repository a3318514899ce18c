import type { DbOrTx } from '@sproul/common/db';
import { and, asc, count, eq } from 'drizzle-orm';
import { clubGalleryMedia } from './schema.js';

export type GalleryItem = typeof clubGalleryMedia.$inferSelect;
export type NewGalleryItem = { id?: string; url: string; caption: string; objectKey?: string | null };

/** A club's gallery pictures, in the order they were added. */
export const clubGalleryRepository = (db: DbOrTx) => ({
  async list(clubId: string): Promise<GalleryItem[]> {
    return db
      .select()
      .from(clubGalleryMedia)
      .where(eq(clubGalleryMedia.clubId, clubId))
      .orderBy(asc(clubGalleryMedia.seq));
  },

  async count(clubId: string): Promise<number> {
    const [row] = await db
      .select({ n: count() })
      .from(clubGalleryMedia)
      .where(eq(clubGalleryMedia.clubId, clubId));
    return row?.n ?? 0;
  },

  async find(clubId: string, id: string): Promise<GalleryItem | undefined> {
    const [row] = await db
      .select()
      .from(clubGalleryMedia)
      .where(and(eq(clubGalleryMedia.clubId, clubId), eq(clubGalleryMedia.id, id)));
    return row;
  },

  async add(clubId: string, item: NewGalleryItem): Promise<GalleryItem> {
    const [row] = await db
      .insert(clubGalleryMedia)
      .values({ ...item, clubId })
      .returning();
    return row as GalleryItem;
  },

  /** Undefined when the club has no such picture. */
  async update(
    clubId: string,
    id: string,
    changes: Partial<NewGalleryItem>,
  ): Promise<GalleryItem | undefined> {
    const [row] = await db
      .update(clubGalleryMedia)
      .set(changes)
      .where(and(eq(clubGalleryMedia.clubId, clubId), eq(clubGalleryMedia.id, id)))
      .returning();
    return row;
  },

  /** The removed picture, or undefined when the club had no such picture. */
  async remove(clubId: string, id: string): Promise<GalleryItem | undefined> {
    const [row] = await db
      .delete(clubGalleryMedia)
      .where(and(eq(clubGalleryMedia.clubId, clubId), eq(clubGalleryMedia.id, id)))
      .returning();
    return row;
  },
});
