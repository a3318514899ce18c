import { ClubOfficerChangedV1 } from '@sproul/common/events';
import { on } from '@sproul/common/messaging';
import { clubRepository } from '../../data-access/club-repository.js';

/** Who runs which club, as auth says (role null: no longer an officer there). Every club route reads it. */
export const keepOfficersWhenClubOfficerChanged = () =>
  on(ClubOfficerChangedV1, async ({ data }, tx) =>
    clubRepository(tx).setOfficer(data.clubId, data.accountId, data.role),
  );
