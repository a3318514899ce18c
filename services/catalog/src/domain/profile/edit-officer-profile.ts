import type { Db } from '@sproul/common/db';
import type { Outbox } from '@sproul/common/messaging';
import { repositories } from '../../data-access/repositories.js';
import { editClubIn } from '../clubs/edit-club.js';
import { findOwnClub, type Officer } from '../clubs/find-own-club.js';
import { applyClubPatch } from './apply-club-patch.js';
import { assertKnownMetadata, assertRangesInOrder, type OfficerProfileEdit } from './officer-profile-edit.js';

/**
 * Partial edit: keys absent stay, social links merge (upstream replaced the whole set and lost the
 * others), a rename moves the link name with a redirect from the old one (applyClubPatch), and
 * `is_reactivating` brings a deactivated club back into the catalog.
 */
export async function editOfficerProfile(
  ctx: { db: Db; outbox: Outbox },
  officer: Officer,
  edit: OfficerProfileEdit,
) {
  const { id } = await findOwnClub(ctx.db, officer);
  const { is_reactivating, ...patch } = edit;
  await ctx.outbox.transaction((tx) =>
    // One edit, each lock once: the tag ids are held (no tag deletion renumbers them between their
    // check and their write) and the club row is locked (the order check reads the stored dates).
    editClubIn(tx, ctx.outbox, id, async (club) => {
      await assertKnownMetadata(repositories(tx), edit);
      assertRangesInOrder(club, edit);
      return applyClubPatch(tx, club, { ...patch, ...(is_reactivating ? { reactivated: true } : {}) });
    }),
  );
}
