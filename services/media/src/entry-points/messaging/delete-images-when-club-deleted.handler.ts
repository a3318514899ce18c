import { ClubDeletedV1 } from '@sproul/common/events';
import { on } from '@sproul/common/messaging';
import { clubRepository, lockClubObjects } from '../../data-access/club-repository.js';
import { imageRepository } from '../../data-access/image-repository.js';

/**
 * A deleted club's images all go (upstream kept them forever): marked to-delete here, deleted by the
 * cleanup job. An upload in flight finds its intent marked too and is refused at its commit.
 */
export const deleteImagesWhenClubDeleted = (clock: () => Date) =>
  on(ClubDeletedV1, async ({ data }, tx) => {
    await lockClubObjects(tx, data.clubId);
    await imageRepository(tx).markClubToDelete(data.clubId, clock());
    const club = { id: data.clubId, ownerUserId: data.ownerUserId, linkName: data.link_name };
    await clubRepository(tx).upsert(club, true);
  });
