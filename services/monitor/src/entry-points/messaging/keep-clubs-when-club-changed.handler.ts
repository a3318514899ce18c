import { ClubCreatedV2, ClubDeletedV1, ClubUpdatedV2, TagChangedV1 } from '@sproul/common/events';
import { on } from '@sproul/common/messaging';
import { catalogWrites } from '../../data-access/club-writes.js';

/** The clubs read model from the catalog's v2 snapshots (older ones are kept out by the kernel), and tag names. */
export const keepClubsWhenClubChanged = [
  on(ClubCreatedV2, ({ data }, tx) => catalogWrites(tx).stated(data.clubId, data.club)),
  on(ClubUpdatedV2, ({ data }, tx) => catalogWrites(tx).stated(data.clubId, data.club)),
  on(ClubDeletedV1, ({ data }, tx) => catalogWrites(tx).deleted(data.clubId)),
  on(TagChangedV1, ({ data }, tx) => catalogWrites(tx).tagsAre(data.tags)),
];
