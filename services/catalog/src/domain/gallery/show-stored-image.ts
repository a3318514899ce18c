import type { Tx } from '@sproul/common/db';
import type { EventData, ImageStoredV1 } from '@sproul/common/events';
import type { Outbox } from '@sproul/common/messaging';
import { clubGalleryRepository } from '../../data-access/club-gallery-repository.js';
import { clubRepository } from '../../data-access/club-repository.js';
import { editClubIn } from '../clubs/edit-club.js';
import { updateClubIn } from '../profile/update-club.js';

/** Upstream's limit on a club's gallery, which the media service checks before it stores a picture. */
export const GALLERY_LIMIT = 5;

/**
 * Shows an image the media service stored: the club's new logo or banner URL, or a gallery picture,
 * upserted by the image's id (a redelivery adds nothing; a caption edit, a newer version of the same
 * picture, updates it). A picture that `replaces` another takes its row, so it keeps its place. A club
 * deleted since has nothing to show it on (the media service removes its images on ClubDeleted).
 */
export async function showStoredImage(tx: Tx, outbox: Outbox, image: EventData<typeof ImageStoredV1>) {
  if (!(await clubRepository(tx).findById(image.clubId))) return;
  if (image.purpose === 'logo')
    return void (await updateClubIn(tx, outbox, image.clubId, { logo_url: image.url }));
  if (image.purpose === 'banner') {
    return void (await updateClubIn(tx, outbox, image.clubId, { banner_url: image.url }));
  }
  await editClubIn(tx, outbox, image.clubId, async () => {
    const gallery = clubGalleryRepository(tx);
    const shown = { url: image.url, caption: image.caption, objectKey: image.objectKey };
    const current = await gallery.find(image.clubId, image.imageId);
    if (current) {
      if (current.url === shown.url && current.caption === shown.caption)
        return { changed: [], result: undefined };
      await gallery.update(image.clubId, image.imageId, shown);
      return { changed: ['gallery_media'], result: undefined };
    }
    if (
      image.replaces &&
      (await gallery.update(image.clubId, image.replaces, { id: image.imageId, ...shown }))
    ) {
      return { changed: ['gallery_media'], result: undefined };
    }
    // The media service refuses an upload to a full gallery; an event that breaks that is a bug there,
    // and goes to the dead letters (after retries) rather than past the limit.
    if ((await gallery.count(image.clubId)) >= GALLERY_LIMIT) {
      throw new Error(`gallery of club ${image.clubId} is full; picture ${image.imageId} not added`);
    }
    await gallery.add(image.clubId, { id: image.imageId, ...shown });
    return { changed: ['gallery_media'], result: undefined };
  });
}
