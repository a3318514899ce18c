import { lockClubObjects } from '../../data-access/club-repository.js';
import { imageObjectRepository } from '../../data-access/image-object-repository.js';
import { imageRepository } from '../../data-access/image-repository.js';
import type { MediaContext } from '../media-context.js';

/**
 * Deletes the objects of replaced and removed images, and of intents older than the grace period
 * (their upload died between put and commit), then their rows. Per image, under its club's lock: a
 * key another live or pending image uses (identical uploads share keys) is kept. Idempotent: a crash
 * midway leaves the row, and the next run deletes again (deleting a missing object is no error).
 */
export async function deleteDoomedImages(ctx: MediaContext, now: Date): Promise<number> {
  const staleBefore = new Date(now.getTime() - ctx.config.MEDIA_GRACE_MS);
  let deleted = 0;
  for (;;) {
    const doomed = await imageRepository(ctx.db).doomed(staleBefore);
    if (doomed.length === 0) return deleted;
    for (const image of doomed) {
      await ctx.db.transaction(async (tx) => {
        await lockClubObjects(tx, image.clubId);
        const objects = imageObjectRepository(tx);
        const keys = await objects.keysOf(image.id);
        const inUse = await objects.keysInUse(keys, image.id);
        await ctx.objects.delete(keys.filter((key) => !inUse.has(key)));
        await imageRepository(tx).remove(image.id);
      });
      deleted += 1;
    }
  }
}
