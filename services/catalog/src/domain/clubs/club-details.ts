import type { DbOrTx } from '@sproul/common/db';
import type { ClubListEntry } from '../../data-access/club-catalog-repository.js';
import type { ClubEvent } from '../../data-access/club-event-repository.js';
import type { ClubQuestion } from '../../data-access/club-faq-repository.js';
import type { GalleryItem } from '../../data-access/club-gallery-repository.js';
import { clubListsRepository } from '../../data-access/club-lists-repository.js';
import type { Club } from '../../data-access/club-repository.js';
import type { ClubResource } from '../../data-access/club-resource-repository.js';

/** A club with every list it holds: what its page (and its officer's profile) shows. */
export interface ClubDetails {
  club: Club;
  events: ClubEvent[];
  recruitingEvents: ClubEvent[];
  resources: ClubResource[];
  faq: ClubQuestion[];
  gallery: GalleryItem[];
}

export interface ClubPage extends ClubDetails {
  recommended: ClubListEntry[];
}

export async function loadClubDetails(db: DbOrTx, club: Club): Promise<ClubDetails> {
  return { club, ...(await clubListsRepository(db).forClub(club.id)) };
}
