import type { Db } from '@sproul/common/db';
import { clubGalleryRepository } from '../../data-access/club-gallery-repository.js';
import { findOwnClub, type Officer } from '../clubs/find-own-club.js';

/**
 * Gallery metadata. The pictures themselves are stored by the media service, which tells the catalog
 * about them; here an officer reads the list, edits captions and removes pictures.
 */
export async function listGallery(db: Db, officer: Officer) {
  const club = await findOwnClub(db, officer);
  return clubGalleryRepository(db).list(club.id);
}
