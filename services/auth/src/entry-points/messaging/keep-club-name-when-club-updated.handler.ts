import { ClubUpdatedV1 } from '@sproul/common/events';
import { on } from '@sproul/common/messaging';
import { clubRepository } from '../../data-access/club-repository.js';

/** Invitations name the club: auth's copy follows renames. */
export const keepClubNameWhenClubUpdated = on(ClubUpdatedV1, async (event, tx) => {
  const { clubId, club } = event.data;
  await clubRepository(tx).upsert({ id: clubId, linkName: club.link_name, name: club.name });
});
