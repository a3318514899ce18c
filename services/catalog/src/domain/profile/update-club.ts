import type { Tx } from '@sproul/common/db';
import type { Outbox } from '@sproul/common/messaging';
import { type Club, clubRepository } from '../../data-access/club-repository.js';
import { editClubIn } from '../clubs/edit-club.js';
import { applyClubPatch } from './apply-club-patch.js';
import type { ClubPatch } from './club-patch.js';

/**
 * Applies a profile change in one transaction: writes what differs, bumps `last_updated` and emits
 * ClubUpdated with the changed field names (nothing differs: no write, no event). A new name whose slug
 * differs moves the club to a new unique `link_name`; the former one keeps redirecting to it.
 */
export async function updateClub(ctx: { outbox: Outbox }, clubId: string, patch: ClubPatch): Promise<Club> {
  // Two clubs renamed to one slug at the same instant: the unique index lets one through, and the
  // other's unique violation is answered 409 by the common error handler, whichever route ran it.
  return ctx.outbox.transaction((tx) => updateClubIn(tx, ctx.outbox, clubId, patch));
}

/** The same in the caller's transaction (event handlers): one editClubIn, so each lock is taken once. */
export async function updateClubIn(tx: Tx, outbox: Outbox, clubId: string, patch: ClubPatch): Promise<Club> {
  const result = await editClubIn(tx, outbox, clubId, (club) => applyClubPatch(tx, club, patch));
  // Re-read: the edit bumped `last_updated` after `work` returned.
  return (await clubRepository(tx).findById(clubId)) ?? result;
}
