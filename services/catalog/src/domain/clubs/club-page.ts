import type { DbOrTx } from '@sproul/common/db';
import type { ClubListEntry } from '../../data-access/club-catalog-repository.js';
import type { ClubEvent } from '../../data-access/club-event-repository.js';
import type { ClubQuestion } from '../../data-access/club-faq-repository.js';
import type { GalleryItem } from '../../data-access/club-gallery-repository.js';
import { clubListsRepository } from '../../data-access/club-lists-repository.js';
import type { Club } from '../../data-access/club-repository.js';
import type { ClubResource } from '../../data-access/club-resource-repository.js';
import { repositories } from '../../data-access/repositories.js';

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

export type ClubLookup = { found: Club } | { movedTo: string } | { missing: true };

/**
 * A visible club by link name; a former link name of a renamed club answers where it moved
 * (only while that club is visible, so a redirect never reveals a hidden club).
 */
export async function lookupVisibleClub(db: DbOrTx, linkName: string): Promise<ClubLookup> {
  const clubs = repositories(db).clubs;
  const club = await clubs.findVisibleByLinkName(linkName);
  if (club) return { found: club };
  const current = await clubs.findRedirect(linkName);
  if (current && (await clubs.findVisibleByLinkName(current))) return { movedTo: current };
  return { missing: true };
}
