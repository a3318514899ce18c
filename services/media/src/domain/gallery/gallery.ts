import { lockClubObjects } from '../../data-access/club-repository.js';
import { type Image, imageRepository } from '../../data-access/image-repository.js';
import { galleryPictureNotFound } from '../../errors.js';
import { findOwnClub, type Officer } from '../clubs/find-own-club.js';
import { imageDeleted, imageStored } from '../images/image-events.js';
import { storeImage } from '../images/store-image.js';
import { uploadRules } from '../images/upload-rules.js';
import type { MediaContext } from '../media-context.js';

// The officer's gallery, as upstream's routes act on it; media owns it, the catalog shows it from events.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function listGallery(ctx: MediaContext, officer: Officer): Promise<Image[]> {
  const club = await findOwnClub(ctx.db, officer);
  return imageRepository(ctx.db).live(club.id, 'gallery');
}

export async function addPicture(ctx: MediaContext, officer: Officer, bytes: Buffer, caption: string) {
  const club = await findOwnClub(ctx.db, officer);
  await storeImage(ctx, { clubId: club.id, rule: uploadRules.gallery, bytes, caption });
  return imageRepository(ctx.db).live(club.id, 'gallery');
}

/** Upstream's PUT: a new caption when one is sent, and a new photo (new id and URL, same place) when one is. */
export async function editPicture(
  ctx: MediaContext,
  officer: Officer,
  id: string,
  change: { caption?: string; bytes?: Buffer },
) {
  const club = await findOwnClub(ctx.db, officer);
  const gallery = imageRepository(ctx.db);
  const picture = UUID.test(id)
    ? (await gallery.live(club.id, 'gallery')).find((p) => p.id === id)
    : undefined;
  if (!picture) throw galleryPictureNotFound();
  const caption = change.caption ?? picture.caption;
  if (change.bytes) {
    const rule = uploadRules.gallery;
    await storeImage(ctx, {
      clubId: club.id,
      rule,
      bytes: change.bytes,
      caption,
      replaces: picture,
    });
  } else if (picture.caption !== caption) {
    await ctx.outbox.transaction(async (tx) => {
      await lockClubObjects(tx, club.id);
      const current = await imageRepository(tx).find(id);
      if (current?.state !== 'live') throw galleryPictureNotFound();
      await imageRepository(tx).setCaption(id, caption, ctx.clock());
      await ctx.outbox.append(tx, [imageStored({ ...current, caption })]);
    });
  }
  return gallery.live(club.id, 'gallery');
}

/** Upstream treated an unknown id as nothing to do and answered the list; kept (DELETE is idempotent). */
export async function removePicture(ctx: MediaContext, officer: Officer, id: string) {
  const club = await findOwnClub(ctx.db, officer);
  if (UUID.test(id)) {
    await ctx.outbox.transaction(async (tx) => {
      await lockClubObjects(tx, club.id);
      const picture = await imageRepository(tx).find(id);
      if (picture?.clubId !== club.id || picture.purpose !== 'gallery' || picture.state !== 'live') return;
      await imageRepository(tx).setState([id], 'to-delete', ctx.clock());
      await ctx.outbox.append(tx, [imageDeleted(picture)]);
    });
  }
  return imageRepository(ctx.db).live(club.id, 'gallery');
}
