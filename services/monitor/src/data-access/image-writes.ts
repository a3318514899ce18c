import type { DbOrTx } from '@sproul/common/db';
import { and, eq, ne } from 'drizzle-orm';
import { clubImages } from './schema.js';

/**
 * Writes of the media service's read model. A club has one logo and one banner: a newer one stored
 * takes the place of the one kept (the kernel keeps older ones out). A gallery picture is its own row;
 * one that `replaces` another takes its place.
 */
export const imageWrites = (db: DbOrTx) => ({
  async stored(image: { imageId: string; clubId: string; purpose: string; replaces?: string }) {
    const { imageId, clubId, purpose } = image;
    if (purpose !== 'gallery') {
      await db
        .delete(clubImages)
        .where(
          and(
            eq(clubImages.clubId, clubId),
            eq(clubImages.purpose, purpose),
            ne(clubImages.imageId, imageId),
          ),
        );
    }
    if (image.replaces) await db.delete(clubImages).where(eq(clubImages.imageId, image.replaces));
    await db.insert(clubImages).values({ imageId, clubId, purpose }).onConflictDoNothing();
  },

  async deleted(imageId: string) {
    await db.delete(clubImages).where(eq(clubImages.imageId, imageId));
  },

  async clubDeleted(clubId: string) {
    await db.delete(clubImages).where(eq(clubImages.clubId, clubId));
  },
});
