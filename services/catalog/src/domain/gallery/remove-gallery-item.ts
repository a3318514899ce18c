import type { Db } from '@sproul/common/db';
import type { Outbox } from '@sproul/common/messaging';
import { clubGalleryRepository } from '../../data-access/club-gallery-repository.js';
import { editClub } from '../clubs/edit-club.js';
import { findOwnClub, type Officer } from '../clubs/find-own-club.js';
import { isItemId } from '../lists/list-item-id.js';

type Ctx = { db: Db; outbox: Outbox };

/** Upstream treated an unknown id as nothing to do and answered the list; kept (DELETE is idempotent). */
export async function removeGalleryItem(ctx: Ctx, officer: Officer, id: string) {
  const club = await findOwnClub(ctx.db, officer);
  return editClub(ctx.outbox, club.id, async (_club, tx) => {
    const gallery = clubGalleryRepository(tx);
    const removed = isItemId(id) && (await gallery.remove(club.id, id));
    return { changed: removed ? ['gallery_media'] : [], result: await gallery.list(club.id) };
  });
}
