import type { Tx } from '@sproul/common/db';
import type { EventData, ImageDeletedV1 } from '@sproul/common/events';
import type { Outbox } from '@sproul/common/messaging';
import { clubGalleryRepository } from '../../data-access/club-gallery-repository.js';
import { clubRepository } from '../../data-access/club-repository.js';
import { editClubIn } from '../clubs/edit-club.js';

/**
 * A gallery picture the media service removed leaves the club's pages (already gone when a picture
 * that replaced it took its row). Logos and banners are only ever replaced, by ImageStored.
 */
export async function hideDeletedImage(tx: Tx, outbox: Outbox, image: EventData<typeof ImageDeletedV1>) {
  if (image.purpose !== 'gallery' || !(await clubRepository(tx).findById(image.clubId))) return;
  await editClubIn(tx, outbox, image.clubId, async () => {
    const removed = await clubGalleryRepository(tx).remove(image.clubId, image.imageId);
    return { changed: removed ? ['gallery_media'] : [], result: undefined };
  });
}
