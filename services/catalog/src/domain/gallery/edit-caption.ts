import type { Db } from '@sproul/common/db';
import type { Outbox } from '@sproul/common/messaging';
import { clubGalleryRepository } from '../../data-access/club-gallery-repository.js';
import { galleryPictureNotFound } from '../../errors.js';
import { editClub } from '../clubs/edit-club.js';
import { findOwnClub, type Officer } from '../clubs/find-own-club.js';
import { isItemId } from '../lists/list-item-id.js';

type Ctx = { db: Db; outbox: Outbox };

/** Upstream answers an unknown picture with this 400 (not a 404); kept. */
export async function editCaption(ctx: Ctx, officer: Officer, id: string, caption: string) {
  const club = await findOwnClub(ctx.db, officer);
  return editClub(ctx.outbox, club.id, async (_club, tx) => {
    const gallery = clubGalleryRepository(tx);
    const before = isItemId(id) && (await gallery.find(club.id, id));
    if (!before) throw galleryPictureNotFound();
    if (before.caption === caption) return { changed: [], result: await gallery.list(club.id) };
    await gallery.update(club.id, id, { caption });
    return { changed: ['gallery_media'], result: await gallery.list(club.id) };
  });
}
