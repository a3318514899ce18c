import type { Db } from '@sproul/common/db';
import type { Outbox } from '@sproul/common/messaging';
import { clubGalleryRepository } from '../data-access/club-gallery-repository.js';
import { galleryPictureNotFound } from '../errors.js';
import { editClub } from './edit-club.js';
import { findOwnClub, isItemId, type Officer } from './officer-club.js';

type Ctx = { db: Db; outbox: Outbox };

/**
 * Gallery metadata. The pictures themselves are stored by the media service, which tells the catalog
 * about them; here an officer reads the list, edits captions and removes pictures.
 */
export async function listGallery(db: Db, officer: Officer) {
  const club = await findOwnClub(db, officer);
  return clubGalleryRepository(db).list(club.id);
}

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

/** Upstream treated an unknown id as nothing to do and answered the list; kept (DELETE is idempotent). */
export async function removeGalleryItem(ctx: Ctx, officer: Officer, id: string) {
  const club = await findOwnClub(ctx.db, officer);
  return editClub(ctx.outbox, club.id, async (_club, tx) => {
    const gallery = clubGalleryRepository(tx);
    const removed = isItemId(id) && (await gallery.remove(club.id, id));
    return { changed: removed ? ['gallery_media'] : [], result: await gallery.list(club.id) };
  });
}
