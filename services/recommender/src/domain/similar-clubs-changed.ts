import type { DbOrTx } from '@sproul/common/db';
import { type EventData, makeEvent, SimilarClubsChangedV1 } from '@sproul/common/events';
import type { Outbox } from '@sproul/common/messaging';

export type SimilarClubsChangeReason = EventData<typeof SimilarClubsChangedV1>['reason'];

/**
 * Appends a SimilarClubsChanged to the caller's transaction. It names no clubs: a changed club can
 * enter or leave any other club's list, and working out which lists it did costs more than the
 * catalog's dropping its cached pages.
 */
export function announceSimilarClubsChanged(
  outbox: Outbox,
  tx: DbOrTx,
  reason: SimilarClubsChangeReason,
  correlationId?: string,
) {
  return outbox.append(tx, [makeEvent(SimilarClubsChangedV1, { reason }, 'recommender', correlationId)]);
}
