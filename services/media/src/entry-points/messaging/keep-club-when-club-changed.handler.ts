import { ClubCreatedV1, ClubUpdatedV1 } from '@sproul/common/events';
import { on } from '@sproul/common/messaging';
import { clubRepository } from '../../data-access/club-repository.js';

/** Media's copy of a club: created with its owner, kept current on a rename. */
export const keepClubWhenClubCreated = () =>
  on(ClubCreatedV1, async ({ data }, tx) => {
    await clubRepository(tx).upsert({
      id: data.clubId,
      ownerUserId: data.ownerUserId,
      linkName: data.club.link_name,
    });
  });

export const keepClubWhenClubUpdated = () =>
  on(ClubUpdatedV1, async ({ data }, tx) => {
    await clubRepository(tx).updateLinkName(data.clubId, data.club.link_name);
  });
