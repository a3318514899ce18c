import type { EventEnvelope } from '@sproul/common/events';
import { lockClubObjects } from '../../data-access/club-repository.js';
import { type Image, imageRepository } from '../../data-access/image-repository.js';
import { galleryFull, galleryPictureNotFound, noClubForAccount } from '../../errors.js';
import type { MediaContext } from '../media-context.js';
import { imageDeleted, imageStored } from './image-events.js';
import { GALLERY_LIMIT } from './upload-rules.js';

/**
 * One transaction: the upload goes live, what it replaces goes to-delete (its objects are the
 * cleanup job's), and the catalog is told with the same commit. Checked again under the club's lock,
 * since two uploads may race: a full gallery or a replaced picture gone since refuses this one, whose
 * objects then go with its row.
 */
export async function commitImage(ctx: MediaContext, id: string, replacesId?: string): Promise<Image> {
  try {
    return await ctx.outbox.transaction(async (tx) => {
      const images = imageRepository(tx);
      const pending = await images.find(id);
      if (!pending) throw new Error(`image ${id} has no intent row`);
      await lockClubObjects(tx, pending.clubId);
      const now = ctx.clock();
      const current = await images.find(id);
      // The club was deleted meanwhile: its images, this one too, are to-delete.
      if (current?.state !== 'pending') throw noClubForAccount();
      const live = await images.live(pending.clubId, pending.purpose);
      let replaced: Image[] = [];
      if (pending.purpose !== 'gallery') replaced = live;
      else if (replacesId) {
        replaced = live.filter((image) => image.id === replacesId);
        if (replaced.length === 0) throw galleryPictureNotFound();
      } else if (live.length >= GALLERY_LIMIT) throw galleryFull(GALLERY_LIMIT);
      await images.setState([id], 'live', now);
      await images.setState(
        replaced.map((image) => image.id),
        'to-delete',
        now,
      );
      const events: EventEnvelope[] = [imageStored(current, replacesId)];
      if (pending.purpose === 'gallery') events.push(...replaced.map(imageDeleted));
      await ctx.outbox.append(tx, events);
      return { ...current, state: 'live' as const };
    });
  } catch (error) {
    await imageRepository(ctx.db).setState([id], 'to-delete', ctx.clock());
    throw error;
  }
}
