import type { CatalogContext } from '../../domain/catalog-context.js';
import { createClubWhenUserRegistered } from './create-club-when-user-registered.handler.js';
import { followOwnerWhenClubOfficerChanged } from './follow-owner-when-club-officer-changed.handler.js';
import { hideImageWhenImageDeleted } from './hide-image-when-image-deleted.handler.js';
import { refreshClubPagesWhenSimilarClubsChanged } from './refresh-club-pages-when-similar-clubs-changed.handler.js';
import { removeAccountDataWhenAccountDeleted } from './remove-account-data-when-account-deleted.handler.js';
import { restateClubsWhenReplayRequested } from './restate-clubs-when-replay-requested.handler.js';
import { showClubWhenAccountConfirmed } from './show-club-when-account-confirmed.handler.js';
import { showImageWhenImageStored } from './show-image-when-image-stored.handler.js';
import { showMemberCountWhenClubMembersCounted } from './show-member-count-when-club-members-counted.handler.js';

/**
 * The events the catalog follows: accounts and club owners (auth), stored or deleted images (media), member counts
 * (engagement), the recommender's changed similar clubs, replay requests.
 */
export const catalogHandlers = ({ outbox }: CatalogContext) => [
  createClubWhenUserRegistered(outbox),
  showClubWhenAccountConfirmed(outbox),
  removeAccountDataWhenAccountDeleted(outbox),
  followOwnerWhenClubOfficerChanged(),
  showImageWhenImageStored(outbox),
  hideImageWhenImageDeleted(outbox),
  showMemberCountWhenClubMembersCounted(),
  refreshClubPagesWhenSimilarClubsChanged(),
  restateClubsWhenReplayRequested(outbox),
];
