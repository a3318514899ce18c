import {
  makeEvent,
  ReadModelReplayedV1,
  ReadModelReplayRequestedV1,
  replaysAsking,
} from '@sproul/common/events';
import { type Outbox, onBatch } from '@sproul/common/messaging';
import { restateClubs } from '../../domain/clubs/restate-clubs.js';

/**
 * A consumer rebuilds its read models: the catalog states every club and the tag set again, then says
 * it is done (after them in the outbox), so the asker stops re-sending the request. Once per replay in
 * a batch: re-sends that queued up while the catalog was down are one answer.
 */
export const restateClubsWhenReplayRequested = (outbox: Outbox) =>
  onBatch(ReadModelReplayRequestedV1, async (requests, tx) => {
    for (const replayId of replaysAsking(requests, 'catalog')) {
      await restateClubs(tx, outbox);
      await outbox.append(tx, [makeEvent(ReadModelReplayedV1, { replayId, service: 'catalog' }, 'catalog')]);
    }
  });
