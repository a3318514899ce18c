import type { DbOrTx } from '@sproul/common/db';
import { and, asc, eq, gt, inArray, lt, ne, or, sql } from 'drizzle-orm';
import { type ImageState, imageObjects, images } from './schema.js';

export type Image = typeof images.$inferSelect;
export type NewImage = Omit<typeof images.$inferInsert, 'state' | 'createdAt' | 'updatedAt'>;

/** Stored images and their objects (see `images` in schema.ts for their states). */
export const imageRepository = (db: DbOrTx) => ({
  /** The intent: the row and its keys, committed before any object is put. */
  async addPending(image: NewImage, keys: string[], now: Date) {
    await db.insert(images).values({ ...image, state: 'pending', createdAt: now, updatedAt: now });
    await db.insert(imageObjects).values(keys.map((key) => ({ imageId: image.id, key })));
  },
  /** After every image of the club's purpose: gallery order is upload order. */
  async nextPosition(clubId: string, purpose: Image['purpose']): Promise<number> {
    const [row] = await db
      .select({ last: sql<string | null>`max(${images.position})` })
      .from(images)
      .where(and(eq(images.clubId, clubId), eq(images.purpose, purpose)));
    return Number(row?.last ?? 0) + 1;
  },
  async find(id: string): Promise<Image | undefined> {
    const [row] = await db.select().from(images).where(eq(images.id, id));
    return row;
  },
  /** A page of every live image in id order after `afterId` (replays walk them with it). */
  async livePage(afterId: string | undefined, limit: number): Promise<Image[]> {
    return db
      .select()
      .from(images)
      .where(and(eq(images.state, 'live'), afterId ? gt(images.id, afterId) : undefined))
      .orderBy(asc(images.id))
      .limit(limit);
  },

  /** A club's live images of one purpose, in gallery order. */
  async live(clubId: string, purpose: Image['purpose']): Promise<Image[]> {
    return db
      .select()
      .from(images)
      .where(and(eq(images.clubId, clubId), eq(images.purpose, purpose), eq(images.state, 'live')))
      .orderBy(asc(images.position), asc(images.createdAt));
  },
  async setState(ids: string[], state: ImageState, now: Date) {
    if (ids.length === 0) return;
    await db.update(images).set({ state, updatedAt: now }).where(inArray(images.id, ids));
  },
  async setCaption(id: string, caption: string, now: Date) {
    await db.update(images).set({ caption, updatedAt: now }).where(eq(images.id, id));
  },
  /** Every image of a club still shown or on its way: all go when the club does. */
  async markClubToDelete(clubId: string, now: Date) {
    await db
      .update(images)
      .set({ state: 'to-delete', updatedAt: now })
      .where(and(eq(images.clubId, clubId), ne(images.state, 'to-delete')));
  },
  /** Rows whose objects must go: replaced or removed, and intents that never committed. */
  async doomed(staleBefore: Date, limit = 100): Promise<Image[]> {
    return db
      .select()
      .from(images)
      .where(
        or(
          eq(images.state, 'to-delete'),
          and(eq(images.state, 'pending'), lt(images.createdAt, staleBefore)),
        ),
      )
      .limit(limit);
  },
  async remove(id: string) {
    await db.delete(images).where(eq(images.id, id));
  },
});
